/**
 * The published shape of the three public packages, checked as a user meets them: each is packed with
 * `pnpm pack` (which rewrites `workspace:` ranges), checked by publint and by attw ("are the types wrong"),
 * installed with npm into an empty project, and used from ESM, CommonJS and TypeScript.
 *
 * Expected values: binaryCrossEntropy(1, 0.51) = −ln 0.51 = 0.67334455326376563… (closed form; mpmath, 50 digits).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const packages = ['core', 'arrays', 'tfjs'] as const;
const WORKED = 0.6733445532637656; // −ln 0.51, closed form
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const attw = join(root, 'node_modules', '@arethetypeswrong', 'cli', 'dist', 'index.js');

let work = '';
let consumer = '';
const tarballs: Record<string, string> = {};

function pnpm(args: string[], cwd: string): string {
  const execpath = process.env.npm_execpath;
  if (execpath && /pnpm/.test(execpath))
    return execFileSync(process.execPath, [execpath, ...args], { cwd, encoding: 'utf8' });
  return execFileSync('pnpm', args, { cwd, encoding: 'utf8' });
}

function node(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: consumer, encoding: 'utf8' }).trim();
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'xent-pack-'));
  for (const name of packages) {
    const dest = join(work, name);
    mkdirSync(dest);
    pnpm(['pack', '--pack-destination', dest], join(root, 'packages', name));
    const file = readdirSync(dest).find((f) => f.endsWith('.tgz'));
    if (!file) throw new Error(`pnpm pack wrote no tarball for @xent/${name}`);
    tarballs[name] = join(dest, file);
  }
  consumer = join(work, 'consumer');
  mkdirSync(consumer);
  writeFileSync(
    join(consumer, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, version: '1.0.0' }),
  );
  execFileSync(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      '--loglevel=error',
      ...packages.map((p) => tarballs[p] as string),
      '@tensorflow/tfjs-core@4.22.0',
      '@tensorflow/tfjs-backend-cpu@4.22.0',
    ],
    { cwd: consumer, encoding: 'utf8', stdio: 'pipe' },
  );
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.each(packages)('@xent/%s', (name) => {
  test('publint finds nothing to fix (strict)', async () => {
    const pkgDir = join(root, 'packages', name);
    const { messages, pkg } = await publint({ pkgDir, strict: true, level: 'suggestion' });
    const text = messages.map((m) => `${m.type}: ${formatMessage(m, pkg) ?? m.code}`);
    expect(text).toEqual([]);
  });

  test('attw finds no type-resolution problem in the packed tarball', () => {
    let out: string;
    try {
      out = execFileSync(process.execPath, [attw, tarballs[name] as string, '--format', 'json'], {
        encoding: 'utf8',
      });
    } catch (error) {
      // attw exits non-zero when it finds problems; its JSON is still on stdout.
      out = String((error as { stdout?: string }).stdout ?? '');
    }
    const report = JSON.parse(out) as { analysis?: { problems?: unknown[] }; problems?: unknown[] };
    const problems = report.analysis?.problems ?? report.problems ?? [];
    expect(problems).toEqual([]);
  });
});

describe('installed from the tarballs into an empty npm project', () => {
  test('@xent/arrays from ESM gives the worked example', () => {
    const out = node([
      '--input-type=module',
      '-e',
      "import { binaryCrossEntropy } from '@xent/arrays'; console.log(JSON.stringify(binaryCrossEntropy(1, 0.51)));",
    ]);
    expect(Math.abs(Number(out) - WORKED) / WORKED).toBeLessThanOrEqual(1e-15);
  });

  test('@xent/arrays from CommonJS gives the worked example', () => {
    const out = node([
      '--input-type=commonjs',
      '-e',
      "const { binaryCrossEntropy } = require('@xent/arrays'); console.log(JSON.stringify(binaryCrossEntropy(1, 0.51)));",
    ]);
    expect(Math.abs(Number(out) - WORKED) / WORKED).toBeLessThanOrEqual(1e-15);
  });

  test('XentError from the ESM build is an instance of the CommonJS builds\u2019 XentError', () => {
    const script = `
      import { createRequire } from 'node:module';
      import { binaryCrossEntropy } from '@xent/arrays';
      const require = createRequire(process.cwd() + '/x.js');
      const core = require('@xent/core');
      const cjsArrays = require('@xent/arrays');
      try { binaryCrossEntropy(1, 1.5); console.log('no error'); }
      catch (e) { console.log(JSON.stringify([e instanceof core.XentError, e instanceof cjsArrays.XentError, e.code])); }
    `;
    expect(JSON.parse(node(['--input-type=module', '-e', script]))).toEqual([
      true,
      true,
      'INVALID_PROBABILITY',
    ]);
  });

  test('@xent/tfjs works on the cpu backend from ESM and CommonJS', () => {
    const body = `
      await tf.setBackend('cpu');
      const before = tf.memory().numTensors;
      const t = tf.tensor1d([1]);
      const logit = tf.tensor1d([Math.log(0.51 / 0.49)]);
      const loss = xent.sigmoidCrossEntropy(t, logit);
      const value = loss.dataSync()[0];
      tf.dispose([t, logit, loss]);
      console.log(JSON.stringify([value, tf.memory().numTensors - before]));
    `;
    const esm = node([
      '--input-type=module',
      '-e',
      `import * as tf from '@tensorflow/tfjs-core'; import '@tensorflow/tfjs-backend-cpu'; import * as xent from '@xent/tfjs'; ${body}`,
    ]);
    const cjs = node([
      '--input-type=commonjs',
      '-e',
      `const tf = require('@tensorflow/tfjs-core'); require('@tensorflow/tfjs-backend-cpu'); const xent = require('@xent/tfjs'); (async () => { ${body} })();`,
    ]);
    for (const out of [esm, cjs]) {
      const [value, leaked] = JSON.parse(out) as [number, number];
      expect(Math.abs(value - WORKED) / WORKED).toBeLessThanOrEqual(1e-5); // float32 tolerance (SPEC)
      expect(leaked).toBe(0);
    }
  });

  test.each(['nodenext', 'bundler'])(
    'TypeScript (moduleResolution %s, strict) type-checks a user file',
    (resolution) => {
      const dir = join(consumer, `ts-${resolution}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        join(dir, 'index.ts'),
        `import { binaryCrossEntropy, softmaxCrossEntropy, LossMeter, XentError } from '@xent/arrays';
import type { SoftmaxCrossEntropyOptions } from '@xent/arrays';
import * as tf from '@tensorflow/tfjs-core';
import { sigmoidCrossEntropy } from '@xent/tfjs';
const a: number = binaryCrossEntropy(1, 0.51);
const b: number = softmaxCrossEntropy([0, 1], [[1, 2], [3, 4]], { reduction: 'sum', labelSmoothing: 0.1 });
const options: SoftmaxCrossEntropyOptions = { reduction: 'none', axis: -1 };
const perXray = softmaxCrossEntropy([0, 1], [[1, 2], [3, 4]], options); // a number or an array: the reduction is only known as a Reduction
// @ts-expect-error: with a reduction only known at run time, the result is not known to be a number
const c: number = perXray;
const meter = new LossMeter(softmaxCrossEntropy);
const v: number = meter.value;
// @ts-expect-error: 'gama' is not an option of any loss
softmaxCrossEntropy([0], [[1, 2]], { gama: 2 });
// @ts-expect-error: reduction is a string union
binaryCrossEntropy(1, 0.5, { reduction: 1 });
// a training step as the @xent/tfjs README writes it: a scalar reduction is a tf.Scalar, no cast needed
const w = tf.variable(tf.zeros([2, 1]));
const step = () =>
  tf.train.sgd(0.5).minimize(() => sigmoidCrossEntropy(tf.tensor2d([[1], [0]]), tf.matMul(tf.ones([2, 2]), w)));
export { a, b, c, v, step, XentError };
`,
      );
      const module = resolution === 'nodenext' ? 'nodenext' : 'esnext';
      writeFileSync(
        join(dir, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            module,
            moduleResolution: resolution,
            target: 'es2020',
            strict: true,
            exactOptionalPropertyTypes: true,
            noEmit: true,
            skipLibCheck: false,
          },
          files: ['index.ts'],
        }),
      );
      let output = '';
      try {
        execFileSync(process.execPath, [tsc, '-p', dir], { cwd: dir, encoding: 'utf8' });
      } catch (error) {
        output = String((error as { stdout?: string }).stdout ?? error);
      }
      expect(output).toBe('');
    },
  );
});
