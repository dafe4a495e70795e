/**
 * Scalar building blocks shared by the kernels, each stable over the whole float64 range and ±∞.
 * @internal
 */
import { expFast } from './exp';
import { log1pUnit } from './log1p';

const LN2 = Math.LN2;

/**
 * softplus(x) = log(1 + eˣ) = max(x, 0) + log1p(e^−|x|). Both terms are ≥ 0, so the sum carries no
 * cancellation; e^−|x| ≤ 1 never overflows. softplus(+∞) = +∞, softplus(−∞) = 0, relative error ~2 ulp.
 */
export function softplus(x: number): number {
  return x > 0 ? x + log1pUnit(expFast(-x)) : log1pUnit(expFast(x));
}

/**
 * log(1 − eᵃ) for a ≤ 0 (M. Mächler, "Accurately computing log(1 − exp(−|a|))", 2012): log(−expm1(a))
 * for a > −ln 2, where 1 − eᵃ is small and expm1 keeps its digits; log1p(−eᵃ) below, where eᵃ is small.
 * Gives −∞ at a = 0 and 0 at a = −∞.
 */
export function log1mexp(a: number): number {
  return a > -LN2 ? Math.log(-Math.expm1(a)) : Math.log1p(-expFast(a));
}

/** σ(x) = 1/(1 + e^−x), formed from e^−|x| so nothing overflows; σ(+∞) = 1, σ(−∞) = 0. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + expFast(-x));
  const e = expFast(x);
  return e / (1 + e);
}
