import type { ConformanceAdapter, FunctionName, MeterHandle, Nested } from '@xent/conformance';
import * as xent from '../src/index';

/** How the adapter hands data to @xent/arrays: nested arrays as they are, or typed arrays in views. */
export type InputKind = 'nested' | 'typed';

type AnyFn = ((...args: unknown[]) => unknown) & {
  valueAndGrad?: (...args: unknown[]) => { value: unknown; grad: unknown };
};
const fns = xent as unknown as Record<FunctionName, AnyFn>;

function shapeOf(v: Nested): number[] {
  const shape: number[] = [];
  let x: Nested = v;
  while (Array.isArray(x)) {
    shape.push(x.length);
    x = (x as readonly Nested[])[0] as Nested;
  }
  return shape;
}

/** Nested numbers → a `{ data, shape }` view: Int32Array for integer labels, Float64Array otherwise. */
function toTyped(v: unknown, labels: boolean): unknown {
  if (!Array.isArray(v)) return v;
  const data = (v as unknown[]).flat(Number.POSITIVE_INFINITY) as number[];
  const ints = labels && data.every((x) => Number.isInteger(x) && Math.abs(x) < 2 ** 31);
  return { data: ints ? Int32Array.from(data) : Float64Array.from(data), shape: shapeOf(v as Nested) };
}

/** A returned value or gradient → nested numbers (a `{ data, shape }` view is unflattened). */
export function toNested(v: unknown): Nested {
  if (typeof v === 'number' || Array.isArray(v)) return v as Nested;
  const { data, shape } = v as { data: ArrayLike<number>; shape: readonly number[] };
  if (shape.length === 0) return data[0]!;
  const build = (offset: number, d: number): Nested => {
    if (d === shape.length) return data[offset]!;
    const stride = shape.slice(d + 1).reduce((a, b) => a * b, 1);
    return Array.from({ length: shape[d]! }, (_, i) => build(offset + i * stride, d + 1));
  };
  return build(0, 0);
}

/** The conformance adapter for @xent/arrays (float64) over nested arrays or typed-array views. */
export function arraysAdapter(kind: InputKind): ConformanceAdapter {
  const conv = (v: unknown, labels: boolean) => (kind === 'typed' ? toTyped(v, labels) : v);
  const convOptions = (o: Record<string, unknown> | undefined) =>
    o && kind === 'typed' && Array.isArray(o.weights) ? { ...o, weights: toTyped(o.weights, false) } : o;
  const meterHandle = (m: xent.LossMeter): MeterHandle & { inner: xent.LossMeter } => ({
    inner: m,
    update(t, p, o) {
      const labels = Array.isArray(p) && shapeOf(t).length === shapeOf(p).length - 1;
      const opts =
        o?.weights === undefined ? undefined : { weights: conv(o.weights, false) as xent.ArrayInput };
      m.update(conv(t, labels) as xent.ArrayInput, conv(p, false) as xent.ArrayInput, opts);
    },
    merge(other) {
      m.merge((other as unknown as { inner: xent.LossMeter }).inner);
    },
    value: () => m.value,
    reset: () => m.reset(),
    toJSON: () => m.toJSON(),
  });
  return {
    name: `@xent/arrays (${kind === 'typed' ? 'typed arrays in { data, shape } views' : 'nested arrays'})`,
    precision: 'float64',
    XentError: xent.XentError,
    async call(fn, targets, predictions, options, context) {
      const labels = context.targetKind === 'labels';
      const t = context.raw ? targets : conv(targets, labels);
      const p = context.raw ? predictions : conv(predictions, false);
      const o = convOptions(options);
      const f = fns[fn];
      return toNested(
        predictions === undefined && context.targetKind !== 'labels' && !context.raw && isUnary(fn)
          ? f(t, o)
          : f(t, p, o),
      );
    },
    async valueAndGrad(fn, targets, predictions, options, context) {
      const r = fns[fn].valueAndGrad!(
        conv(targets, context.targetKind === 'labels'),
        conv(predictions, false),
        convOptions(options),
      );
      return { value: toNested(r.value), grad: toNested(r.grad) };
    },
    meter: {
      create: (fn, options) => meterHandle(new xent.LossMeter(fns[fn] as never, options as never)),
      fromJSON: (state) => meterHandle(xent.LossMeter.fromJSON(state)),
    },
  };
}

const UNARY = new Set<FunctionName>([
  'entropy',
  'logSumExp',
  'logSoftmax',
  'softmax',
  'logSigmoid',
  'sigmoid',
]);
function isUnary(fn: FunctionName): boolean {
  return UNARY.has(fn);
}
