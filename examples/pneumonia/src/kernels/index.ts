import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import {
  Conv2D,
  Conv2DBackpropFilter,
  type Conv2DBackpropFilterAttrs,
  Conv2DBackpropInput,
  type Conv2DBackpropInputAttrs,
  getKernel,
  type KernelConfig,
  type KernelFunc,
  MaxPoolGrad,
  type MaxPoolGradAttrs,
  Mean,
  type NamedAttrMap,
  registerKernel,
  Sum,
  type TensorInfo,
  Tile,
  unregisterKernel,
} from '@tensorflow/tfjs-core';
import { conv2dBackpropFilterViaConv } from './conv2dBackpropFilter.js';
import { conv2dBackpropInputViaConv } from './conv2dBackpropInput.js';
import { stock } from './heap.js';
import { reduceLeading } from './leadingReduce.js';
import { maxPoolGradDirect } from './maxPoolGrad.js';
import { tileDirect } from './tile.js';

type Replacement = (
  backend: BackendWasm,
  inputs: Record<string, TensorInfo>,
  attrs: NamedAttrMap,
  fallback: KernelFunc | undefined,
) => TensorInfo | null;

const REPLACEMENTS: Record<string, Replacement> = {
  [Conv2DBackpropFilter]: (backend, { x, dy }, attrs) =>
    conv2dBackpropFilterViaConv(
      backend,
      conv2dOf(backend),
      x as TensorInfo,
      dy as TensorInfo,
      attrs as unknown as Conv2DBackpropFilterAttrs,
    ),
  [Conv2DBackpropInput]: (backend, { dy, filter }, attrs) =>
    conv2dBackpropInputViaConv(
      backend,
      conv2dOf(backend),
      dy as TensorInfo,
      filter as TensorInfo,
      attrs as unknown as Conv2DBackpropInputAttrs,
    ),
  [MaxPoolGrad]: (backend, { dy, input }, attrs) =>
    maxPoolGradDirect(backend, dy as TensorInfo, input as TensorInfo, attrs as unknown as MaxPoolGradAttrs),
  [Tile]: (backend, { x }, attrs) => tileDirect(backend, x as TensorInfo, attrs.reps as number[]),
  [Sum]: (backend, { x }, attrs) =>
    reduceLeading(
      backend,
      x as TensorInfo,
      attrs.axis as number | number[],
      attrs.keepDims as boolean,
      false,
    ),
  [Mean]: (backend, { x }, attrs) =>
    reduceLeading(backend, x as TensorInfo, attrs.axis as number | number[], attrs.keepDims as boolean, true),
};

function conv2dOf(backend: BackendWasm) {
  const config = getKernel(Conv2D, 'wasm');
  if (config === undefined) throw new Error('the wasm backend has no Conv2D kernel');
  return stock(config.kernelFunc, backend);
}

/** The kernel names `registerTrainingKernels` replaces. */
export const REPLACED_KERNELS = Object.keys(REPLACEMENTS);

/**
 * Registers, for the already initialised wasm backend, the kernels a convolutional network needs to
 * train quickly and correctly in Node: Conv2DBackpropFilter (missing from TF.js 4.22's wasm backend)
 * and Conv2DBackpropInput as forward convolutions, MaxPoolGrad (whose stock version is wrong for
 * all-negative windows), Tile, and Sum/Mean over leading axes. Each replacement falls back to the
 * stock kernel for inputs it does not cover. Returns a function that restores the stock kernels.
 */
export function registerTrainingKernels(): () => void {
  const previous: KernelConfig[] = [];
  for (const [name, replacement] of Object.entries(REPLACEMENTS)) {
    const original = getKernel(name, 'wasm');
    if (original !== undefined) {
      previous.push(original);
      unregisterKernel(name, 'wasm');
    }
    const fallback = original?.kernelFunc;
    registerKernel({
      kernelName: name,
      backendName: 'wasm',
      kernelFunc: ((args: {
        inputs: Record<string, TensorInfo>;
        attrs: NamedAttrMap;
        backend: BackendWasm;
      }) => {
        const out = replacement(args.backend, args.inputs, args.attrs, fallback);
        if (out !== null) return out;
        if (fallback === undefined)
          throw new Error(`Kernel '${name}' is not covered for these inputs on the wasm backend.`);
        return fallback(args as never);
      }) as unknown as KernelFunc,
    });
  }
  return () => {
    for (const name of REPLACED_KERNELS) unregisterKernel(name, 'wasm');
    for (const config of previous) registerKernel(config);
  };
}
