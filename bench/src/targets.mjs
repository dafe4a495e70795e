// @ts-check
/**
 * The targets, evaluated on one result (all ratios measured in the same process, paired by
 * repetition). Each item: { workload, target, measured, met } with met = true | false | null (not
 * measurable: a method n/a or wrong).
 */

/** @typedef {{ median: number, q1: number, q3: number }} Ratio */

/**
 * Median of time(a) / time(b) in a workload, or null.
 * @param {any} w @param {string} a @param {string} b @returns {number | null}
 */
export function timeRatio(w, a, b) {
  const r = w?.ratios?.[a]?.[b];
  return r && Number.isFinite(r.median) ? r.median : null;
}

/** @param {any} w @param {string} id */
const method = (w, id) => w?.methods?.find((/** @type {any} */ m) => m.id === id);

/** A ratio as text, `n/a` when it could not be measured. @param {number | null} r @param {number} digits */
const x = (r, digits = 2) => (r === null || !Number.isFinite(r) ? 'n/a' : `${r.toFixed(digits)}×`);

/** @param {number | null} x @param {number} digits */
const f = (x, digits = 2) => (x === null || !Number.isFinite(x) ? 'n/a' : x.toFixed(digits));

/**
 * @param {any} result
 * @returns {{ workload: string, target: string, measured: string, met: boolean | null }[]}
 */
export function evaluateTargets(result) {
  /** @type {{ workload: string, target: string, measured: string, met: boolean | null }[]} */
  const out = [];
  /** @param {string} workload @param {string} target @param {string} measured @param {boolean | null} met */
  const add = (workload, target, measured, met) => out.push({ workload, target, measured, met });
  /** speed-up of a over b = time(b) / time(a) */
  const speedup = (/** @type {any} */ w, /** @type {string} */ a, /** @type {string} */ b) =>
    timeRatio(w, b, a);
  const atLeast = (/** @type {number | null} */ x, /** @type {number} */ t) => (x === null ? null : x >= t);
  const atMost = (/** @type {number | null} */ x, /** @type {number} */ t) => (x === null ? null : x <= t);

  const w1 = result.workloads.find((/** @type {any} */ w) => w.id === 'W1');
  if (w1) {
    const ns = method(w1, 'arrays-typed')?.nsPerElement?.median ?? null;
    const s1 = speedup(w1, 'arrays-typed', 'tf-wasm');
    add(
      'W1',
      '@xent/arrays ≥ 2× faster than tf.losses on wasm',
      `${x(s1)} (${f(ns)} ns/element)`,
      atLeast(s1, 2),
    );
    const s2 = speedup(w1, 'arrays-typed', 'tf-cpu');
    add('W1', '@xent/arrays ≥ 30× faster than tf.losses on cpu', `${x(s2, 1)}`, atLeast(s2, 30));
    const r3 = timeRatio(w1, 'arrays-typed', 'fused-js');
    add('W1', '@xent/arrays no slower than a fused Math.exp JS kernel', `time ratio ${f(r3)}`, atMost(r3, 1));
    const err = method(w1, 'arrays-typed')?.check?.valueError ?? null;
    add(
      'W1',
      '@xent/arrays relative error ≤ 1e-12',
      err === null ? 'n/a' : err.toExponential(1),
      err === null ? null : err <= 1e-12,
    );
  }

  for (const w of result.workloads) {
    for (const g of ['', ':grad']) {
      const r = timeRatio(w, `arrays-nested${g}`, `arrays-typed${g}`);
      add(w.id, `nested arrays ≤ 2× typed arrays${g ? ' (valueAndGrad)' : ''}`, `${x(r)}`, atMost(r, 2));
    }
    const rn = timeRatio(w, 'floor-nested-out', 'arrays-typed:grad');
    add(
      w.id,
      'building a nested array of the gradient’s shape alone, vs typed-array valueAndGrad (information)',
      `${x(rn)}`,
      null,
    );
    for (const [id, input] of [
      ['arrays-typed', 'typed arrays'],
      ['arrays-nested', 'nested arrays'],
    ]) {
      const target = `scalar mean allocates O(N), no N × C temporary (${input})`;
      const m = method(w, /** @type {string} */ (id))?.memory;
      if (!m) {
        add(w.id, target, 'n/a', null);
        continue;
      }
      // an N × C float64 temporary alone is 8 bytes per element; O(N) allows a few float64 per position
      const ok = m.bytes < 8 * w.elements && m.bytes <= 16 * w.positions + 65536;
      const note = m.gcDuring ? ' (a GC ran during the call: lower bound)' : '';
      add(w.id, target, `${f(m.perPosition, 1)} B/position = ${f(m.perElement, 2)} B/element${note}`, ok);
    }

    for (const g of ['', ':grad']) {
      const kind = g ? 'valueAndGrad' : 'value';
      const rw = timeRatio(w, `xtfjs-wasm${g}`, `tf-wasm${g}`);
      add(w.id, `@xent/tfjs ${kind} ≤ 1.1× tf.losses on wasm`, `${x(rw)}`, atMost(rw, 1.1));
      const sc = speedup(w, `xtfjs-cpu${g}`, `tf-cpu${g}`);
      add(w.id, `@xent/tfjs ${kind} ≥ 5× faster than tf.losses on cpu`, `${x(sc)}`, atLeast(sc, 5));
      for (const backend of ['cpu', 'wasm']) {
        const mx = method(w, `xtfjs-${backend}${g}`)?.memory;
        const mt = method(w, `tf-${backend}${g}`)?.memory;
        add(
          w.id,
          `@xent/tfjs ${kind} peak tensor bytes per logit below tf.losses (${backend})`,
          `${f(mx?.perElement ?? null, 1)} vs ${f(mt?.perElement ?? null, 1)} B/logit`,
          mx && mt ? mx.perElement < mt.perElement : null,
        );
      }
    }
    if (w.family === 'softmax') {
      const mx = method(w, 'xtfjs-wasm')?.memory ?? method(w, 'xtfjs-cpu')?.memory;
      add(
        w.id,
        '@xent/tfjs integer labels without a one-hot tensor',
        mx ? (mx.oneHot ? 'OneHot kernel ran' : 'no OneHot kernel') : 'n/a',
        mx ? !mx.oneHot : null,
      );
    }
    for (const id of ['arrays-typed', 'arrays-nested', 'xtfjs-cpu', 'xtfjs-wasm']) {
      const r = timeRatio(w, `${id}:grad`, id);
      add(w.id, `${id}: valueAndGrad ≤ 1.5× value`, `${x(r)}`, atMost(r, 1.5));
    }
    for (const backend of ['cpu', 'wasm']) {
      const r = timeRatio(w, `xtfjs-${backend}-validate`, `xtfjs-${backend}`);
      add(w.id, `cost of validate: true on ${backend} (information)`, `${x(r)} the unvalidated time`, null);
    }
  }
  return out;
}
