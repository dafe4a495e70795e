import type { CallContext, ConformanceAdapter, MeterHandle, Nested } from '@xent/conformance';
import * as xent from '../../src/index';
import { type BackendName, tf, useBackend } from './backend';

type Fn = (...args: unknown[]) => tf.Tensor;
const fns = xent as unknown as Record<string, Fn>;

/** Labels become int32 tensors, everything else float32; malformed input is passed through untouched. */
function convert(value: unknown, context: CallContext, isTargets: boolean): unknown {
  if (context.raw) return value;
  if (value === undefined) return undefined;
  if (isTargets && context.targetKind === 'labels') {
    return tf.tensor(value as number[], undefined, 'int32');
  }
  return tf.tensor(value as number[], undefined, 'float32');
}

/** Runs `f` in a tidy scope and returns its tensor as plain numbers (the tensor is released). */
function settle(f: () => tf.Tensor): Nested {
  const out = tf.tidy(f);
  try {
    return out.arraySync() as Nested;
  } finally {
    out.dispose();
  }
}

/** The conformance adapter for `@xent/tfjs` on one backend (float32 tolerances). */
export function tfjsAdapter(backend: BackendName): ConformanceAdapter {
  const ready = () => useBackend(backend);
  const callRaw = (fn: string, targets: unknown, predictions: unknown, options: unknown): tf.Tensor => {
    const f = fns[fn]!;
    return predictions === undefined ? f(targets, options) : f(targets, predictions, options);
  };
  return {
    name: `@xent/tfjs (${backend} backend)`,
    precision: 'float32',
    XentError: xent.XentError,
    async call(fn, targets, predictions, options, context) {
      await ready();
      return settle(() => {
        const labelsAreInts = context.targetKind === 'labels' && !context.raw;
        // integer labels that are not integers must reach the loss as given (INVALID_LABEL), not truncated
        const t =
          labelsAreInts && flat(targets).some((v) => !Number.isInteger(v))
            ? tf.tensor(targets as number[], undefined, 'float32')
            : convert(targets, context, true);
        const p = convert(predictions, context, false);
        return callRaw(fn, t, p, options);
      });
    },
    async gradient(fn, targets, predictions, options, context) {
      await ready();
      return settle(() => {
        const t = convert(targets, context, true);
        const x = tf.tensor(predictions as number[], undefined, 'float32');
        return tf.grad((p: tf.Tensor) => callRaw(fn, t, p, options))(x);
      });
    },
    meter: {
      create(fn, options) {
        return meterHandle(new xent.LossMeter(fns[fn]!, options ?? {}));
      },
      fromJSON(state) {
        return meterHandle(xent.LossMeter.fromJSON(state as xent.LossMeterState));
      },
    },
  };
}

function flat(v: unknown): number[] {
  return Array.isArray(v) ? v.flatMap(flat) : [v as number];
}

function meterHandle(m: xent.LossMeter): MeterHandle & { inner: xent.LossMeter } {
  return {
    inner: m,
    update(targets, predictions, options) {
      const opts = options?.weights === undefined ? undefined : { weights: options.weights as number[] };
      m.update(targets as number[], predictions as number[], opts);
    },
    merge(other) {
      m.merge((other as unknown as { inner: xent.LossMeter }).inner);
    },
    value: () => m.value,
    reset: () => m.reset(),
    toJSON: () => m.toJSON(),
  };
}
