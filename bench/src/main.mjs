/**
 * The benchmark run: every workload, every method, interleaved in one process; then the W1 size sweep;
 * then the targets; then bench/results/latest.json and latest.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { disposeAll, measureMemory, prepare, timeEntries } from './harness.mjs';
import { methodsFor } from './methods.mjs';
import { renderMarkdown } from './report.mjs';
import { ratioMatrix } from './stats.mjs';
import { evaluateTargets } from './targets.mjs';
import { SEED, softmaxData, workloadDefs } from './workloads.mjs';

/**
 * Command-line options. `--quick` shrinks every workload to 2 % (and the sweep to 10⁴ rows) for a look in
 * seconds; `--scale`, `--sweep-max`, `--warmup-ms` and `--sample-ms` exist for the harness's own test.
 */
export function parseArgs(argv) {
  const opts = {
    quick: false,
    only: null,
    reps: null,
    sweep: true,
    out: null,
    scale: null,
    sweepMax: null,
    warmupMs: 150,
    sampleMs: 10,
    budgetMs: 5000,
  };
  const args = argv[0] === '--' ? argv.slice(1) : [...argv];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') continue;
    else if (a === '--quick') opts.quick = true;
    else if (a === '--no-sweep') opts.sweep = false;
    else if (a === '--only')
      opts.only = String(args[++i] ?? '')
        .split(',')
        .filter(Boolean);
    else if (a.startsWith('--only=')) opts.only = a.slice(7).split(',').filter(Boolean);
    else if (a === '--reps') opts.reps = Number(args[++i]);
    else if (a === '--out') opts.out = args[++i];
    else if (a === '--scale') opts.scale = Number(args[++i]);
    else if (a === '--sweep-max') opts.sweepMax = Number(args[++i]);
    else if (a === '--warmup-ms') opts.warmupMs = Number(args[++i]);
    else if (a === '--sample-ms') opts.sampleMs = Number(args[++i]);
    else if (a === '--budget-ms') opts.budgetMs = Number(args[++i]);
    else
      throw new Error(`unknown argument ${a} (use --quick, --only W1,W4, --reps N, --no-sweep, --out DIR)`);
  }
  opts.scale ??= opts.quick ? 0.02 : 1;
  opts.sweepMax ??= opts.quick ? 4 : 6;
  opts.reps ??= opts.quick ? 3 : 9;
  for (const [k, v] of Object.entries({
    scale: opts.scale,
    sweepMax: opts.sweepMax,
    reps: opts.reps,
    warmupMs: opts.warmupMs,
    sampleMs: opts.sampleMs,
    budgetMs: opts.budgetMs,
  })) {
    if (!(Number.isFinite(v) && v > 0)) throw new Error(`--${k} must be a positive number; received ${v}`);
  }
  return opts;
}

async function loadTf() {
  const tf = await import('@tensorflow/tfjs-core');
  await import('@tensorflow/tfjs-backend-cpu');
  await import('@tensorflow/tfjs-backend-wasm');
  // gradient functions for tf.grad (tfjs-core's Node bundle registers none)
  await import('@tensorflow/tfjs-core/dist/register_all_gradients.js');
  await tf.setBackend('wasm');
  await tf.ready();
  const wasm = {
    simd: await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'),
    threads: await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'),
  };
  await tf.setBackend('cpu');
  await tf.ready();
  return { tf, wasm };
}

async function loadXent(name) {
  try {
    const mod = await import(name);
    return { name, mod, reason: null };
  } catch (e) {
    const msg = String(e?.message ?? e).split('\n')[0];
    const reason = /Cannot find (module|package)/.test(msg)
      ? `${name} is not built (pnpm bench builds it first)`
      : `${name} failed to load: ${msg.slice(0, 160)}`;
    return { name, mod: null, reason };
  }
}

function versionOf(name) {
  try {
    const require = createRequire(import.meta.url);
    return require(`${name}/package.json`).version;
  } catch {
    return null;
  }
}

function summarizeEntries(entries) {
  return entries.map((e) => ({
    id: e.method.id,
    label: e.method.label,
    group: e.method.group,
    backend: e.method.backend ?? null,
    grad: e.method.grad,
    status: e.status,
    reason: e.reason,
    check: e.check,
    tensorLeak: e.leak || 0,
    callsPerSample: e.k,
    nsPerElement: e.stats ?? null,
    samples: e.samples ?? null,
    memory: e.memory ?? null,
  }));
}

async function runWorkload(def, opts, ctx, log) {
  const data = def.make(opts.scale);
  const small = def.make(opts.scale * (opts.scale < 0.1 ? 0.25 : 0.01));
  log(`${data.id}: ${data.title} — ${data.elements.toLocaleString('en-US')} elements`);
  const entries = await prepare(methodsFor(data), data, small, ctx, log);
  const t0 = Date.now();
  await timeEntries(entries, data.elements, opts.reps, ctx);
  await measureMemory(entries, data, ctx);
  disposeAll(entries);
  const samples = Object.fromEntries(entries.filter((e) => e.samples).map((e) => [e.method.id, e.samples]));
  log(`  timed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return {
    id: data.id,
    title: data.title,
    family: data.family,
    shape: data.shape,
    axis: data.family === 'softmax' ? data.axis : null,
    elements: data.elements,
    positions: data.positions,
    reference: data.reference.value,
    methods: summarizeEntries(entries),
    ratios: ratioMatrix(samples),
  };
}

const SWEEP_METHODS = [
  'arrays-typed',
  'fused-js',
  'floor-exp',
  'tf-wasm',
  'tf-cpu',
  'xtfjs-wasm',
  'xtfjs-cpu',
];

async function runSweep(opts, ctx, log) {
  const maxExp = opts.sweepMax;
  const rows = [];
  for (let e = 1; e <= maxExp; e++) {
    const n = 10 ** e;
    const data = softmaxData('W1', `softmax CE, ${n} × 14`, [n, 14], -1, SEED + 1);
    const small = softmaxData('W1', 'warm-up', [Math.min(n, 1000), 14], -1, SEED + 1);
    const methods = methodsFor(data).filter(
      (m) => SWEEP_METHODS.includes(m.id) && !(m.id === 'tf-cpu' && n > 100_000),
    );
    log(`sweep: ${n} × 14`);
    const entries = await prepare(methods, data, small, ctx, () => {});
    await timeEntries(entries, data.elements, Math.max(3, Math.ceil(opts.reps / 2)), ctx);
    disposeAll(entries);
    rows.push({
      rows: n,
      elements: data.elements,
      methods: Object.fromEntries(
        entries.map((x) => [
          x.method.id,
          x.stats
            ? { median: x.stats.median, iqrRel: x.stats.iqrRel }
            : { status: x.status, reason: x.reason },
        ]),
      ),
    });
  }
  return rows;
}

/**
 * Runs the benchmark and writes `<out>/latest.json` and `latest.md` (`quick.*` for a scaled-down run).
 * @param {string[]} argv
 * @param {{ log?: (s: string) => void }} [extra]
 * @returns the result object written to the JSON file
 */
export async function main(argv, extra = {}) {
  const opts = { ...parseArgs(argv), ...extra };
  const log = opts.log ?? ((s) => console.log(s));
  if (!globalThis.gc) log('note: run with --expose-gc for GC between samples and the memory figures');
  const started = new Date();
  const loadBefore = os.loadavg()[0];
  const { tf, wasm } = await loadTf();
  const ctx = {
    tf,
    warmupMs: opts.warmupMs,
    sampleMs: opts.sampleMs,
    budgetMs: opts.budgetMs,
    arrays: await loadXent('@xent/arrays'),
    xtfjs: await loadXent('@xent/tfjs'),
  };
  log(
    `TF.js ${tf.version_core}, wasm SIMD ${wasm.simd}, wasm threads ${wasm.threads}; ${ctx.arrays.reason ?? '@xent/arrays loaded'}; ${ctx.xtfjs.reason ?? '@xent/tfjs loaded'}`,
  );

  const defs = workloadDefs(1).filter(
    (d) => !opts.only || opts.only.some((o) => d.id === o || d.id.startsWith(`${o}-`)),
  );
  const workloads = [];
  for (const def of defs) workloads.push(await runWorkload(def, opts, ctx, log));
  const sweep = opts.sweep && (!opts.only || opts.only.includes('W1')) ? await runSweep(opts, ctx, log) : [];

  const cpus = os.cpus();
  const result = {
    meta: {
      date: started.toISOString(),
      durationSeconds: Math.round((Date.now() - started.getTime()) / 1000),
      quick: opts.scale < 1,
      scale: opts.scale,
      repetitions: opts.reps,
      seed: SEED,
      machine: {
        cpu: cpus[0]?.model ?? 'unknown',
        cores: cpus.length,
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        platform: `${os.platform()} ${os.release()} ${os.arch()}`,
        // 1-minute load average at the start and the end: above the core count, other processes shared the CPU
        loadAverage: [loadBefore, os.loadavg()[0]].map((x) => Math.round(x * 10) / 10),
      },
      budgetSecondsPerMethod: opts.budgetMs / 1000,
      node: process.version,
      v8: process.versions.v8,
      tfjs: tf.version_core,
      wasm,
      packages: {
        '@xent/arrays': ctx.arrays.mod ? versionOf('@xent/arrays') : null,
        '@xent/tfjs': ctx.xtfjs.mod ? versionOf('@xent/tfjs') : null,
      },
    },
    workloads,
    sweep,
  };
  result.targets = evaluateTargets(result);
  const outDir = opts.out ?? fileURLToPath(new URL('../results/', import.meta.url));
  mkdirSync(outDir, { recursive: true });
  const base = opts.scale < 1 ? 'quick' : 'latest';
  writeFileSync(join(outDir, `${base}.json`), `${JSON.stringify(result, null, 1)}\n`);
  writeFileSync(join(outDir, `${base}.md`), renderMarkdown(result));
  log(`wrote ${join(outDir, base)}.json and .md in ${result.meta.durationSeconds} s`);
  return result;
}
