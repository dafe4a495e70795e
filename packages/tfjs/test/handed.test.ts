import { afterAll, describe, expect, it } from 'vitest';
import * as xent from '../src/index';
import { BACKENDS, tf, useBackend } from './helpers/backend';
import { loadHanded, revive } from './helpers/handed';
import { compare, describeWorst, flatten, type Worst } from './helpers/tolerance';

/**
 * The handed cases (public bug reports and the TF.js/Keras test suites restated in SPEC terms), each with its
 * float32 reference `expected_f32` / `grad_f32` computed at 50 digits on float32-rounded inputs. Run on the cpu
 * and wasm backends; the worst error per backend is printed.
 */
const cases = loadHanded();
const strict = process.env.XENT_STRICT === '1';

type Fn = (...args: unknown[]) => tf.Tensor;
const fns = xent as unknown as Record<string, Fn>;

function call(fn: string, targets: unknown, predictions: unknown, options: unknown): tf.Tensor {
  const f = fns[fn]!;
  return fn === 'entropy' ? f(targets, options) : f(targets, predictions, options);
}

describe.skipIf(cases === null && !strict)('handed cases', () => {
  if (cases === null) {
    it('needs the handed cases file', () => {
      throw new Error('handed.json not found (XENT_STRICT=1)');
    });
    return;
  }
  for (const backend of BACKENDS) {
    describe(backend, () => {
      const worstValue: Worst[] = [];
      const worstGrad: Worst[] = [];
      afterAll(() => {
        const pick = (ws: Worst[]) => ws.reduce((a, b) => (b.rel > a.rel ? b : a), ws[0]!);
        if (worstValue.length)
          console.log(`[${backend}] worst value error: ${describeWorst(pick(worstValue))}`);
        if (worstGrad.length)
          console.log(`[${backend}] worst gradient error: ${describeWorst(pick(worstGrad))}`);
      });
      for (const c of cases) {
        if (c.f32_skip === true || c.expected_f32 === undefined) {
          // the case's inputs do not fit float32 (handed.json names no float32 expectation): say so
          it.skip(
            `${c.id} ${c.fn}: its inputs do not fit float32, no float32 expectation (${c.note ?? c.source})`,
          );
          continue;
        }
        it(`${c.id} ${c.fn} (${c.source})`, async () => {
          await useBackend(backend);
          const before = tf.memory().numTensors;
          const targets = revive(c.targets);
          const predictions = revive(c.predictions);
          const options = c.options ?? undefined;
          const exp = c.expected_f32;
          if (exp !== null && typeof exp === 'object' && !Array.isArray(exp) && 'error' in exp) {
            let err: unknown;
            try {
              call(c.fn, targets, predictions, options).dispose();
            } catch (e) {
              err = e;
            }
            expect(err, 'expected an XentError').toBeInstanceOf(xent.XentError);
            expect((err as xent.XentError).code).toBe((exp as { error: string }).error);
            expect(tf.memory().numTensors).toBe(before);
            return;
          }
          const tol = c.tolerance_f32!;
          const out = call(c.fn, targets, predictions, options);
          const got = Array.from(out.dataSync());
          const expectedShape = flatten(exp).length;
          expect(got.length).toBe(expectedShape);
          out.dispose();
          const w = compare(got, flatten(exp), tol.rel, tol.abs, `${c.id} value`);
          worstValue.push(w);
          expect(w.ratio, describeWorst(w)).toBeLessThanOrEqual(1);
          if (c.grad_f32 !== undefined) {
            const gradTol = { rel: tol.grad_rel ?? 1e-4, abs: tol.grad_abs ?? 1e-6 };
            const g = tf.tidy(() => {
              const x = tf.tensor(predictions as number[]);
              const f = (p: tf.Tensor) => call(c.fn, targets, p, options);
              return tf.grad(f)(x);
            });
            const gw = compare(g.dataSync(), flatten(c.grad_f32), gradTol.rel, gradTol.abs, `${c.id} grad`);
            g.dispose();
            worstGrad.push(gw);
            expect(gw.ratio, describeWorst(gw)).toBeLessThanOrEqual(1);
          }
          expect(tf.memory().numTensors).toBe(before);
        });
      }
    });
  }
});
