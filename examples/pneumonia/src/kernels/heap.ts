import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { KernelFunc, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs-core';

/** Calls a stock kernel's function with inputs and attributes the kernel itself built. */
export type StockKernel = (inputs: Record<string, TensorInfo>, attrs: NamedAttrMap) => TensorInfo;

/** Wraps a registered kernel function so that it can be called from another kernel on `backend`. */
export function stock(func: KernelFunc, backend: BackendWasm): StockKernel {
  return (inputs, attrs) => func({ inputs, attrs, backend }) as TensorInfo;
}

/**
 * A float32 view of a tensor's data on the wasm heap. Views are invalidated when the heap grows, so take
 * them only after every output of the kernel has been allocated.
 */
export function heapF32(backend: BackendWasm, t: TensorInfo): Float32Array {
  return backend.typedArrayFromHeap(t) as Float32Array;
}

/** Frees an intermediate tensor made with `backend.makeOutput` inside a kernel. */
export function release(backend: BackendWasm, t: TensorInfo): void {
  backend.disposeData(t.dataId, true);
}
