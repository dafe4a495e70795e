/**
 * Timing, self-check and memory measurement of a set of methods on one data set.
 *
 * - Warm-up: each method first runs for ~150 ms on a small instance of the same workload, so V8 compiles
 *   its loops before they meet the large arrays (a loop first optimised mid-run on a large array can
 *   stay on slower code), then once on the large data, whose result is checked.
 * - Self-check: the value (and the gradient) must agree with the float64 reference within the method's
 *   tolerance; a method that fails is reported as "wrong" with its error and is not timed.
 * - Timing: R repetitions; in each, every method takes one sample, in an order rotated by one per
 *   repetition (so no method always runs after the same neighbour). Before each sample the TF.js backend is
 *   selected and a full GC runs (outside the timing), so one method's garbage is not collected on another's
 *   time. A sample is k back-to-back calls, k calibrated so that a sample lasts ≥ 10 ms.
 * - Budget: a method whose one call takes longer than `ctx.budgetMs / reps` (tf.losses on the cpu backend
 *   at 10⁶ elements takes seconds) samples only in the first of the repetitions, at least 3 of them; its
 *   ratios are then paired over those repetitions only. This keeps a whole run within minutes.
 */
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { flattenGrad } from './methods.mjs';
import { normwiseError, relativeError, summarize } from './stats.mjs';

let sink = 0;
/** Keeps results observable so no call can be optimised away. */
export function consume(r) {
  if (typeof r === 'number') sink += r;
  else if (r && typeof r.value === 'number') sink += r.value;
  return sink;
}

const gc = globalThis.gc ?? (() => {});
const firstLine = (e) =>
  String(e?.message ?? e)
    .split('\n')[0]
    .slice(0, 200);

/** Checks one result against the reference. */
export function check(method, result, reference) {
  if (method.tolerance === null) return { ok: true, valueError: null, gradError: null };
  const value = typeof result === 'number' ? result : result?.value;
  const valueError = relativeError(Number(value), reference.value);
  let gradError = null;
  if (method.grad) {
    const g = flattenGrad(result?.grad);
    gradError = g ? normwiseError(g, reference.grad) : Number.POSITIVE_INFINITY;
  }
  const ok =
    valueError <= method.tolerance.value && (gradError === null || gradError <= method.tolerance.grad);
  return { ok, valueError, gradError };
}

async function select(ctx, method) {
  if (method.backend && ctx.tf.getBackend() !== method.backend) await ctx.tf.setBackend(method.backend);
}

/**
 * Prepares every method on `data` (after warming it on `small`): returns live entries with their
 * status, check, calibration, and the instance to time.
 */
export async function prepare(methods, data, small, ctx, log) {
  const entries = [];
  for (const method of methods) {
    const entry = { method, status: 'ok', reason: null, check: null, k: 1, instance: null, leak: 0 };
    entries.push(entry);
    try {
      await select(ctx, method);
      const warm = await method.create(small, ctx);
      const t0 = performance.now();
      let calls = 0;
      while (calls < 3 || (performance.now() - t0 < (ctx.warmupMs ?? 150) && calls < 2000)) {
        consume(warm.run());
        calls++;
      }
      warm.dispose?.();
    } catch (e) {
      entry.status = 'n/a';
      entry.reason = firstLine(e);
      log(`  ${method.id}: n/a (${entry.reason})`);
      continue;
    }
    try {
      const instance = await method.create(data, ctx);
      await select(ctx, method);
      const tensorsBefore = ctx.tf.memory().numTensors;
      const result = instance.run();
      entry.leak = ctx.tf.memory().numTensors - tensorsBefore;
      entry.check = check(method, result, data.reference);
      if (!entry.check.ok) {
        entry.status = 'wrong';
        entry.reason = `value error ${fmtErr(entry.check.valueError)}${entry.check.gradError === null ? '' : `, gradient error ${fmtErr(entry.check.gradError)}`} > tolerance`;
        instance.dispose?.();
        log(`  ${method.id}: WRONG (${entry.reason})`);
        continue;
      }
      const t0 = process.hrtime.bigint();
      consume(instance.run());
      const once = Number(process.hrtime.bigint() - t0);
      entry.k = Math.max(1, Math.min(100_000, Math.ceil(((ctx.sampleMs ?? 10) * 1e6) / Math.max(once, 1))));
      entry.maxReps = Math.max(3, Math.floor(((ctx.budgetMs ?? 8000) * 1e6) / Math.max(once * entry.k, 1)));
      entry.instance = instance;
      log(
        `  ${method.id}: ok, ~${(once / data.elements).toFixed(2)} ns/element, k=${entry.k}${entry.leak ? `, LEAKS ${entry.leak} tensors` : ''}`,
      );
    } catch (e) {
      entry.status = 'n/a';
      entry.reason = firstLine(e);
      log(`  ${method.id}: n/a on the full data (${entry.reason})`);
    }
  }
  return entries;
}

const fmtErr = (x) => (x === null ? '–' : Number(x).toExponential(2));

/** Interleaved repetitions; fills entry.samples (ns per element per repetition). */
export async function timeEntries(entries, elements, reps, ctx) {
  const live = entries.filter((e) => e.instance);
  for (const e of live) e.samples = [];
  for (let r = 0; r < reps; r++) {
    for (let j = 0; j < live.length; j++) {
      const e = live[(j + r) % live.length];
      if (r >= (e.maxReps ?? reps)) continue;
      await select(ctx, e.method);
      gc();
      const run = e.instance.run;
      const k = e.k;
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < k; i++) consume(run());
      const t = Number(process.hrtime.bigint() - t0);
      e.samples[r] = t / k / elements;
    }
  }
  for (const e of live) e.stats = summarize(e.samples);
}

/** Bytes allocated by one call and not yet released when it returns (JS heap + ArrayBuffers). */
export async function jsMemory(run) {
  const gcs = [];
  const obs = new PerformanceObserver((list) => gcs.push(...list.getEntries()));
  obs.observe({ entryTypes: ['gc'] });
  gc();
  gc();
  const before = process.memoryUsage();
  const t0 = performance.now();
  const result = run();
  const t1 = performance.now();
  const after = process.memoryUsage();
  await new Promise((r) => setTimeout(r, 50));
  obs.disconnect();
  consume(result);
  const bytes = after.heapUsed - before.heapUsed + (after.arrayBuffers - before.arrayBuffers);
  const gcDuring = gcs.some((g) => g.startTime >= t0 && g.startTime <= t1);
  return { bytes, gcDuring };
}

/** Peak tensor bytes during one call above what existed before it (tf.profile), and its kernels. */
export async function tfMemory(tf, run) {
  const start = tf.memory().numBytes;
  const info = await tf.profile(() => {
    consume(run());
    return null;
  });
  const kernels = info.kernels.map((k) => k.name);
  const peak = kernels.length ? info.peakBytes - start : 0;
  return { bytes: peak, kernels: [...new Set(kernels)], oneHot: kernels.includes('OneHot') };
}

/** Memory of every live entry that declares a kind. */
export async function measureMemory(entries, data, ctx) {
  for (const e of entries) {
    if (!e.instance || !e.method.memory) continue;
    await select(ctx, e.method);
    const m =
      e.method.memory === 'js' ? await jsMemory(e.instance.run) : await tfMemory(ctx.tf, e.instance.run);
    e.memory = { ...m, perElement: m.bytes / data.elements, perPosition: m.bytes / data.positions };
  }
}

export function disposeAll(entries) {
  for (const e of entries) {
    e.instance?.dispose?.();
    e.instance = null;
  }
}
