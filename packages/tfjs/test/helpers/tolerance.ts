/**
 * The float32 tolerances of SPEC.md "Accuracy", in one place, and a comparison that reports the worst case.
 * A value passes when |got − expected| ≤ max(abs, rel · |expected|); NaN matches NaN; ±Infinity must match.
 */
export const F32 = { rel: 1e-5, abs: 1e-6, gradRel: 1e-4, gradAbs: 1e-6 } as const;

export interface Worst {
  where: string;
  got: number;
  expected: number;
  /** error in units of the allowed error (≤ 1 passes) */
  ratio: number;
  /** relative error |got − expected| / |expected| (absolute when expected is 0) */
  rel: number;
}

export function parseNumber(v: unknown): number {
  if (v === 'Infinity') return Number.POSITIVE_INFINITY;
  if (v === '-Infinity') return Number.NEGATIVE_INFINITY;
  if (v === 'NaN') return Number.NaN;
  return v as number;
}

export function flatten(v: unknown): number[] {
  if (Array.isArray(v)) return v.flatMap(flatten);
  return [parseNumber(v)];
}

/** Compares flat arrays; returns the worst point (ratio > 1 fails). */
export function compare(
  got: ArrayLike<number>,
  expected: ArrayLike<number>,
  rel: number,
  abs: number,
  label: string,
): Worst {
  let worst: Worst = { where: label, got: 0, expected: 0, ratio: 0, rel: 0 };
  if (got.length !== expected.length) {
    return {
      where: `${label} (length ${got.length} vs ${expected.length})`,
      got: Number.NaN,
      expected: Number.NaN,
      ratio: Number.POSITIVE_INFINITY,
      rel: Number.POSITIVE_INFINITY,
    };
  }
  for (let i = 0; i < got.length; i++) {
    const g = got[i]!;
    const e = expected[i]!;
    let ratio: number;
    let r: number;
    if (Number.isNaN(e) || !Number.isFinite(e)) {
      ratio = Object.is(g, e) || (Number.isNaN(e) && Number.isNaN(g)) ? 0 : Number.POSITIVE_INFINITY;
      r = ratio;
    } else {
      const err = Math.abs(g - e);
      ratio = Number.isNaN(err) ? Number.POSITIVE_INFINITY : err / Math.max(abs, rel * Math.abs(e));
      r = e === 0 ? err : err / Math.abs(e);
    }
    if (ratio > worst.ratio || (ratio === worst.ratio && r > worst.rel)) {
      worst = { where: `${label}[${i}]`, got: g, expected: e, ratio, rel: r };
    }
  }
  return worst;
}

export function describeWorst(w: Worst): string {
  return `${w.where}: got ${w.got}, expected ${w.expected}, error ${w.rel.toExponential(2)} (${w.ratio.toFixed(3)} of allowed)`;
}
