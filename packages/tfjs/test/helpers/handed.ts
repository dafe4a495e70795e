import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One case of the handed cases file (see /work/shared/cases/README.md for the format). */
export interface HandedCase {
  id: string;
  source: string;
  fn: string;
  targets: unknown;
  predictions: unknown;
  options: Record<string, unknown> | null;
  expected: unknown;
  expected_f32?: unknown;
  grad_f32?: unknown;
  tolerance_f32?: { rel: number; abs: number; grad_rel?: number; grad_abs?: number };
  f32_skip?: boolean;
  note?: string;
}

const CANDIDATES = [
  new URL('../../../conformance/fixtures/handed.json', import.meta.url),
  new URL('../../../../../shared/cases/handed.json', import.meta.url),
];

/** The handed cases, from the conformance package's fixtures or the shared cases folder (null if absent). */
export function loadHanded(): HandedCase[] | null {
  for (const url of CANDIDATES) {
    const path = fileURLToPath(url);
    if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as HandedCase[];
  }
  return null;
}

/** Replaces the strings "Infinity", "-Infinity", "NaN" by numbers (other strings stay: deliberate bad input). */
export function revive(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(revive);
  if (v === 'Infinity') return Number.POSITIVE_INFINITY;
  if (v === '-Infinity') return Number.NEGATIVE_INFINITY;
  if (v === 'NaN') return Number.NaN;
  return v;
}
