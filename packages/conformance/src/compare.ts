import type { Nested } from './adapter';

/**
 * Fixture JSON conventions (shared with `/work/shared/cases/handed.json`): the strings `"Infinity"`,
 * `"-Infinity"` and `"NaN"` stand for those numbers; any other string is a deliberately bad input and is
 * kept as it is.
 */
export function decode(value: unknown): unknown {
  if (value === 'Infinity') return Number.POSITIVE_INFINITY;
  if (value === '-Infinity') return Number.NEGATIVE_INFINITY;
  if (value === 'NaN') return Number.NaN;
  if (Array.isArray(value)) return value.map(decode);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = decode(v);
    return out;
  }
  return value;
}

/** Flattens a number or nested arrays of numbers, and reports its shape (ragged input throws). */
export function flatten(value: unknown): { data: number[]; shape: number[] } {
  if (typeof value === 'number') return { data: [value], shape: [] };
  if (!Array.isArray(value)) throw new TypeError(`expected a number or an array, got ${describe(value)}`);
  if (value.length === 0) return { data: [], shape: [0] };
  const parts = value.map(flatten);
  const inner = parts[0]!.shape;
  for (const p of parts) {
    if (p.shape.join(',') !== inner.join(',')) throw new TypeError('ragged nested array');
  }
  return { data: parts.flatMap((p) => p.data), shape: [value.length, ...inner] };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return Array.isArray(value) ? 'array' : 'object';
  return typeof value;
}

export interface Mismatch {
  /** index into the flattened value (-1: shapes differ) */
  readonly index: number;
  readonly got: number;
  readonly expected: number;
  /** |got − expected| / allowed; > 1 fails (Infinity for NaN/Inf/shape disagreements) */
  readonly ratio: number;
  readonly error: number;
  readonly note?: string;
}

export interface Bounds {
  readonly rel: number;
  readonly abs: number;
}

/**
 * Compares `got` against `expected` elementwise. Returns the worst element as a {@link Mismatch}
 * (ratio ≤ 1 passes). `absScale` multiplies the absolute bound (per element when an array).
 */
export function worstMismatch(got: unknown, expected: Nested, bounds: Bounds, absScale?: Nested): Mismatch {
  const e = flatten(expected);
  let g: { data: number[]; shape: number[] };
  try {
    g = flatten(got);
  } catch (err) {
    return {
      index: -1,
      got: Number.NaN,
      expected: Number.NaN,
      ratio: Number.POSITIVE_INFINITY,
      error: Number.NaN,
      note: String(err),
    };
  }
  if (g.shape.join(',') !== e.shape.join(',')) {
    return {
      index: -1,
      got: Number.NaN,
      expected: Number.NaN,
      ratio: Number.POSITIVE_INFINITY,
      error: Number.NaN,
      note: `shape [${g.shape.join(', ')}] where [${e.shape.join(', ')}] was expected`,
    };
  }
  const scale = absScale === undefined ? undefined : flatten(absScale).data;
  let worst: Mismatch = { index: 0, got: g.data[0] ?? 0, expected: e.data[0] ?? 0, ratio: 0, error: 0 };
  for (let i = 0; i < e.data.length; i++) {
    const x = g.data[i]!;
    const y = e.data[i]!;
    let ratio: number;
    let error: number;
    if (Number.isNaN(y) || Number.isNaN(x) || !Number.isFinite(y) || !Number.isFinite(x)) {
      const same = Object.is(x, y) || (Number.isNaN(x) && Number.isNaN(y));
      ratio = same ? 0 : Number.POSITIVE_INFINITY;
      error = same ? 0 : Number.POSITIVE_INFINITY;
    } else {
      error = Math.abs(x - y);
      const s = scale === undefined ? 1 : scale.length === 1 ? scale[0]! : scale[i]!;
      const allowed = Math.max(bounds.abs * s, bounds.rel * Math.abs(y));
      ratio = error === 0 ? 0 : error / allowed;
    }
    if (ratio > worst.ratio || i === 0) worst = { index: i, got: x, expected: y, ratio, error };
  }
  return worst;
}

/** The largest |entry| of a nested value, at least 1 (the scale of a gradient's absolute bound). */
export function gradScale(expected: Nested): number {
  let m = 1;
  for (const v of flatten(expected).data) if (Number.isFinite(v) && Math.abs(v) > m) m = Math.abs(v);
  return m;
}

/** Short JSON for failure reports (NaN/Infinity spelled out, long arrays cut). */
export function show(value: unknown, max = 400): string {
  const s = JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
  if (s === undefined) return String(value);
  return s.length > max ? `${s.slice(0, max)}…(${s.length} chars)` : s;
}
