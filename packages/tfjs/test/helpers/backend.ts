import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

/**
 * The backends every test runs on. `cpu` and `wasm` are TF.js's own and take the kernel path (core's
 * float64 kernels on the tensor data). `wasm-composite` is the wasm backend registered a second time under
 * another name, with the same kernels: the losses see a backend that is not `cpu` or `wasm`, as webgl and
 * webgpu are, and run their composite tf ops — so that form, which those untested backends use, is tested
 * on real float32 kernels too.
 */
export type BackendName = 'cpu' | 'wasm' | 'wasm-composite';
export const BACKENDS: readonly BackendName[] = ['cpu', 'wasm', 'wasm-composite'];

let wasmPathsSet = false;
let compositeRegistered = false;

function registerComposite(): void {
  if (compositeRegistered) return;
  const factory = tf.findBackendFactory('wasm');
  if (factory === null) throw new Error('the wasm backend is not registered');
  tf.registerBackend('wasm-composite', factory, 0);
  for (const kernel of tf.getKernelsForBackend('wasm')) {
    tf.registerKernel({ ...kernel, backendName: 'wasm-composite' });
  }
  compositeRegistered = true;
}

/** Activates a backend (the wasm binary is loaded from the installed package, offline). */
export async function useBackend(name: BackendName): Promise<void> {
  if (name !== 'cpu' && !wasmPathsSet) {
    const require = createRequire(import.meta.url);
    const dir = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
    setWasmPaths(`${dir}/`);
    wasmPathsSet = true;
  }
  if (name === 'wasm-composite') registerComposite();
  const ok = await tf.setBackend(name);
  if (!ok) throw new Error(`backend ${name} failed to initialise`);
  await tf.ready();
}

export { tf };
