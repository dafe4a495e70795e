/**
 * Every `@example` of the TSDoc in src/ and every `ts` block of the README runs here, on the cpu backend. A
 * line written `expression; // closed form = value` (or `// value`) is checked: the expression's result
 * must equal the printed value to float32 tolerance, so the docs cannot drift from the code. The printed
 * values are the closed forms written beside them (ln 2, ln 4, …) rounded to 7–8 digits.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tfl from '@tensorflow/tfjs-layers';
import { describe, expect, test } from 'vitest';
import * as xent from '../src/index';
import { tf, useBackend } from './helpers/backend';

const root = join(__dirname, '..');

interface Block {
  readonly where: string;
  readonly code: string;
}

function tsdocBlocks(): Block[] {
  const out: Block[] = [];
  for (const name of readdirSync(join(root, 'src')).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(join(root, 'src', name), 'utf8');
    for (const m of text.matchAll(/@example\s*\n\s*\*\s*```ts\n([\s\S]*?)\n\s*\*\s*```/g)) {
      const code = m[1]!
        .split('\n')
        .map((l) => l.replace(/^\s*\* ?/, ''))
        .join('\n');
      out.push({ where: `src/${name}`, code });
    }
  }
  return out;
}

function readmeBlocks(): Block[] {
  const text = readFileSync(join(root, 'README.md'), 'utf8');
  return [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m, i) => ({
    where: `README.md block ${i + 1}`,
    code: m[1]!,
  }));
}

/** The printed value of a comment: what follows its last '=' (or the whole comment), as JSON. */
function printed(comment: string): unknown {
  const text = (comment.includes('=') ? comment.slice(comment.lastIndexOf('=') + 1) : comment)
    .replace(/…/g, '')
    .replace(/−/g, '-')
    .trim();
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function close(got: unknown, want: unknown): boolean {
  if (typeof want === 'boolean') return got === want;
  if (typeof want === 'number') {
    const g = typeof got === 'number' ? got : Number.NaN;
    return Math.abs(g - want) <= Math.max(1e-6, 1e-5 * Math.abs(want));
  }
  if (Array.isArray(want)) {
    const g = ArrayBuffer.isView(got) ? Array.from(got as Float32Array) : (got as unknown[]);
    return Array.isArray(g) && g.length === want.length && want.every((w, i) => close(g[i], w));
  }
  return false;
}

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
  ...args: string[]
) => (...a: unknown[]) => Promise<unknown>;

/** Runs a block with the package's exports and `tf` (tfjs-core + layers) in scope; returns its checks. */
async function run(block: Block): Promise<number> {
  let checks = 0;
  const lines: string[] = [];
  const code = block.code.replace(/^\s*import\s[\s\S]*?from\s+['"][^'"]+['"];?/gm, '');
  for (const raw of code.split('\n')) {
    const js = raw.replace(/\)!/g, ')'); // TypeScript's non-null assertions
    const m = /^(.*?);\s*\/\/\s*(.+)$/.exec(js);
    const want = m === null ? undefined : printed(m[2]!);
    if (m === null || want === undefined) {
      lines.push(js);
      continue;
    }
    const decl = /^\s*(const|let)\s+(\w+)\s*=\s*(.*)$/.exec(m[1]!);
    if (decl !== null) lines.push(`${decl[1]} ${decl[2]} = ${decl[3]};`);
    const expr = decl === null ? m[1]! : decl[2]!;
    lines.push(`__check(${expr}, ${JSON.stringify(want)}, ${JSON.stringify(m[1]!.trim())});`);
    checks++;
  }
  const names = Object.keys(xent);
  const scope = { ...tf, ...tfl, train: tf.train, layers: tfl.layers };
  const check = (got: unknown, want: unknown, expr: string) => {
    const shown = ArrayBuffer.isView(got) ? Array.from(got as Float32Array) : got;
    expect(
      close(got, want),
      `${block.where}: ${expr} gave ${JSON.stringify(shown)}, printed ${JSON.stringify(want)}`,
    ).toBe(true);
  };
  const f = new AsyncFunction('tf', '__check', ...names, lines.join('\n'));
  tf.engine().startScope();
  try {
    await f(scope, check, ...names.map((n) => (xent as Record<string, unknown>)[n]));
  } finally {
    tf.engine().endScope();
  }
  return checks;
}

describe('documented examples (cpu backend)', () => {
  const blocks = [...tsdocBlocks(), ...readmeBlocks()];

  test('every export with TSDoc has an example', () => {
    const documented = new Set(blocks.map((b) => b.where));
    for (const name of Object.keys(xent)) {
      if (name === 'XentError') continue; // core's class, documented there
      expect(documented.has(`src/${name}.ts`), `src/${name}.ts has an @example`).toBe(true);
    }
  });

  for (const block of blocks) {
    test(block.where, async () => {
      await useBackend('cpu');
      const checks = await run(block);
      expect(checks, `${block.where}: at least one checked line`).toBeGreaterThan(0);
    });
  }
});
