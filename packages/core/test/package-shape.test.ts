/**
 * The published shape of @xent/core: the exports map (types first), ESM and CommonJS builds that load
 * and agree, `instanceof XentError` across the two copies, no runtime dependencies, and publint's
 * verdict. It reads `dist/` (turbo builds it before the tests); without a build it builds once.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { publint } from 'publint';
import { beforeAll, describe, expect, test } from 'vitest';

const root = join(__dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

type Module = Record<string, unknown> & { XentError: new (...a: unknown[]) => Error };
let esm: Module;
let cjs: Module;

beforeAll(async () => {
  if (!existsSync(join(root, 'dist', 'index.cjs')) || !existsSync(join(root, 'dist', 'index.js'))) {
    execFileSync('pnpm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
  }
  esm = (await import(pathToFileURL(join(root, 'dist', 'index.js')).href)) as Module;
  cjs = createRequire(import.meta.url)(join(root, 'dist', 'index.cjs')) as Module;
}, 120_000);

describe('package shape', () => {
  test('exports map with types first; no runtime dependencies', () => {
    const dot = pkg.exports['.'];
    expect(Object.keys(dot.import)[0]).toBe('types');
    expect(Object.keys(dot.require)[0]).toBe('types');
    for (const f of [dot.import.types, dot.import.default, dot.require.types, dot.require.default]) {
      expect(existsSync(join(root, f)), f).toBe(true);
    }
    expect(pkg.dependencies ?? {}).toEqual({});
  });

  test('ESM and CJS export the same names; errors cross the copies', () => {
    expect(Object.keys(cjs).sort()).toEqual(Object.keys(esm).sort());
    const e = new cjs.XentError('INVALID_INPUT', 'f', 'x', 'y', 'z');
    expect(e).toBeInstanceOf(esm.XentError);
    expect(new esm.XentError('INVALID_INPUT', 'f', 'x', 'y', 'z')).toBeInstanceOf(cjs.XentError);
  });

  test('publint finds no error', async () => {
    const { messages } = await publint({ pkgDir: root, level: 'error' });
    expect(messages).toEqual([]);
  });
});
