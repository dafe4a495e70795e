/**
 * Error construction for the tensor adapter. Every failure is an {@link XentError} with one of SPEC's codes
 * and the message template `${fn}: '${argument}' must be ${what}; received ${got}.`; messages are built only
 * when a check fails.
 */

/** The error codes of SPEC.md "Bad input". */
export type XentErrorCode =
  | 'SHAPE_MISMATCH'
  | 'INVALID_LABEL'
  | 'INVALID_PROBABILITY'
  | 'INVALID_OPTION'
  | 'INVALID_INPUT'
  | 'EMPTY_INPUT';

const BRAND: unique symbol = Symbol.for('xent.XentError') as never;

/**
 * The one error type of xent. `code` says what kind of input was wrong; `instanceof XentError` holds for an
 * error thrown by any xent package and by either of its builds (ESM or CommonJS), through a `Symbol.for` brand.
 *
 * @example
 * ```ts
 * try { sigmoidCrossEntropy([2], [0.3]); } catch (e) { e instanceof XentError && e.code; } // 'INVALID_PROBABILITY'
 * ```
 */
export class XentError extends Error {
  /** What kind of input was wrong (SPEC.md "Bad input"). */
  readonly code: XentErrorCode;
  readonly [BRAND] = true;

  constructor(code: XentErrorCode, message: string) {
    super(message);
    this.name = 'XentError';
    this.code = code;
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }
}

/** Throws `${fn}: '${argument}' must be ${what}; received ${got}.` with the given code. */
export function fail(code: XentErrorCode, fn: string, argument: string, what: string, got: string): never {
  throw new XentError(code, `${fn}: '${argument}' must be ${what}; received ${got}.`);
}

/** A short printable description of a received value. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value))
    return value.length > 8 ? `an array of length ${value.length}` : JSON.stringify(value);
  if (typeof value === 'object' && 'shape' in (value as object) && 'dtype' in (value as object)) {
    const t = value as { shape: number[]; dtype: string };
    return `a ${t.dtype} tensor of shape [${t.shape.join(', ')}]`;
  }
  return typeof value;
}

/** `[2, 3]` */
export function shapeText(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}
