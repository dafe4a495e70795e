/**
 * Test helpers: loading `fixtures/kernels.json` (written by `fixtures/gen_kernels_fixture.py`, mpmath at
 * 50 digits) and measuring the worst error of a kernel against it, per regime.
 * @internal
 */
import { readFileSync } from 'node:fs';
import { num, ulp } from './ulp';

type Spelled = number | string;

export interface FixtureCase {
  readonly id: string;
  readonly regime: string;
  readonly kernel: string;
  readonly params: Record<string, Spelled | Spelled[] | null>;
  readonly expected: {
    readonly sum?: Spelled;
    readonly weight?: Spelled;
    readonly count?: number;
    readonly nonzero?: number;
    readonly perPosition?: Spelled[];
    readonly grad?: Spelled[] | null;
    readonly scale?: Spelled[];
    readonly out?: Spelled[];
  };
}

export interface KernelFixture {
  readonly meta: { tool: string; version: string; precision_digits: number; seed: number };
  readonly cases: FixtureCase[];
}

export function loadKernelFixture(): KernelFixture {
  return JSON.parse(
    readFileSync(new URL('../fixtures/kernels.json', import.meta.url), 'utf8'),
  ) as KernelFixture;
}

/** Decodes a spelled array into a Float64Array (null stays null). */
export function arr(v: Spelled | Spelled[] | null | undefined): Float64Array | null {
  if (v === null || v === undefined) return null;
  if (!Array.isArray(v)) throw new Error('expected an array');
  return Float64Array.from(v, num);
}

/** Decodes a spelled scalar (null stays null). */
export function scalar(v: Spelled | Spelled[] | null | undefined): number | null {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) throw new Error('expected a scalar');
  return num(v);
}

/** One comparison's error: `bad` when outside tolerance; `ulps` and `rel` for the report. */
export interface Miss {
  where: string;
  got: number;
  expected: number;
  rel: number;
  ulps: number;
  bad: boolean;
}

/**
 * Compares got with the exact expected value: non-finite values must match exactly (NaN with NaN);
 * finite ones pass when |got − expected| ≤ max(rel · scale, abs), scale = |expected| unless given.
 */
export function compare(
  where: string,
  got: number,
  expected: number,
  rel: number,
  abs: number,
  scale = Math.abs(expected),
): Miss {
  if (!Number.isFinite(expected)) {
    const same = Object.is(got, expected) || (Number.isNaN(got) && Number.isNaN(expected));
    return { where, got, expected, rel: same ? 0 : Infinity, ulps: same ? 0 : Infinity, bad: !same };
  }
  const err = Math.abs(got - expected);
  if (!Number.isFinite(got)) {
    return { where, got, expected, rel: Infinity, ulps: Infinity, bad: true };
  }
  const r = expected === 0 ? (err === 0 ? 0 : Infinity) : err / Math.abs(expected);
  return { where, got, expected, rel: r, ulps: err / ulp(expected), bad: err > Math.max(rel * scale, abs) };
}

/** Keeps the worst miss (largest relative error among failures first, then among all) of a run. */
export class Worst {
  worst: Miss | null = null;
  worstUlps = 0;
  failures = 0;
  checked = 0;

  add(m: Miss): void {
    this.checked++;
    if (m.bad) this.failures++;
    if (Number.isFinite(m.ulps) && m.ulps > this.worstUlps) this.worstUlps = m.ulps;
    const w = this.worst;
    if (w === null || (m.bad && !w.bad) || (m.bad === w.bad && m.rel > w.rel)) this.worst = m;
  }

  /** A one-line report for assertion messages and the log. */
  report(): string {
    const w = this.worst;
    const at =
      w === null ? '' : ` at ${w.where}: got ${w.got}, expected ${w.expected}, rel ${w.rel.toExponential(2)}`;
    return `${this.checked} checked, ${this.failures} outside tolerance, worst ${this.worstUlps.toFixed(2)} ulp${at}`;
  }
}
