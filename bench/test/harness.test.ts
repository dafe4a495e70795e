import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { check, jsMemory, prepare, timeEntries } from '../src/harness.mjs';
import { main } from '../src/main.mjs';
import { TOLERANCE } from '../src/methods.mjs';
import { softmaxData } from '../src/workloads.mjs';

// The harness on tiny sizes: the shape of its output and its own correctness checks. Nothing here
// asserts a time (times on a shared machine are not a test).

interface Summary {
  median: number;
  q1: number;
  q3: number;
}
interface MethodResult {
  id: string;
  group: string;
  status: 'ok' | 'n/a' | 'wrong';
  reason: string | null;
  check: { ok: boolean } | null;
  nsPerElement: Summary | null;
  samples: number[] | null;
  memory: { bytes: number; perElement: number } | null;
}
interface WorkloadResult {
  id: string;
  methods: MethodResult[];
  ratios: Record<string, Record<string, Summary>>;
}
interface RunResult {
  workloads: WorkloadResult[];
  targets: { target: string; met: boolean | null }[];
  sweep: { rows: number; methods: Record<string, { median?: number }> }[];
}

const method = (w: WorkloadResult | undefined, id: string): MethodResult => {
  const m = w?.methods.find((x) => x.id === id);
  if (!m) throw new Error(`${w?.id}: no method ${id}`);
  return m;
};

const BASELINES = [
  'plain-js',
  'fused-js',
  'plain-js:grad',
  'fused-js:grad',
  'floor-read',
  'floor-exp',
  'tf-cpu',
  'tf-cpu:grad',
  'tf-wasm',
  'tf-wasm:grad',
];

describe('self-check', () => {
  const data = softmaxData('t', 't', [50, 14], -1, 3);
  const ref = data.reference;

  it('accepts a value within tolerance and rejects one outside it', () => {
    const m = { grad: false, tolerance: TOLERANCE.xentF64 };
    expect(check(m, ref.value * (1 + 1e-14), ref).ok).toBe(true);
    expect(check(m, ref.value * (1 + 1e-9), ref).ok).toBe(false);
    expect(check(m, Number.NaN, ref).ok).toBe(false);
  });

  it('rejects a wrong gradient, and a missing one', () => {
    const m = { grad: true, tolerance: TOLERANCE.xentF64 };
    const bad = Float64Array.from(ref.grad);
    bad[7] = (bad[7] ?? 0) + 1e-3;
    expect(check(m, { value: ref.value, grad: ref.grad }, ref).ok).toBe(true);
    expect(check(m, { value: ref.value, grad: bad }, ref).ok).toBe(false);
    expect(check(m, { value: ref.value, grad: undefined }, ref).ok).toBe(false);
  });

  it('does not time a method whose output is wrong, and reports why', async () => {
    const wrong = {
      id: 'off-by-one-percent',
      label: 'wrong',
      group: 'test',
      grad: false,
      tolerance: TOLERANCE.jsF64,
      create: async () => ({ run: () => data.reference.value * 1.01 }),
    };
    const broken = {
      ...wrong,
      id: 'throws',
      create: async () => ({
        run: () => {
          throw new Error('no kernel');
        },
      }),
    };
    const ctx = {
      tf: { memory: () => ({ numTensors: 0 }), getBackend: () => 'cpu' },
      warmupMs: 1,
      sampleMs: 1,
    };
    const [w, b] = await prepare([wrong, broken], data, data, ctx, () => {});
    expect(w?.status).toBe('wrong');
    expect(w?.instance).toBeNull();
    expect(w?.reason).toMatch(/value error 1\.00e-2/);
    expect(b?.status).toBe('n/a');
    expect(b?.reason).toContain('no kernel');
  });
});

describe('interleaved repetitions', () => {
  it('samples a method over its budget in fewer repetitions, and pairs ratios over the common ones', async () => {
    const fast = { method: { id: 'a' }, instance: { run: () => 1 }, k: 1, maxReps: 5 };
    const slow = { method: { id: 'b' }, instance: { run: () => 2 }, k: 1, maxReps: 3 };
    const skipped = { method: { id: 'c' }, instance: null, k: 1 };
    const entries: Array<Record<string, unknown>> = [fast, slow, skipped];
    await timeEntries(entries, 10, 5, { tf: { getBackend: () => 'cpu' } });
    expect(fast).toHaveProperty('samples.length', 5);
    expect(slow).toHaveProperty('samples.length', 3);
    expect(slow).toHaveProperty('stats.n', 3);
    expect(skipped).not.toHaveProperty('samples');
  });
});

describe('memory measurement', () => {
  it('sees an N × C float64 temporary, and not a loop that allocates nothing', async () => {
    const n = 1_000_000;
    const temp = await jsMemory(() => new Float64Array(n).fill(1)[3]);
    expect(temp.bytes).toBeGreaterThanOrEqual(8 * n);
    const x = new Float64Array(n).fill(1);
    const sum = () => {
      let s = 0;
      for (let i = 0; i < x.length; i++) s += x[i] ?? 0;
      return s;
    };
    // warmed up first, as the suite warms every method: a loop still in V8's interpreter boxes its running
    // double on the heap (16 bytes an iteration until it is optimised part-way through)
    for (let k = 0; k < 5; k++) sum();
    const none = await jsMemory(sum);
    // the heap moves by some kilobytes on its own (the GC observer, timers): far below 8 bytes per element
    expect(none.bytes).toBeLessThan(2 * n);
  });
});

describe('a whole run on tiny sizes', () => {
  const out = mkdtempSync(join(tmpdir(), 'xent-bench-'));
  let result: RunResult;
  const lines: string[] = [];

  beforeAll(async () => {
    result = (await main(
      [
        '--scale',
        '0.002',
        '--reps',
        '3',
        '--sweep-max',
        '2',
        '--warmup-ms',
        '5',
        '--sample-ms',
        '2',
        '--out',
        out,
      ],
      {
        log: (s: string) => lines.push(s),
      },
    )) as unknown as RunResult;
    for (const w of result.workloads) {
      for (const m of w.methods)
        if (m.status === 'wrong') console.warn(`${w.id} ${m.id} rejected: ${m.reason}`);
    }
  });

  it('writes JSON and Markdown with the machine, Node version and date', () => {
    const json = JSON.parse(readFileSync(join(out, 'quick.json'), 'utf8'));
    expect(json.meta.node).toBe(process.version);
    expect(json.meta.machine.cores).toBeGreaterThan(0);
    expect(Number.isNaN(Date.parse(json.meta.date))).toBe(false);
    const md = readFileSync(join(out, 'quick.md'), 'utf8');
    expect(md).toContain(process.version);
    expect(md).toContain('| method | ns/element |');
    expect(md).not.toMatch(/<[a-z]/i); // plain Markdown for the docs page: no HTML
  });

  it('runs every workload with every method, value and gradient', () => {
    expect(result.workloads.map((w) => w.id)).toEqual(['W1', 'W2', 'W3-last', 'W3-first', 'W4']);
    for (const w of result.workloads) {
      const ids = w.methods.map((m) => m.id);
      for (const id of [
        ...BASELINES,
        'arrays-typed',
        'arrays-nested',
        'arrays-typed:grad',
        'xtfjs-cpu',
        'xtfjs-wasm',
        'xtfjs-wasm:grad',
        'xtfjs-cpu-validate',
      ]) {
        expect(ids).toContain(id);
      }
    }
  });

  it('checks every baseline against the float64 reference and times it', () => {
    for (const w of result.workloads) {
      for (const id of BASELINES) {
        const m = method(w, id);
        expect(m.status, `${w.id} ${id}: ${m.reason}`).toBe('ok');
        if (m.check && id !== 'floor-read' && id !== 'floor-exp') expect(m.check.ok).toBe(true);
        expect(m.nsPerElement?.median).toBeGreaterThan(0);
        expect(m.samples).toHaveLength(3);
      }
    }
  });

  it('times a xent method only after its value (and gradient) agreed with the reference', () => {
    for (const w of result.workloads) {
      for (const m of w.methods.filter((x) => x.group === 'xent')) {
        if (m.status === 'ok') expect(m.check?.ok).toBe(true);
        else {
          // 'n/a' (a package not built, a function missing) or 'wrong': reported with its reason, never timed
          expect(m.nsPerElement).toBeNull();
          expect(m.reason).toBeTruthy();
          if (m.status === 'wrong') expect(m.reason).toMatch(/error .* > tolerance/);
        }
      }
    }
  });

  it('gives paired ratios between every two timed methods and evaluates the targets', () => {
    const w1 = result.workloads[0];
    const r = w1?.ratios['fused-js']?.['tf-cpu'];
    const back = w1?.ratios['tf-cpu']?.['fused-js'];
    expect(r?.median).toBeGreaterThan(0);
    expect((r?.median ?? 0) * (back?.median ?? 0)).toBeCloseTo(1, 6); // with an odd count the median of reciprocals is the reciprocal of the median
    expect(result.targets.some((t) => t.target.includes('≥ 2× faster than tf.losses on wasm'))).toBe(true);
    for (const t of result.targets) expect([true, false, null]).toContain(t.met);
  });

  it('measures memory: JS bytes per position, tensor peak bytes per logit', () => {
    const w1 = result.workloads[0];
    expect(method(w1, 'tf-cpu').memory?.perElement).toBeGreaterThan(0);
    expect(typeof method(w1, 'arrays-typed').memory?.bytes).toBe('number');
  });

  it('sweeps W1 over sizes 10¹, 10²', () => {
    expect(result.sweep.map((r) => r.rows)).toEqual([10, 100]);
    expect(result.sweep[1]?.methods['fused-js']?.median).toBeGreaterThan(0);
  });
});
