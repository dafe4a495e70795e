/**
 * The published shape of @xent/arrays: the exports map (types first), ESM and CommonJS builds that load
 * and agree, `instanceof XentError` across the ESM and CJS copies and across packages, and publint's
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
const coreRoot = join(root, '..', 'core');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

type Module = Record<string, unknown> & {
  XentError: new (...a: never[]) => Error;
  binaryCrossEntropy: (t: unknown, p: unknown, o?: unknown) => number;
};
let esm: Module;
let cjs: Module;

beforeAll(async () => {
  for (const dir of [coreRoot, root]) {
    if (!existsSync(join(dir, 'dist', 'index.cjs')) || !existsSync(join(dir, 'dist', 'index.js'))) {
      execFileSync('pnpm', ['run', 'build'], { cwd: dir, stdio: 'ignore' });
    }
  }
  esm = (await import(pathToFileURL(join(root, 'dist', 'index.js')).href)) as Module;
  cjs = createRequire(import.meta.url)(join(root, 'dist', 'index.cjs')) as Module;
}, 120_000);

describe('package shape', () => {
  test('exports map: types first, import and require', () => {
    const dot = pkg.exports['.'];
    expect(Object.keys(dot.import)[0]).toBe('types');
    expect(Object.keys(dot.require)[0]).toBe('types');
    for (const f of [dot.import.types, dot.import.default, dot.require.types, dot.require.default]) {
      expect(existsSync(join(root, f)), f).toBe(true);
    }
    expect(pkg.sideEffects).toBe(false);
    expect(pkg.dependencies['@xent/core']).toBeDefined();
  });

  test('ESM and CJS builds export the same names and compute the worked example', () => {
    expect(Object.keys(cjs).sort()).toEqual(Object.keys(esm).sort());
    for (const name of [
      'softmaxCrossEntropy',
      'LossMeter',
      'XentError',
      'logSumExp',
      'entropy',
      'klDivergence',
    ]) {
      expect(esm[name], name).toBeDefined();
    }
    // −ln 0.51, closed form
    expect(Math.abs(esm.binaryCrossEntropy(1, 0.51) - -Math.log(0.51))).toBeLessThan(1e-15);
    expect(cjs.binaryCrossEntropy(1, 0.51)).toBe(esm.binaryCrossEntropy(1, 0.51));
  });

  test('instanceof XentError across the ESM and CJS copies and across packages', async () => {
    const thrown = (m: Module) => {
      try {
        m.binaryCrossEntropy(1, 2);
      } catch (e) {
        return e;
      }
      return null;
    };
    const fromEsm = thrown(esm);
    const fromCjs = thrown(cjs);
    expect(fromEsm).toBeInstanceOf(cjs.XentError);
    expect(fromCjs).toBeInstanceOf(esm.XentError);
    const core = (await import(pathToFileURL(join(coreRoot, 'dist', 'index.js')).href)) as Module;
    const coreCjs = createRequire(import.meta.url)(join(coreRoot, 'dist', 'index.cjs')) as Module;
    expect(fromEsm).toBeInstanceOf(core.XentError);
    expect(fromCjs).toBeInstanceOf(coreCjs.XentError);
    expect(new Error('plain')).not.toBeInstanceOf(esm.XentError);
  });

  test('publint finds no error', async () => {
    const { messages } = await publint({ pkgDir: root, level: 'error' });
    expect(messages).toEqual([]);
  });
});
