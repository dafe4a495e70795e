import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients.js';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops.js';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { registerTrainingKernels } from './kernels/index.js';

export type BackendName = 'wasm' | 'cpu';

let restoreKernels: (() => void) | undefined;

/** The folder holding the wasm backend's `.wasm` binaries (inside its npm package). */
function wasmDir(): string {
  const require = createRequire(import.meta.url);
  return `${join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist')}/`;
}

/**
 * Selects the TF.js backend for training. On wasm it points the backend at its binaries and registers
 * the training kernels of `./kernels` (once), without which a convolution cannot be trained there.
 */
export async function useBackend(name: BackendName): Promise<void> {
  if (name === 'wasm') setWasmPaths(wasmDir());
  const ok = await tf.setBackend(name);
  if (!ok) throw new Error(`TF.js backend '${name}' failed to initialise.`);
  await tf.ready();
  if (name === 'wasm' && restoreKernels === undefined) restoreKernels = registerTrainingKernels();
}
