/**
 * Every example of the TSDoc (`@example` blocks in src/) and of the README runs here. A line written
 * `expression; // value` is checked twice: the code's result against the printed value (SPEC's float64
 * tolerance), and the printed value against the mpmath reference of test/fixtures/examples.json, so
 * neither the code nor the docs can drift. `// throws CODE` expects an XentError with that code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import * as xent from '../src/index';
import { expectClose, REFERENCE } from './helpers';

const root = join(__dirname, '..');

interface Block {
  readonly where: string;
  readonly code: string;
}

function tsdocBlocks(file: string): Block[] {
  const text = readFileSync(file, 'utf8');
  const out: Block[] = [];
  for (const m of text.matchAll(/@example\s*\n\s*\*\s*```ts\n([\s\S]*?)\n\s*\*\s*```/g)) {
    const code = (m[1] as string)
      .split('\n')
      .map((l) => l.replace(/^\s*\* ?/, ''))
      .join('\n');
    out.push({ where: file.slice(root.length + 1), code });
  }
  return out;
}

function readmeBlocks(): Block[] {
  const text = readFileSync(join(root, 'README.md'), 'utf8');
  return [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m, i) => ({
    where: `README.md block ${i + 1}`,
    code: m[1] as string,
  }));
}

const SPLIT = /\s+—\s+|,\s+as\s+|\s+\(|\s+(?=nats|bits)/;

/** Runs a block; returns the number of checked lines. */
function runBlock(block: Block): number {
  let checks = 0;
  const lines: string[] = [];
  for (const raw of block.code.split('\n')) {
    if (/^\s*import\s/.test(raw)) continue;
    const m = /^(.*?);\s*\/\/\s*(.+)$/.exec(raw);
    if (m === null) {
      lines.push(raw);
      continue;
    }
    const [, expr, comment] = m as unknown as [string, string, string];
    const throws = /^throws ([A-Z_]+)/.exec(comment);
    const literal = (comment.split(SPLIT)[0] as string).trim();
    if (throws !== null) {
      lines.push(`__throws(() => (${expr}), ${JSON.stringify(throws[1])}, ${JSON.stringify(expr)});`);
      checks++;
    } else if (/^[-\d[{"'tfNI]/.test(literal)) {
      lines.push(`__check(${expr}, ${literal}, ${JSON.stringify(expr.trim())});`);
      checks++;
    } else {
      lines.push(raw);
    }
  }
  const check = (got: unknown, printed: unknown, expr: string) => {
    expectClose(got, printed, undefined, `${block.where}: ${expr}`);
    if (typeof printed === 'number' || Array.isArray(printed)) {
      const reference = REFERENCE[expr];
      expect(reference, `${block.where}: no reference value for ${expr}`).toBeDefined();
      expectClose(printed, reference, undefined, `${block.where}: printed value of ${expr} vs reference`);
    }
  };
  const throwsCheck = (run: () => unknown, code: string, expr: string) => {
    expect(run, `${block.where}: ${expr}`).toThrow(xent.XentError);
    try {
      run();
    } catch (e) {
      expect((e as xent.XentError).code, expr).toBe(code);
    }
  };
  const names = Object.keys(xent);
  new Function('__check', '__throws', ...names, lines.join('\n'))(
    check,
    throwsCheck,
    ...names.map((n) => (xent as Record<string, unknown>)[n]),
  );
  return checks;
}

const sources = readdirSync(join(root, 'src'))
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => join(root, 'src', f));

describe('TSDoc @example blocks', () => {
  for (const file of sources) {
    const blocks = tsdocBlocks(file);
    const exported = /export (const|function|class) /.test(readFileSync(file, 'utf8'));
    if (!exported || file.endsWith('index.ts') || file.endsWith('types.ts')) continue;
    test(file.slice(root.length + 1), () => {
      expect(blocks.length, 'every exported function has an @example').toBeGreaterThan(0);
      let checks = 0;
      for (const b of blocks) checks += runBlock(b);
      expect(checks, 'every @example prints a value').toBeGreaterThan(0);
    });
  }
});

describe('README examples', () => {
  for (const block of readmeBlocks()) test(block.where, () => expect(runBlock(block)).toBeGreaterThan(0));
});
