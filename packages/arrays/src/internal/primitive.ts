/**
 * The primitives over user inputs: convert, call core once, convert back.
 */
import { computePrimitive, type PrimitiveName } from '@xent/core';
import type { ArrayInput, ArrayOutput } from '../types';
import { fromData, toView } from './convert';

/** Runs primitive `fn` over `x`; the result has the kind of `x` (a number for shape `[]`). */
export function runPrimitive(fn: PrimitiveName, x: ArrayInput, options: unknown): ArrayOutput {
  const { view, kind } = toView(fn, 'x', x);
  const r = computePrimitive(fn, view, options);
  return fromData(kind, r.data, r.shape);
}
