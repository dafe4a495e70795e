/**
 * The row kernels run on float64 data only. V8 compiles a kernel's element loads for the array kinds it has
 * seen: a kernel fed both Float32Array and Float64Array (typed-array input beside converted nested input, or
 * a TF.js tensor's memory) ran ~1.7× slower than one fed a single kind (W1: 17 vs 10 ns per logit). So data
 * of any other kind is copied a block of rows at a time (at most {@link BLOCK} elements, 64 KiB) into
 * float64 scratch arrays (float64 data is viewed through subarrays, not copied), and the kernel is called
 * once per block; per-position values and the gradient are written through subarrays of the real outputs. The copy reads each element once (~0.5 ns);
 * the memory it takes is the block, never N × C. A single row longer than a block runs on the data as given.
 * Calling the kernel once per block also lets V8 optimise it as a whole function with complete feedback
 * rather than part-way through one long loop.
 *
 * @internal
 */
import type { SigmoidFamilyParams, SoftmaxFamilyParams } from './types';

/** Elements per block: 8192 float64 = 64 KiB, well inside the L2 cache. */
export const BLOCK = 8192;

/**
 * Elements [start, start + length) of `src` as float64: a subarray view when `src` is a Float64Array (no
 * copy), else a copy into the head of `scratch`.
 */
function slice(src: ArrayLike<number>, start: number, length: number, scratch: Float64Array): Float64Array {
  if (src instanceof Float64Array) return src.subarray(start, start + length);
  const out = length === scratch.length ? scratch : scratch.subarray(0, length);
  if (ArrayBuffer.isView(src)) {
    // a typed array: the engine's own converting copy (Float32Array, Int32Array, … → float64)
    out.set((src as unknown as Float32Array).subarray(start, start + length));
  } else {
    for (let k = 0; k < length; k++) out[k] = src[start + k]!;
  }
  return out;
}

/** A scratch array for `src` when it is not float64 (else an empty one: {@link slice} views it). */
const scratchFor = (src: ArrayLike<number> | null, length: number): Float64Array =>
  src === null || src instanceof Float64Array ? EMPTY : new Float64Array(length);

const EMPTY = new Float64Array(0);

/** Runs a softmax-family kernel on float64 blocks of rows (see the module comment). */
export function softmaxBlocks(p: SoftmaxFamilyParams, kernel: (p: SoftmaxFamilyParams) => void): void {
  const { outer, classes, inner } = p.layout;
  const rowSpan = classes * inner;
  if (rowSpan > BLOCK || outer <= 1) {
    kernel(p);
    return;
  }
  const rows = Math.min(outer, Math.floor(BLOCK / rowSpan));
  const x = scratchFor(p.predictions, rows * rowSpan);
  const dist = scratchFor(p.distributions, rows * rowSpan);
  const labels = scratchFor(p.labels, rows * inner);
  const sw = scratchFor(p.sampleWeights, rows * inner);
  for (let o0 = 0; o0 < outer; o0 += rows) {
    const m = Math.min(rows, outer - o0);
    const e0 = o0 * rowSpan;
    const n0 = o0 * inner;
    kernel({
      ...p,
      layout: { outer: m, classes, inner },
      predictions: slice(p.predictions, e0, m * rowSpan, x),
      labels: p.labels === null ? null : slice(p.labels, n0, m * inner, labels),
      distributions: p.distributions === null ? null : slice(p.distributions, e0, m * rowSpan, dist),
      sampleWeights: p.sampleWeights === null ? null : slice(p.sampleWeights, n0, m * inner, sw),
      perPosition: p.perPosition === null ? null : p.perPosition.subarray(n0, n0 + m * inner),
      grad: p.grad === null ? null : p.grad.subarray(e0, e0 + m * rowSpan),
    });
  }
}

/** Runs a sigmoid-family kernel on float64 blocks of elements (see the module comment). */
export function sigmoidBlocks(p: SigmoidFamilyParams, kernel: (p: SigmoidFamilyParams) => void): void {
  const size = p.size;
  if (size <= BLOCK) {
    kernel(p);
    return;
  }
  const x = scratchFor(p.predictions, BLOCK);
  const t = scratchFor(p.targets, BLOCK);
  const pw = scratchFor(p.posWeight, BLOCK);
  const sw = scratchFor(p.sampleWeights, BLOCK);
  for (let s0 = 0; s0 < size; s0 += BLOCK) {
    const m = Math.min(BLOCK, size - s0);
    kernel({
      ...p,
      size: m,
      predictions: slice(p.predictions, s0, m, x),
      targets: slice(p.targets, s0, m, t),
      posWeight: p.posWeight === null ? null : slice(p.posWeight, s0, m, pw),
      sampleWeights: p.sampleWeights === null ? null : slice(p.sampleWeights, s0, m, sw),
      perPosition: p.perPosition === null ? null : p.perPosition.subarray(s0, s0 + m),
      grad: p.grad === null ? null : p.grad.subarray(s0, s0 + m),
    });
  }
}
