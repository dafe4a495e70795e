// @ts-check
/**
 * Float64 references the harness checks every method against. Stable forms, compensated (Neumaier)
 * sums: softmax cross-entropy per position = m + log Σ_c exp(x_c − m) − x_y with m = max_c x_c;
 * sigmoid cross-entropy per element = max(x, 0) − x t + log1p(exp(−|x|)). V8's Math.exp, Math.log and
 * Math.log1p are fdlibm ports (< 1 ulp), so each term is good to a few ulps and the mean to ~1e-15
 * relative — far inside the 1e-12 the fastest method is held to.
 */

/** @typedef {{ outer: number, classes: number, inner: number }} Layout */

/** Neumaier accumulator. */
export class Neumaier {
  sum = 0;
  comp = 0;
  /** @param {number} v */
  add(v) {
    const t = this.sum + v;
    this.comp += Math.abs(this.sum) >= Math.abs(v) ? this.sum - t + v : v - t + this.sum;
    this.sum = t;
  }
  get value() {
    return this.sum + this.comp;
  }
}

/**
 * Mean softmax cross-entropy over positions and its gradient ∂mean/∂x (same layout as x).
 * @param {Layout} layout @param {ArrayLike<number>} x @param {ArrayLike<number>} labels
 */
export function softmaxReference(layout, x, labels) {
  const { outer, classes, inner } = layout;
  const positions = outer * inner;
  const grad = new Float64Array(outer * classes * inner);
  const acc = new Neumaier();
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const start = o * classes * inner + i;
      let m = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < classes; c++) m = Math.max(m, /** @type {number} */ (x[start + c * inner]));
      const s = new Neumaier();
      for (let c = 0; c < classes; c++) s.add(Math.exp(/** @type {number} */ (x[start + c * inner]) - m));
      const label = /** @type {number} */ (labels[o * inner + i]);
      acc.add(m + Math.log(s.value) - /** @type {number} */ (x[start + label * inner]));
      for (let c = 0; c < classes; c++) {
        const q = Math.exp(/** @type {number} */ (x[start + c * inner]) - m) / s.value;
        grad[start + c * inner] = (q - (c === label ? 1 : 0)) / positions;
      }
    }
  }
  return { value: acc.value / positions, grad };
}

/**
 * Mean sigmoid cross-entropy over all elements and its gradient.
 * @param {ArrayLike<number>} x @param {ArrayLike<number>} t
 */
export function sigmoidReference(x, t) {
  const n = x.length;
  const grad = new Float64Array(n);
  const acc = new Neumaier();
  for (let i = 0; i < n; i++) {
    const v = /** @type {number} */ (x[i]);
    const y = /** @type {number} */ (t[i]);
    const e = Math.exp(-Math.abs(v));
    acc.add(Math.max(v, 0) - v * y + Math.log1p(e));
    const q = v >= 0 ? 1 / (1 + e) : e / (1 + e);
    grad[i] = (q - y) / n;
  }
  return { value: acc.value / n, grad };
}
