import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { close, loadHanded, loadPeers, parseAnnotations } from './annotations';
import { mismatch, referencesOf, referenceValue } from './reference';

// Every TypeScript example shown on the site is a file in examples/; each one runs here. Every value it prints
// must match the 50-digit reference of test/fixtures/make-examples.py at SPEC.md's accuracy, the comment that
// states it must round the reference correctly, and a handed case or peer fixture the comment names must agree.
const dir = fileURLToPath(new URL('../examples/', import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .sort();
const handed = loadHanded();
const peers = loadPeers();

function printed(value: unknown): number | number[] | string {
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'number')) return value as number[];
  throw new Error(
    `examples print numbers, flat arrays of numbers or error codes; got ${JSON.stringify(value)}`,
  );
}

/** The stated value (a comment) against a reference, to half a unit in the comment's last decimal. */
function statedMatches(
  got: number | number[] | string,
  expected: number | number[] | string,
  tol: number,
): boolean {
  if (typeof expected === 'string') return got === expected;
  if (typeof expected === 'number') return typeof got === 'number' && close(got, expected, tol);
  return (
    Array.isArray(got) && got.length === expected.length && got.every((g, i) => close(g, expected[i]!, tol))
  );
}

function decode(v: unknown): unknown {
  if (v === 'NaN') return Number.NaN;
  if (v === 'Infinity') return Number.POSITIVE_INFINITY;
  if (v === '-Infinity') return Number.NEGATIVE_INFINITY;
  return Array.isArray(v) ? v.map(decode) : v;
}

/** A handed case's 50-digit value (or its error code), at its own tolerance. */
function matchesHanded(got: number | number[] | string, id: string): boolean {
  const c = handed.get(id);
  if (!c) throw new Error(`no handed case ${id}`);
  const expected = decode(c.expected);
  const within = (g: number, e: number) =>
    Number.isNaN(e)
      ? Number.isNaN(g)
      : !Number.isFinite(e)
        ? g === e
        : Math.abs(g - e) <= Math.max(c.tolerance.abs, c.tolerance.rel * Math.abs(e));
  if (typeof expected === 'object' && expected !== null && 'error' in expected)
    return got === (expected as { error: string }).error;
  if (typeof expected === 'number') return typeof got === 'number' && within(got, expected);
  const flat = (expected as unknown[]).flat(3) as number[];
  return Array.isArray(got) && got.length === flat.length && got.every((g, i) => within(g, flat[i]!));
}

function matchesPeer(got: number | number[] | string, id: string): boolean {
  const p = peers.get(id);
  if (!p) throw new Error(`no peer value ${id} in test/fixtures/parity-peers.json`);
  const expected = decode(p.value) as number | number[] | string;
  const scale = Math.max(1, ...[expected].flat().map((v) => Math.abs(Number(v))));
  return statedMatches(got, expected, 1e-9 * scale);
}

describe('site examples', () => {
  afterEach(() => vi.restoreAllMocks());

  it('has the example files the pages show', () => {
    expect(files).toContain('quickstart-arrays.ts');
    expect(files).toContain('quickstart-tfjs.ts');
    expect(files.filter((f) => f.startsWith('parity-')).length).toBeGreaterThanOrEqual(6);
  });

  for (const file of files) {
    it(`examples/${file} prints the reference values its comments state`, async () => {
      const source = readFileSync(join(dir, file), 'utf8');
      const annotations = parseAnnotations(source);
      const references = referencesOf(file);
      expect(references, `${file} has references in test/fixtures/examples-expected.json`).toBeDefined();
      expect(annotations.length, 'one "// →" comment per reference').toBe(references!.length);
      const outputs: unknown[] = [];
      vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
        outputs.push(args.length === 1 ? args[0] : args);
      });
      await import(pathToFileURL(join(dir, file)).href);
      vi.restoreAllMocks();
      expect(outputs.length, `${file}: one printed value per "// →" comment`).toBe(annotations.length);
      const failures: string[] = [];
      annotations.forEach((a, i) => {
        const ref = references![i]!;
        const got = printed(outputs[i]);
        const off = mismatch(got, ref);
        if (off !== null) failures.push(`line ${a.line}: printed ${JSON.stringify(got)}; ${off} — ${a.text}`);
        if (!statedMatches(referenceValue(ref), a.expected, a.tolerance)) {
          failures.push(
            `line ${a.line}: the comment states ${JSON.stringify(a.expected)}, reference ${ref.value}`,
          );
        }
        if (a.ref?.startsWith('peer:') && !matchesPeer(got, a.ref.slice(5))) {
          failures.push(`line ${a.line}: printed ${JSON.stringify(got)}, fixture ${a.ref} differs`);
        } else if (a.ref && !a.ref.startsWith('peer:') && !matchesHanded(got, a.ref)) {
          failures.push(`line ${a.line}: printed ${JSON.stringify(got)}, handed case ${a.ref} differs`);
        }
      });
      expect(failures).toEqual([]);
    });
  }
});
