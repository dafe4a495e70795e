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

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The parameters a kernel is called with, always built here by one object literal (so every call hands the
 * kernel objects of one shape, whether the data runs whole or in blocks) and, for blocks, updated in place.
 */
function softmaxParams(p: SoftmaxFamilyParams): Mutable<SoftmaxFamilyParams> {
  return {
    layout: { outer: p.layout.outer, classes: p.layout.classes, inner: p.layout.inner },
    predictions: p.predictions,
    predictionKind: p.predictionKind,
    labels: p.labels,
    distributions: p.distributions,
    ignoreIndex: p.ignoreIndex,
    classWeights: p.classWeights,
    labelSmoothing: p.labelSmoothing,
    epsilon: p.epsilon,
    gamma: p.gamma,
    alpha: p.alpha,
    sampleWeights: p.sampleWeights,
    perPosition: p.perPosition,
    grad: p.grad,
    acc: p.acc,
  };
}

function sigmoidParams(p: SigmoidFamilyParams): Mutable<SigmoidFamilyParams> {
  return {
    size: p.size,
    predictions: p.predictions,
    predictionKind: p.predictionKind,
    targets: p.targets,
    ignoreValue: p.ignoreValue,
    posWeight: p.posWeight,
    labelSmoothing: p.labelSmoothing,
    epsilon: p.epsilon,
    gamma: p.gamma,
    alpha: p.alpha,
    sampleWeights: p.sampleWeights,
    perPosition: p.perPosition,
    grad: p.grad,
    acc: p.acc,
  };
}

/** Runs a softmax-family kernel on float64 blocks of rows (see the module comment). */
export function softmaxBlocks(p: SoftmaxFamilyParams, kernel: (p: SoftmaxFamilyParams) => void): void {
  const { outer, classes, inner } = p.layout;
  const rowSpan = classes * inner;
  const q = softmaxParams(p);
  if (rowSpan > BLOCK || outer <= 1) {
    kernel(q);
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
    q.layout = { outer: m, classes, inner };
    q.predictions = slice(p.predictions, e0, m * rowSpan, x);
    if (p.labels !== null) q.labels = slice(p.labels, n0, m * inner, labels);
    if (p.distributions !== null) q.distributions = slice(p.distributions, e0, m * rowSpan, dist);
    if (p.sampleWeights !== null) q.sampleWeights = slice(p.sampleWeights, n0, m * inner, sw);
    if (p.perPosition !== null) q.perPosition = p.perPosition.subarray(n0, n0 + m * inner);
    if (p.grad !== null) q.grad = p.grad.subarray(e0, e0 + m * rowSpan);
    kernel(q);
  }
}

/** Runs a sigmoid-family kernel on float64 blocks of elements (see the module comment). */
export function sigmoidBlocks(p: SigmoidFamilyParams, kernel: (p: SigmoidFamilyParams) => void): void {
  const size = p.size;
  const q = sigmoidParams(p);
  if (size <= BLOCK) {
    kernel(q);
    return;
  }
  const x = scratchFor(p.predictions, BLOCK);
  const t = scratchFor(p.targets, BLOCK);
  const pw = scratchFor(p.posWeight, BLOCK);
  const sw = scratchFor(p.sampleWeights, BLOCK);
  for (let s0 = 0; s0 < size; s0 += BLOCK) {
    const m = Math.min(BLOCK, size - s0);
    q.size = m;
    q.predictions = slice(p.predictions, s0, m, x);
    q.targets = slice(p.targets, s0, m, t);
    if (p.posWeight !== null) q.posWeight = slice(p.posWeight, s0, m, pw);
    if (p.sampleWeights !== null) q.sampleWeights = slice(p.sampleWeights, s0, m, sw);
    if (p.perPosition !== null) q.perPosition = p.perPosition.subarray(s0, s0 + m);
    if (p.grad !== null) q.grad = p.grad.subarray(s0, s0 + m);
    kernel(q);
  }
}
