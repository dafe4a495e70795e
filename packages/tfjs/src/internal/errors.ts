/**
 * Error construction for the tensor adapter: every failure is core's XentError (one class, branded with
 * `Symbol.for`, so `instanceof` holds across packages and builds) with the SPEC message template; messages are
 * built only when a check fails.
 */

import { XentError, type XentErrorCode } from '@xent/core';

export { XentError, type XentErrorCode };

/** Throws `${fn}: '${argument}' must be ${what}; received ${got}.` with the given code. */
export function fail(code: XentErrorCode, fn: string, argument: string, what: string, got: string): never {
  throw new XentError(code, fn, argument, what, got);
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
