import { readFileSync } from 'node:fs';
import type { CallContext, DifferentiableLossName, FunctionName } from './adapter';

/** One case of a fixture file or of `handed.json` (JSON conventions: see {@link decode}). */
export interface FixtureCase {
  readonly id: string;
  readonly fn: FunctionName;
  readonly targets: unknown;
  readonly predictions?: unknown;
  readonly options?: Record<string, unknown> | null;
  readonly expected: unknown;
  readonly grad?: unknown;
  readonly expected_f32?: unknown;
  readonly grad_f32?: unknown;
  readonly f32_skip?: boolean | string;
  /** KL cases: Σ|p log p| + Σ|p log q| reduced like the value (the absolute bound's scale) */
  readonly abs_scale?: unknown;
  readonly abs_scale_f32?: unknown;
  /** the reduction's denominators [Σ w_n, count, #(w_n ≠ 0)] (for the package's own consistency test) */
  readonly den?: readonly number[];
  readonly source?: string;
  readonly note?: string;
  readonly tolerance?: { rel: number; abs: number; grad_rel?: number; grad_abs?: number };
  readonly tolerance_f32?: { rel: number; abs: number; grad_rel?: number; grad_abs?: number };
}

export interface FixtureFile {
  readonly meta: Record<string, unknown>;
  readonly cases: readonly FixtureCase[];
}

const FIXTURES = new URL('../fixtures/', import.meta.url);

/** Reads `fixtures/<name>.json` of this package. */
export function loadFixture(name: string): FixtureFile {
  const text = readFileSync(new URL(`${name}.json`, FIXTURES), 'utf8');
  const parsed = JSON.parse(text) as FixtureFile | FixtureCase[];
  return Array.isArray(parsed) ? { meta: {}, cases: parsed } : parsed;
}

const SOFTMAX_FAMILY = new Set<FunctionName>([
  'softmaxCrossEntropy',
  'categoricalCrossEntropy',
  'softmaxFocalLoss',
  'categoricalFocalLoss',
  'nllLoss',
]);
const PRIMITIVES = new Set<FunctionName>(['logSumExp', 'logSoftmax', 'softmax', 'logSigmoid', 'sigmoid']);

function rank(value: unknown): number {
  let r = 0;
  let v = value;
  while (Array.isArray(v)) {
    r++;
    v = v[0];
  }
  return r;
}

/** Integer labels (shape = predictions without the class axis) or distributions, from the shapes. */
export function contextFor(
  fn: FunctionName,
  targets: unknown,
  predictions: unknown,
  raw = false,
): CallContext {
  let targetKind: CallContext['targetKind'] = 'distributions';
  if (PRIMITIVES.has(fn)) targetKind = 'none';
  else if (SOFTMAX_FAMILY.has(fn) && rank(targets) === rank(predictions) - 1) targetKind = 'labels';
  return raw ? { targetKind, raw } : { targetKind };
}

export function isDifferentiable(fn: FunctionName): fn is DifferentiableLossName {
  return fn !== 'entropy' && !PRIMITIVES.has(fn);
}
