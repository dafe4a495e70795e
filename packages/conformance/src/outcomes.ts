/**
 * Running one fixture or handed case against an adapter: the value (or the expected `XentError`), the
 * gradient, and a summary that reports the worst case first.
 */
import type { ConformanceAdapter, Nested } from './adapter';
import { contextFor, type FixtureCase, isDifferentiable } from './cases';
import { decode, gradScale, type Mismatch, show, worstMismatch } from './compare';
import type { Tolerance } from './tolerances';

export interface CaseOutcome {
  readonly id: string;
  /** false when the case does not apply (f32_skip, no gradient support) */
  readonly ran: boolean;
  readonly pass: boolean;
  /** worst |error| / allowed (Infinity for a wrong error, NaN, shape) */
  readonly ratio: number;
  readonly message: string;
}

function errorCode(expected: unknown): string | undefined {
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
    const code = (expected as { error?: unknown }).error;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

function caseTolerance(c: FixtureCase, precision: 'float64' | 'float32', fallback: Tolerance): Tolerance {
  const t = precision === 'float32' ? c.tolerance_f32 : c.tolerance;
  if (t === undefined) return fallback;
  return {
    rel: t.rel,
    abs: t.abs,
    gradRel: t.grad_rel ?? fallback.gradRel,
    gradAbs: t.grad_abs ?? fallback.gradAbs,
  };
}

function describeCall(c: FixtureCase, options: unknown): string {
  return `${c.fn}(${show(c.targets, 200)}, ${show(c.predictions, 200)}, ${show(options, 200)})`;
}

/** Checks what a call threw against an expected `{ error: CODE }`, or reports an unexpected throw. */
export function checkThrown(
  adapter: ConformanceAdapter,
  err: unknown,
  code: string | undefined,
): string | null {
  const isXent = err instanceof adapter.XentError;
  const got = (err as { code?: unknown } | null)?.code;
  if (code === undefined) return `threw ${isXent ? `XentError ${String(got)}` : String(err)}`;
  if (!isXent) return `threw ${String(err)} (not an XentError) where ${code} was expected`;
  if (got !== code) return `threw ${String(got)} where ${code} was expected: ${(err as Error).message}`;
  return null;
}

/**
 * The bounds of a value: SPEC's relative and absolute ones, or, for KL (a case with `abs_scale`),
 * absolute accuracy relative to Σ|p log p| + Σ|p log q| (the scale multiplies the bound `abs`).
 */
function valueBounds(tol: Tolerance, scale: Nested | undefined): { rel: number; abs: number } {
  return scale === undefined ? { rel: tol.rel, abs: tol.abs } : { rel: tol.rel, abs: tol.rel };
}

/** Runs the value part of one case. */
export async function runValue(
  adapter: ConformanceAdapter,
  c: FixtureCase,
  fallback: Tolerance,
): Promise<CaseOutcome> {
  const f32 = adapter.precision === 'float32';
  if (f32 && c.f32_skip) {
    return { id: c.id, ran: false, pass: true, ratio: 0, message: 'inputs do not fit float32' };
  }
  const targets = decode(c.targets);
  const predictions =
    c.predictions === null || c.predictions === undefined ? undefined : decode(c.predictions);
  const options = c.options ? (decode(c.options) as Record<string, unknown>) : undefined;
  const rawExpected = f32 && c.expected_f32 !== undefined ? c.expected_f32 : c.expected;
  const code = errorCode(rawExpected);
  const tol = caseTolerance(c, adapter.precision, fallback);
  const ctx = contextFor(c.fn, targets, predictions);
  const where = describeCall(c, c.options);
  let got: Nested;
  try {
    got = await adapter.call(c.fn, targets, predictions, options, ctx);
  } catch (err) {
    const problem = checkThrown(adapter, err, code);
    return problem === null
      ? { id: c.id, ran: true, pass: true, ratio: 0, message: '' }
      : {
          id: c.id,
          ran: true,
          pass: false,
          ratio: Number.POSITIVE_INFINITY,
          message: `${c.id}: ${where} ${problem}`,
        };
  }
  if (code !== undefined) {
    return {
      id: c.id,
      ran: true,
      pass: false,
      ratio: Number.POSITIVE_INFINITY,
      message: `${c.id}: ${where} returned ${show(got)} where XentError ${code} was expected`,
    };
  }
  const expected = decode(rawExpected) as Nested;
  const scaleRaw = f32 && c.abs_scale_f32 !== undefined ? c.abs_scale_f32 : c.abs_scale;
  const scale = scaleRaw === undefined ? undefined : (decode(scaleRaw) as Nested);
  const m = worstMismatch(got, expected, valueBounds(tol, scale), scale);
  return outcome(c, m, where, 'value', got, expected);
}

function outcome(c: FixtureCase, m: Mismatch, where: string, what: string, got: unknown, expected: unknown) {
  const pass = m.ratio <= 1;
  const message = pass
    ? ''
    : `${c.id}: ${where} ${what}${m.note ? ` — ${m.note}` : ` [${m.index}]`}: got ${show(m.got)}, expected ${show(
        m.expected,
      )}, |error| ${m.error} = ${m.ratio.toPrecision(3)} × allowed; whole ${what}: got ${show(got, 300)}, expected ${show(expected, 300)}`;
  return { id: c.id, ran: true, pass, ratio: m.ratio, message };
}

/** Runs the gradient part of one case (when it has one and the adapter can differentiate). */
export async function runGradient(
  adapter: ConformanceAdapter,
  c: FixtureCase,
  fallback: Tolerance,
): Promise<CaseOutcome> {
  const f32 = adapter.precision === 'float32';
  const rawGrad = f32 ? c.grad_f32 : c.grad;
  const skip = (message: string): CaseOutcome => ({ id: c.id, ran: false, pass: true, ratio: 0, message });
  if (rawGrad === undefined) return skip('no gradient in this case');
  if (f32 && c.f32_skip) return skip('inputs do not fit float32');
  if (!isDifferentiable(c.fn)) return skip('not differentiable');
  if (!adapter.valueAndGrad && !adapter.gradient) return skip('adapter has no gradient');
  const targets = decode(c.targets) as Nested;
  const predictions = decode(c.predictions) as Nested;
  const options = c.options ? (decode(c.options) as Record<string, unknown>) : undefined;
  const tol = caseTolerance(c, adapter.precision, fallback);
  const ctx = contextFor(c.fn, targets, predictions);
  const where = describeCall(c, c.options);
  const expected = decode(rawGrad) as Nested;
  let grad: Nested;
  try {
    if (adapter.valueAndGrad) {
      const r = await adapter.valueAndGrad(c.fn, targets, predictions, options, ctx);
      grad = r.grad;
      const rawExpected = f32 && c.expected_f32 !== undefined ? c.expected_f32 : c.expected;
      const scaleRaw = f32 && c.abs_scale_f32 !== undefined ? c.abs_scale_f32 : c.abs_scale;
      const scale = scaleRaw === undefined ? undefined : (decode(scaleRaw) as Nested);
      const expectedValue = decode(rawExpected) as Nested;
      const mv = worstMismatch(r.value, expectedValue, valueBounds(tol, scale), scale);
      if (mv.ratio > 1) return outcome(c, mv, where, 'valueAndGrad value', r.value, expectedValue);
    } else {
      grad = await adapter.gradient!(c.fn, targets, predictions, options, ctx);
    }
  } catch (err) {
    return {
      id: c.id,
      ran: true,
      pass: false,
      ratio: Number.POSITIVE_INFINITY,
      message: `${c.id}: gradient of ${where} ${checkThrown(adapter, err, undefined)}`,
    };
  }
  const m = worstMismatch(grad, expected, { rel: tol.gradRel, abs: tol.gradAbs }, gradScale(expected));
  return outcome(c, m, where, 'gradient', grad, expected);
}

/** Summarises outcomes: the worst case first, then up to `limit` other failures. */
export function summarise(
  outcomes: readonly CaseOutcome[],
  limit = 8,
): { failed: number; ran: number; report: string } {
  const ran = outcomes.filter((o) => o.ran);
  const failed = ran.filter((o) => !o.pass).sort((a, b) => b.ratio - a.ratio);
  if (failed.length === 0) {
    const worst = ran.reduce<CaseOutcome | undefined>(
      (w, o) => (w === undefined || o.ratio > w.ratio ? o : w),
      undefined,
    );
    return {
      failed: 0,
      ran: ran.length,
      report: `${ran.length} cases pass; worst error ${(worst?.ratio ?? 0).toPrecision(3)} × allowed (${worst?.id ?? '-'})`,
    };
  }
  const lines = failed.slice(0, limit).map((o) => o.message);
  const more =
    failed.length > limit
      ? `\n… and ${failed.length - limit} more: ${failed
          .slice(limit)
          .map((o) => o.id)
          .join(', ')}`
      : '';
  return {
    failed: failed.length,
    ran: ran.length,
    report: `${failed.length} of ${ran.length} cases fail; worst first:\n${lines.join('\n')}${more}`,
  };
}
