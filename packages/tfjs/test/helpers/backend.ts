import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

export type BackendName = 'cpu' | 'wasm';
export const BACKENDS: readonly BackendName[] = ['cpu', 'wasm'];

let wasmPathsSet = false;

/** Activates a backend (the wasm binary is loaded from the installed package, offline). */
export async function useBackend(name: BackendName): Promise<void> {
  if (name === 'wasm' && !wasmPathsSet) {
    const require = createRequire(import.meta.url);
    const dir = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
    setWasmPaths(`${dir}/`);
    wasmPathsSet = true;
  }
  const ok = await tf.setBackend(name);
  if (!ok) throw new Error(`backend ${name} failed to initialise`);
  await tf.ready();
}

export { tf };
