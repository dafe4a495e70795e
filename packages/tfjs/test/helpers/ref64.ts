/**
 * A plain float64 restatement of SPEC.md's per-position formulas (naive, for moderate inputs only), used as
 * the function whose central finite differences check the tensor gradients. Rows are [N, C] (class axis last)
 * for the softmax family and flat for the sigmoid family; `reduction` is 'mean' or 'sum'.
 */
export interface RefOptions {
  reduction?: 'mean' | 'sum';
  weights?: number[];
  classWeights?: number[];
  labelSmoothing?: number;
  gamma?: number | null;
  alpha?: number | null;
  posWeight?: number;
  ignoreIndex?: number;
}

function logSoftmaxRow(x: number[]): number[] {
  const m = Math.max(...x);
  const s = x.reduce((a, v) => a + Math.exp(v - m), 0);
  return x.map((v) => v - m - Math.log(s));
}

/** softmax family on logits ('logits') or probabilities ('probabilities'), targets one-hot/soft rows or labels. */
export function softmaxRef(
  kind: 'logits' | 'probabilities',
  targets: number[][] | number[],
  x: number[][],
  o: RefOptions,
): number {
  const C = x[0]!.length;
  const eps = o.labelSmoothing ?? 0;
  let num = 0;
  let den = 0;
  x.forEach((row, n) => {
    const tRow = targets[n]!;
    if (typeof tRow === 'number' && tRow === o.ignoreIndex) return;
    const t = typeof tRow === 'number' ? row.map((_, c) => (c === tRow ? 1 : 0)) : tRow;
    const logq = kind === 'logits' ? logSoftmaxRow(row) : row.map(Math.log);
    const s = o.weights?.[n] ?? 1;
    let a = 0;
    let w = 0;
    for (let c = 0; c < C; c++) {
      const cw = o.classWeights?.[c] ?? 1;
      const tp = (1 - eps) * t[c]! + eps / C;
      const q = Math.exp(logq[c]!);
      const focal = o.gamma == null ? 1 : (1 - q) ** o.gamma * (o.alpha ?? 1);
      if (tp !== 0) a += cw * tp * focal * -logq[c]!;
      w += cw * t[c]!;
    }
    num += s * a;
    den += o.classWeights ? s * w : s;
  });
  return o.reduction === 'sum' ? num : num / den;
}

/** sigmoid/binary family, flat arrays. */
export function sigmoidRef(
  kind: 'logits' | 'probabilities',
  t: number[],
  x: number[],
  o: RefOptions,
): number {
  const eps = o.labelSmoothing ?? 0;
  const pw = o.posWeight ?? 1;
  let num = 0;
  let den = 0;
  x.forEach((v, i) => {
    const tp = (1 - eps) * t[i]! + eps / 2;
    const q = kind === 'logits' ? 1 / (1 + Math.exp(-v)) : v;
    const logq = kind === 'logits' ? -Math.log1p(Math.exp(-v)) : Math.log(v);
    const log1mq = kind === 'logits' ? -Math.log1p(Math.exp(v)) : Math.log1p(-v);
    let ce = -(pw * tp * logq + (1 - tp) * log1mq);
    if (o.gamma != null) {
      const pt = q * tp + (1 - q) * (1 - tp);
      const at = o.alpha == null ? 1 : o.alpha * tp + (1 - o.alpha) * (1 - tp);
      ce *= at * (1 - pt) ** o.gamma;
    }
    const s = o.weights?.[i] ?? 1;
    num += s * ce;
    den += s;
  });
  return o.reduction === 'sum' ? num : num / den;
}

/** KL(p ‖ q) with q probabilities or logits, rows [N, C]. */
export function klRef(p: number[][], q: number[][], fromLogits: boolean, o: RefOptions): number {
  let num = 0;
  let den = 0;
  q.forEach((row, n) => {
    const logq = fromLogits ? logSoftmaxRow(row) : row.map(Math.log);
    let a = 0;
    p[n]!.forEach((pc, c) => {
      if (pc !== 0) a += pc * (Math.log(pc) - logq[c]!);
    });
    const s = o.weights?.[n] ?? 1;
    num += s * a;
    den += s;
  });
  return o.reduction === 'sum' ? num : num / den;
}

/** Central finite differences of f at x (flat), step h relative to max(1, |x|). */
export function centralDifferences(f: (x: number[]) => number, x: number[], h = 1e-6): number[] {
  return x.map((v, i) => {
    const step = h * Math.max(1, Math.abs(v));
    const up = x.slice();
    const down = x.slice();
    up[i] = v + step;
    down[i] = v - step;
    return (f(up) - f(down)) / (2 * step);
  });
}
