/**
 * The one error type of xent and its message template.
 *
 * Every check in the packages throws through {@link fail}; the message is built only then, so a passing
 * check costs a comparison and nothing else.
 */

/**
 * The error codes, as a value (`XentErrorCode.SHAPE_MISMATCH`) and as a string union type.
 * @example
 * ```ts
 * XentErrorCode.SHAPE_MISMATCH; // 'SHAPE_MISMATCH'
 * ```
 */
export const XentErrorCode = {
  /** shapes that do not fit (both shapes are in the message) */
  SHAPE_MISMATCH: 'SHAPE_MISMATCH',
  /** an integer target that is not an integer, or outside [0, C) and not `ignoreIndex` */
  INVALID_LABEL: 'INVALID_LABEL',
  /** a probability or target outside [0, 1], or a distribution whose sum is off 1 by more than 1e-4 */
  INVALID_PROBABILITY: 'INVALID_PROBABILITY',
  /** an unknown option, an option the function does not take, a value outside its domain, a bad axis */
  INVALID_OPTION: 'INVALID_OPTION',
  /** a wrong kind of value, ragged or non-numeric arrays, bad `weights` / `classWeights` / `posWeight` */
  INVALID_INPUT: 'INVALID_INPUT',
  /** `onEmpty: 'throw'` and a reduction whose denominator is 0 */
  EMPTY_INPUT: 'EMPTY_INPUT',
} as const;

/** One of the six error codes. */
export type XentErrorCode = (typeof XentErrorCode)[keyof typeof XentErrorCode];

const BRAND: unique symbol = Symbol.for('xent.XentError') as never;

/**
 * The error every xent function throws on bad input.
 *
 * Its message follows one template: `` `${fn}: '${argument}' must be ${what}; received ${received}.` ``.
 * `instanceof XentError` holds for an error thrown by any copy of any xent package (ESM or CommonJS build,
 * core or an adapter): the class carries a `Symbol.for('xent.XentError')` brand and checks it in
 * `Symbol.hasInstance`.
 *
 * @example
 * ```ts
 * const e = new XentError('INVALID_LABEL', 'softmaxCrossEntropy', 'targets', 'integers in [0, 3)', '1.5');
 * e.message; // "softmaxCrossEntropy: 'targets' must be integers in [0, 3); received 1.5."
 * e instanceof XentError; // true
 * ```
 */
export class XentError extends Error {
  /** what went wrong, one of {@link XentErrorCode} */
  readonly code: XentErrorCode;
  /** the public function that refused its input */
  readonly fn: string;
  /** the argument or option that was refused */
  readonly argument: string;

  constructor(code: XentErrorCode, fn: string, argument: string, what: string, received: string) {
    super(`${fn}: '${argument}' must be ${what}; received ${received}.`);
    this.code = code;
    this.fn = fn;
    this.argument = argument;
    Object.defineProperty(this, 'name', { value: 'XentError', enumerable: false, configurable: true });
    Object.defineProperty(this, BRAND, { value: true, enumerable: false });
  }

  /** True for any error created by any copy of this class (the brand is a registered symbol). */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }
}

/** Throws an {@link XentError}; the message parts are only evaluated by the caller once a check failed. */
export function fail(
  code: XentErrorCode,
  fn: string,
  argument: string,
  what: string,
  received: string,
): never {
  throw new XentError(code, fn, argument, what, received);
}

/**
 * Writes a shape the way the messages show it: `[2, 3]`, `[]` for a scalar.
 * @example
 * ```ts
 * formatShape([2, 3]); // '[2, 3]'
 * ```
 */
export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/**
 * A short description of any value for the "received" part of a message.
 * @example
 * ```ts
 * describeValue(new Float32Array(3)); // 'a Float32Array of length 3'
 * ```
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'boolean' || typeof value === 'bigint') return `${typeof value} ${String(value)}`;
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (value instanceof DataView) return `a DataView of ${value.byteLength} bytes`;
  if (ArrayBuffer.isView(value))
    return `${article(value.constructor.name)} of length ${(value as unknown as ArrayLike<number>).length}`;
  if (value instanceof ArrayBuffer) return `an ArrayBuffer of ${value.byteLength} bytes`;
  const ctor = (value as object).constructor;
  return ctor && ctor !== Object ? article(ctor.name) : 'an object';
}

/** "a Float32Array", "an Int32Array", "an ArrayBuffer". */
const article = (name: string) => `${/^[AEIOU]/.test(name) ? 'an' : 'a'} ${name}`;
