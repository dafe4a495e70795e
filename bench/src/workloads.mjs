/**
 * The workloads: float32 data from a fixed seed, its float64 reference, and its nested-array form.
 *   W1  softmax cross-entropy, 100,000 × 14, integer labels
 *   W2  softmax cross-entropy, 1,000,000 × 2, integer labels
 *   W3  segmentation, 256 × 256 pixels × 4 classes, class axis last ([256, 256, 4]) and first ([4, 256, 256])
 *   W4  multi-label sigmoid cross-entropy, 100,000 × 14, 0/1 targets (P(1) = 0.2)
 * Logits are N(0, 2²), the spread of a trained classifier's logits.
 */
import { sigmoidReference, softmaxReference } from './reference.mjs';
import { bernoulliFloat32, createRng, labelsInt32, normalFloat32 } from './rng.mjs';

export const SEED = 20261203;

const fmt = (v) => v.toLocaleString('en-US');

/** @param {Float32Array} data @param {number[]} shape → nested number[] arrays */
export function toNested(data, shape) {
  const build = (offset, dim) => {
    const size = shape[dim];
    if (dim === shape.length - 1) return Array.from(data.subarray(offset, offset + size));
    const stride = shape.slice(dim + 1).reduce((a, b) => a * b, 1);
    const out = new Array(size);
    for (let k = 0; k < size; k++) out[k] = build(offset + k * stride, dim + 1);
    return out;
  };
  return build(0, 0);
}

/**
 * A softmax workload: logits of `shape`, class axis `axis` (0 or last), integer labels over the other axes.
 */
export function softmaxData(id, title, shape, axis, seed) {
  const rank = shape.length;
  const ax = axis < 0 ? rank + axis : axis;
  const classes = shape[ax];
  const outer = shape.slice(0, ax).reduce((a, b) => a * b, 1);
  const inner = shape.slice(ax + 1).reduce((a, b) => a * b, 1);
  const positionsShape = shape.filter((_, k) => k !== ax);
  const elements = outer * classes * inner;
  const positions = outer * inner;
  const rng = createRng(seed);
  const logits = normalFloat32(rng, elements, 0, 2);
  const labels = labelsInt32(rng, positions, classes);
  let nested = null;
  let reference = null;
  return {
    id,
    title,
    family: 'softmax',
    shape,
    axis: ax,
    classes,
    layout: { outer, classes, inner },
    positionsShape,
    elements,
    positions,
    logits,
    labels,
    get nested() {
      nested ??= {
        logits: toNested(logits, shape),
        labels:
          positionsShape.length === 1
            ? Array.from(labels)
            : toNested(Float32Array.from(labels), positionsShape),
      };
      return nested;
    },
    get reference() {
      reference ??= softmaxReference({ outer, classes, inner }, logits, labels);
      return reference;
    },
  };
}

/** A sigmoid workload: logits [n, labels], independent 0/1 targets. */
export function sigmoidData(id, title, shape, seed) {
  const elements = shape.reduce((a, b) => a * b, 1);
  const rng = createRng(seed);
  const logits = normalFloat32(rng, elements, 0, 2);
  const targets = bernoulliFloat32(rng, elements, 0.2);
  let nested = null;
  let reference = null;
  return {
    id,
    title,
    family: 'sigmoid',
    shape,
    elements,
    positions: elements,
    logits,
    targets,
    get nested() {
      nested ??= { logits: toNested(logits, shape), targets: toNested(targets, shape) };
      return nested;
    },
    get reference() {
      reference ??= sigmoidReference(logits, targets);
      return reference;
    },
  };
}

/**
 * The workload table. `scale` < 1 shrinks the first axis (for --quick and for warming up).
 * @param {number} scale
 */
export function workloadDefs(scale = 1) {
  const n = (v) => Math.max(2, Math.round(v * scale));
  const side = Math.max(8, Math.round(256 * Math.sqrt(scale)));
  return [
    {
      id: 'W1',
      make: (s = 1) =>
        softmaxData(
          'W1',
          `softmax CE, ${fmt(n(100_000 * s))} × 14, integer labels`,
          [n(100_000 * s), 14],
          -1,
          SEED + 1,
        ),
    },
    {
      id: 'W2',
      make: (s = 1) =>
        softmaxData(
          'W2',
          `softmax CE, ${fmt(n(1_000_000 * s))} × 2, integer labels`,
          [n(1_000_000 * s), 2],
          -1,
          SEED + 2,
        ),
    },
    {
      id: 'W3-last',
      make: (s = 1) => {
        const h = Math.max(4, Math.round(side * Math.sqrt(s)));
        return softmaxData(
          'W3-last',
          `segmentation ${h} × ${h} × 4, class axis last`,
          [h, h, 4],
          -1,
          SEED + 3,
        );
      },
    },
    {
      id: 'W3-first',
      make: (s = 1) => {
        const h = Math.max(4, Math.round(side * Math.sqrt(s)));
        return softmaxData(
          'W3-first',
          `segmentation 4 × ${h} × ${h}, class axis first`,
          [4, h, h],
          0,
          SEED + 3,
        );
      },
    },
    {
      id: 'W4',
      make: (s = 1) =>
        sigmoidData(
          'W4',
          `multi-label sigmoid CE, ${fmt(n(100_000 * s))} × 14`,
          [n(100_000 * s), 14],
          SEED + 4,
        ),
    },
  ];
}
