/**
 * Every `@example` of core's TSDoc runs here. A line `expression; // value` is checked against the
 * printed value (SPEC's float64 tolerance) and, for numbers, the printed value against the mpmath
 * reference of tes./fixtures/examples.json; `// throws CODE` expects an XentError with that code.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import * as core from '../src/index';
import reference from './fixtures/examples.json';

const REFERENCE: Record<string, number> = reference.values;
const src = join(__dirname, '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === 'kernels' ? [] : files(p);
    return f.endsWith('.ts') && !f.endsWith('.test.ts') ? [p] : [];
  });
}

function close(got: unknown, printed: unknown, where: string): void {
  if (typeof printed === 'number') {
    const err = got === printed ? 0 : Math.abs((got as number) - printed) / Math.abs(printed);
    expect(err, `${where}: got ${String(got)}, printed ${printed}`).toBeLessThanOrEqual(1e-12);
  } else {
    expect(got, where).toEqual(printed);
  }
}

const blocks = files(src).flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/@example\s*\n\s*\*\s*```ts\n([\s\S]*?)\n\s*\*\s*```/g)].map(
    (m) => ({
      where: file.slice(src.length + 1),
      code: (m[1] as string)
        .split('\n')
        .map((l) => l.replace(/^\s*\* ?/, ''))
        .join('\n'),
    }),
  ),
);

test('core has examples', () => expect(blocks.length).toBeGreaterThanOrEqual(6));

for (const block of blocks) {
  test(block.where, () => {
    let checks = 0;
    const lines: string[] = [];
    for (const raw of block.code.split('\n')) {
      const m = /^(.*?);\s*\/\/\s*(.+)$/.exec(raw);
      if (m === null) {
        lines.push(raw);
        continue;
      }
      const expr = (m[1] as string).trim();
      const comment = m[2] as string;
      const throws = /^throws ([A-Z_]+)/.exec(comment);
      if (throws !== null) {
        lines.push(`__throws(() => (${expr}), ${JSON.stringify(throws[1])}, ${JSON.stringify(expr)});`);
        checks++;
      } else if (/^[-\d[{"'tf]/.test(comment)) {
        lines.push(`__check(${expr}, (${comment}), ${JSON.stringify(expr)});`);
        checks++;
      } else lines.push(raw);
    }
    const check = (got: unknown, printed: unknown, expr: string) => {
      close(got, printed, `${block.where}: ${expr}`);
      if (typeof printed === 'number' && !Number.isInteger(printed)) {
        expect(REFERENCE[expr], `${block.where}: no reference for ${expr}`).toBeDefined();
        close(printed, REFERENCE[expr], `${block.where}: printed ${expr} vs reference`);
      }
    };
    const throwsCheck = (run: () => unknown, code: string, expr: string) => {
      let caught: unknown;
      try {
        run();
      } catch (e) {
        caught = e;
      }
      expect(caught, expr).toBeInstanceOf(core.XentError);
      expect((caught as core.XentError).code, expr).toBe(code);
    };
    const names = Object.keys(core);
    new Function('__check', '__throws', ...names, lines.join('\n'))(
      check,
      throwsCheck,
      ...names.map((n) => (core as Record<string, unknown>)[n]),
    );
    expect(checks, 'the example prints a value').toBeGreaterThan(0);
  });
}
