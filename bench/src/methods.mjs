/**
 * The methods timed on each workload. A method is
 *   { id, label, group, backend?, grad, precision, create(data, ctx) → Promise<{ run, dispose? }> }
 * where run() computes the mean loss (or value and gradient) and returns
 * number | { value: number, grad: ArrayLike<number> } (the gradient flattened in the input's layout), and
 * reads every tensor result back (dataSync) so that the time is the time to a usable number.
 * create() builds everything that is not part of the call: typed arrays, nested arrays, tensors, one-hot
 * targets for tf.losses. A method whose package is not importable (or lacks the function) throws from
 * create() with the reason; the harness reports it as "n/a".
 */
import {
  floorExp,
  floorNestedOutput,
  floorRead,
  fusedSigmoidCE,
  fusedSigmoidCEGrad,
  fusedSoftmaxCE,
  fusedSoftmaxCEGrad,
  plainSigmoidCE,
  plainSigmoidCEGrad,
  plainSoftmaxCE,
  plainSoftmaxCEClassFirst,
  plainSoftmaxCEClassFirstGrad,
  plainSoftmaxCEGrad,
} from './baselines.mjs';

/** Tolerances of the self-check: relative on the value, norm-wise relative on the gradient. */
export const TOLERANCE = {
  // SPEC "Accuracy": @xent/arrays float64 value 1e-12, gradient 1e-10
  xentF64: { value: 1e-12, grad: 1e-10 },
  // float64 baselines (not held to SPEC; a plain sum over 10⁶ terms loses ~1e-13)
  jsF64: { value: 1e-10, grad: 1e-10 },
  // SPEC "Accuracy": @xent/tfjs float32 value 1e-5, gradient 1e-4
  xentF32: { value: 1e-5, grad: 1e-4 },
  // tf.losses accumulates in float32 (TOOLCHAIN: ~8e-4 relative over 10⁶ elements on wasm)
  tfLosses: { value: 2e-3, grad: 1e-4 },
};

/** Flattens a gradient of any kind the adapters return: { data }, typed array, nested arrays. */
export function flattenGrad(g) {
  if (g == null) return null;
  if (ArrayBuffer.isView(g)) return g;
  if (ArrayBuffer.isView(g.data)) return g.data;
  if (Array.isArray(g)) return g.flat(Number.POSITIVE_INFINITY);
  return null;
}

const need = (entry, name) => {
  if (!entry.mod) throw new Error(entry.reason);
  const fn = entry.mod[name];
  if (typeof fn !== 'function') throw new Error(`${entry.name} does not export ${name} yet`);
  return fn;
};

const needGrad = (entry, name) => {
  const fn = need(entry, name);
  if (typeof fn.valueAndGrad !== 'function')
    throw new Error(`${entry.name}: ${name}.valueAndGrad is missing`);
  return fn;
};

/** Arrays-side result → { value, grad } with a flat gradient. */
const vg = (r) => ({ value: r.value, grad: flattenGrad(r.grad) });

// ---- @xent/arrays -------------------------------------------------------------------------------------

function arraysMethods(family) {
  const fnName = family === 'softmax' ? 'softmaxCrossEntropy' : 'sigmoidCrossEntropy';
  const typedArgs = (d) =>
    family === 'softmax'
      ? [
          d.positionsShape.length === 1 ? d.labels : { data: d.labels, shape: d.positionsShape },
          { data: d.logits, shape: d.shape },
          d.axis === d.shape.length - 1 ? undefined : { axis: d.axis },
        ]
      : [{ data: d.targets, shape: d.shape }, { data: d.logits, shape: d.shape }, undefined];
  const nestedArgs = (d) =>
    family === 'softmax'
      ? [d.nested.labels, d.nested.logits, d.axis === d.shape.length - 1 ? undefined : { axis: d.axis }]
      : [d.nested.targets, d.nested.logits, undefined];
  const call = (fn, [t, p, o]) => (o === undefined ? () => fn(t, p) : () => fn(t, p, o));
  return [
    {
      id: 'arrays-typed',
      label: '@xent/arrays, typed arrays',
      group: 'xent',
      grad: false,
      tolerance: TOLERANCE.xentF64,
      memory: 'js',
      create: async (d, ctx) => ({ run: call(need(ctx.arrays, fnName), typedArgs(d)) }),
    },
    {
      id: 'arrays-nested',
      label: '@xent/arrays, nested arrays',
      group: 'xent',
      grad: false,
      tolerance: TOLERANCE.xentF64,
      memory: 'js',
      create: async (d, ctx) => ({ run: call(need(ctx.arrays, fnName), nestedArgs(d)) }),
    },
    {
      id: 'arrays-typed:grad',
      label: '@xent/arrays, typed arrays, valueAndGrad',
      group: 'xent',
      grad: true,
      tolerance: TOLERANCE.xentF64,
      memory: 'js',
      create: async (d, ctx) => {
        const fn = needGrad(ctx.arrays, fnName);
        const run = call(fn.valueAndGrad, typedArgs(d));
        return { run: () => vg(run()) };
      },
    },
    {
      id: 'arrays-nested:grad',
      label: '@xent/arrays, nested arrays, valueAndGrad',
      group: 'xent',
      grad: true,
      tolerance: TOLERANCE.xentF64,
      memory: 'js',
      create: async (d, ctx) => {
        const fn = needGrad(ctx.arrays, fnName);
        const run = call(fn.valueAndGrad, nestedArgs(d));
        return { run: () => vg(run()) };
      },
    },
  ];
}

// ---- plain and fused JS, floors ------------------------------------------------------------------------

function jsMethods(family, classFirst) {
  const plain =
    family === 'sigmoid'
      ? { value: plainSigmoidCE, grad: plainSigmoidCEGrad }
      : classFirst
        ? { value: plainSoftmaxCEClassFirst, grad: plainSoftmaxCEClassFirstGrad }
        : { value: plainSoftmaxCE, grad: plainSoftmaxCEGrad };
  // class axis last with rank > 2 (W3-last): the user flattens pixels into rows first
  const plainArgs = (d) => {
    if (family === 'sigmoid') return [d.nested.targets, d.nested.logits];
    if (classFirst || d.shape.length === 2) return [d.nested.labels, d.nested.logits];
    return [d.nested.labels.flat(d.shape.length - 2), d.nested.logits.flat(d.shape.length - 2)];
  };
  const fusedValue = (d) =>
    family === 'softmax'
      ? () => fusedSoftmaxCE(d.layout, d.logits, d.labels)
      : () => fusedSigmoidCE(d.logits, d.targets);
  const fusedGrad = (d) =>
    family === 'softmax'
      ? () => fusedSoftmaxCEGrad(d.layout, d.logits, d.labels)
      : () => fusedSigmoidCEGrad(d.logits, d.targets);
  return [
    {
      id: 'plain-js',
      label: 'plain JS (nested, map/reduce)',
      group: 'baseline',
      grad: false,
      tolerance: TOLERANCE.jsF64,
      memory: 'js',
      create: async (d) => {
        const [t, p] = plainArgs(d);
        return { run: () => plain.value(t, p) };
      },
    },
    {
      id: 'fused-js',
      label: 'fused JS kernel (Math.exp)',
      group: 'baseline',
      grad: false,
      tolerance: TOLERANCE.jsF64,
      memory: 'js',
      create: async (d) => ({ run: fusedValue(d) }),
    },
    {
      id: 'plain-js:grad',
      label: 'plain JS (nested, map/reduce), value and gradient',
      group: 'baseline',
      grad: true,
      tolerance: TOLERANCE.jsF64,
      memory: 'js',
      create: async (d) => {
        const [t, p] = plainArgs(d);
        return { run: () => vg(plain.grad(t, p)) };
      },
    },
    {
      id: 'fused-js:grad',
      label: 'fused JS kernel (Math.exp), value and gradient',
      group: 'baseline',
      grad: true,
      tolerance: TOLERANCE.jsF64,
      memory: 'js',
      create: async (d) => ({ run: fusedGrad(d) }),
    },
    {
      id: 'floor-read',
      label: 'floor: one read pass',
      group: 'floor',
      grad: false,
      tolerance: null,
      memory: null,
      create: async (d) => ({ run: () => floorRead(d.logits) }),
    },
    {
      id: 'floor-exp',
      label: 'floor: one Math.exp per element',
      group: 'floor',
      grad: false,
      tolerance: null,
      memory: null,
      create: async (d) => ({ run: () => floorExp(d.logits) }),
    },
    {
      id: 'floor-nested-out',
      label: 'floor: build a nested array of the logits’ shape',
      group: 'floor',
      grad: false,
      tolerance: null,
      memory: null,
      create: async (d) => ({ run: () => floorNestedOutput(d.logits, d.shape) }),
    },
  ];
}

// ---- TF.js: tf.losses and @xent/tfjs ----------------------------------------------------------------

/**
 * Tensors for one backend: logits, integer labels (for @xent/tfjs), one-hot targets (for tf.losses,
 * class axis last, which is the only layout tf.losses.softmaxCrossEntropy takes).
 */
async function tensorsFor(d, ctx, backend) {
  const tf = ctx.tf;
  await tf.setBackend(backend);
  const logits = tf.tensor(d.logits, d.shape, 'float32');
  if (d.family === 'sigmoid') {
    return { logits, targets: tf.tensor(d.targets, d.shape, 'float32'), dispose: () => tf.dispose([logits]) };
  }
  const labels = tf.tensor(d.labels, d.positionsShape, 'int32');
  const oneHot = tf.tidy(() => tf.cast(tf.oneHot(labels, d.classes), 'float32'));
  return { logits, labels, oneHot, dispose: () => tf.dispose([logits, labels, oneHot]) };
}

/** Scalar tensor → number, disposing it. */
const readScalar = (t) => {
  const v = t.dataSync()[0];
  t.dispose();
  return v;
};

function tfMethods(family, classFirst, backends) {
  const out = [];
  for (const backend of backends) {
    // tf.losses: the class axis must be last, so class-first logits are transposed inside the call
    const lossOf = (ctx, tt) => {
      const tf = ctx.tf;
      if (family === 'sigmoid') return (l) => tf.losses.sigmoidCrossEntropy(tt.targets, l);
      if (classFirst) {
        const perm = [...Array(tt.logits.rank).keys()].slice(1).concat([0]);
        return (l) => tf.losses.softmaxCrossEntropy(tt.oneHot, tf.transpose(l, perm));
      }
      return (l) => tf.losses.softmaxCrossEntropy(tt.oneHot, l);
    };
    out.push(
      {
        id: `tf-${backend}`,
        label: `tf.losses, ${backend} backend`,
        group: 'baseline',
        backend,
        grad: false,
        tolerance: TOLERANCE.tfLosses,
        memory: 'tf',
        create: async (d, ctx) => {
          const tt = await tensorsFor(d, ctx, backend);
          const loss = lossOf(ctx, tt);
          return { run: () => readScalar(ctx.tf.tidy(() => loss(tt.logits))), dispose: tt.dispose };
        },
      },
      {
        id: `tf-${backend}:grad`,
        label: `tf.losses, ${backend} backend, valueAndGrad`,
        group: 'baseline',
        backend,
        grad: true,
        tolerance: TOLERANCE.tfLosses,
        memory: 'tf',
        create: async (d, ctx) => {
          const tt = await tensorsFor(d, ctx, backend);
          const f = ctx.tf.valueAndGrad(lossOf(ctx, tt));
          return {
            run: () => {
              const { value, grad } = f(tt.logits);
              const g = grad.dataSync();
              grad.dispose();
              return { value: readScalar(value), grad: g };
            },
            dispose: tt.dispose,
          };
        },
      },
    );
    const fnName = family === 'softmax' ? 'softmaxCrossEntropy' : 'sigmoidCrossEntropy';
    const xentLoss = (ctx, tt, validate) => {
      const fn = need(ctx.xtfjs, fnName);
      const opts = { validate };
      if (family === 'softmax' && classFirst) opts.axis = 0;
      const targets = family === 'softmax' ? tt.labels : tt.targets;
      return (l) => fn(targets, l, opts);
    };
    for (const validate of [false, true]) {
      const v = validate ? ', validate: true' : '';
      out.push({
        id: `xtfjs-${backend}${validate ? '-validate' : ''}`,
        label: `@xent/tfjs, ${backend} backend${v}`,
        group: 'xent',
        backend,
        grad: false,
        tolerance: TOLERANCE.xentF32,
        memory: 'tf',
        create: async (d, ctx) => {
          const tt = await tensorsFor(d, ctx, backend);
          const loss = xentLoss(ctx, tt, validate);
          return { run: () => readScalar(loss(tt.logits)), dispose: tt.dispose };
        },
      });
    }
    out.push({
      id: `xtfjs-${backend}:grad`,
      label: `@xent/tfjs, ${backend} backend, valueAndGrad`,
      group: 'xent',
      backend,
      grad: true,
      tolerance: TOLERANCE.xentF32,
      memory: 'tf',
      create: async (d, ctx) => {
        const tt = await tensorsFor(d, ctx, backend);
        const f = ctx.tf.valueAndGrad(xentLoss(ctx, tt, false));
        return {
          run: () => {
            const { value, grad } = f(tt.logits);
            const g = grad.dataSync();
            grad.dispose();
            return { value: readScalar(value), grad: g };
          },
          dispose: tt.dispose,
        };
      },
    });
  }
  return out;
}

/** Every method for a workload. */
export function methodsFor(data, backends = ['cpu', 'wasm']) {
  const classFirst = data.family === 'softmax' && data.axis === 0 && data.shape.length > 1;
  return [
    ...arraysMethods(data.family),
    ...jsMethods(data.family, classFirst),
    ...tfMethods(data.family, classFirst, backends),
  ];
}
