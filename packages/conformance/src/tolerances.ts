/**
 * Every tolerance of the suite, in one place (SPEC.md "Accuracy").
 *
 * A value passes when |got − expected| ≤ max(abs, rel · |expected|); NaN matches only NaN and ±Infinity
 * must match exactly. Gradients use `gradRel` and `gradAbs`, where `gradAbs` is scaled by
 * max(1, max_i |expected grad_i|) because a gradient entry such as q_j·K − k_j is the difference of
 * terms as large as the largest entry (a 1e-14 absolute bound is meant for O(1) gradients).
 *
 * KL divergence is checked absolutely, against `rel` × (Σ|p log p| + Σ|p log q|) reduced like the value
 * (each KL fixture carries that scale as `abs_scale`), since its terms cancel near 0.
 */

export interface Tolerance {
  readonly rel: number;
  readonly abs: number;
  readonly gradRel: number;
  readonly gradAbs: number;
}

/** SPEC: float64 relative ≤ 1e-12 (absolute ≤ 1e-300 near 0); gradients relative ≤ 1e-10, absolute ≤ 1e-14. */
export const FLOAT64: Tolerance = { rel: 1e-12, abs: 1e-300, gradRel: 1e-10, gradAbs: 1e-14 };

/** SPEC: float32 relative ≤ 1e-5 (absolute ≤ 1e-6); gradients relative ≤ 1e-4, absolute ≤ 1e-6. */
export const FLOAT32: Tolerance = { rel: 1e-5, abs: 1e-6, gradRel: 1e-4, gradAbs: 1e-6 };

/** The regimes of `fixtures/<regime>.json`. */
export const REGIMES = [
  'moderate',
  'large-logits',
  'probabilities-extreme',
  'classes',
  'ties',
  'axes',
  'options',
  'focal',
  'kl-entropy',
  'primitives',
] as const;

export type Regime = (typeof REGIMES)[number];

/**
 * Per-regime tolerances. Every regime is held to SPEC's bounds: the extreme regimes are exactly where
 * SPEC promises them ("extreme inputs included"), so none is loosened.
 */
export const REGIME_TOLERANCES: Record<Regime, { float64: Tolerance; float32: Tolerance }> = {
  moderate: { float64: FLOAT64, float32: FLOAT32 },
  'large-logits': { float64: FLOAT64, float32: FLOAT32 },
  'probabilities-extreme': { float64: FLOAT64, float32: FLOAT32 },
  classes: { float64: FLOAT64, float32: FLOAT32 },
  ties: { float64: FLOAT64, float32: FLOAT32 },
  axes: { float64: FLOAT64, float32: FLOAT32 },
  options: { float64: FLOAT64, float32: FLOAT32 },
  focal: { float64: FLOAT64, float32: FLOAT32 },
  'kl-entropy': { float64: FLOAT64, float32: FLOAT32 },
  primitives: { float64: FLOAT64, float32: FLOAT32 },
};

/** Property tests compare two computations of the adapter (not a reference): a little looser than SPEC. */
export const PROPERTY_TOLERANCE: Record<'float64' | 'float32', { rel: number; abs: number }> = {
  float64: { rel: 1e-10, abs: 1e-12 },
  float32: { rel: 1e-3, abs: 1e-4 },
};

/** LossMeter ≡ one call over the concatenation (SPEC "Meters": to 1e-12). */
export const METER_TOLERANCE = { rel: 1e-12, abs: 1e-300 };

/**
 * Central finite differences: step h = 1e-6 · max(1, |x|) in float64 gives a truncation error
 * O(h² f''') and a rounding error O(1e-16 · |f| / h) ≈ 1e-10, so agreement to 1e-6 relative
 * (1e-7 absolute, scaled like gradAbs) is what the check can promise.
 */
export const FINITE_DIFFERENCE = {
  float64: { step: 1e-6, rel: 1e-6, abs: 1e-7 },
  float32: { step: 1e-2, rel: 5e-2, abs: 5e-3 },
};
