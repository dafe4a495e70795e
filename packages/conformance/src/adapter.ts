/**
 * The interface the conformance suite calls. An adapter package (`@xent/arrays`, `@xent/tfjs`) implements
 * it in a few lines in its own test folder and passes it to {@link runConformance}.
 *
 * All data crosses this boundary as plain JavaScript: a number, or nested arrays of numbers
 * ({@link Nested}). NaN and ±Infinity are ordinary numbers here (the fixture files spell them as the
 * strings `"NaN"`, `"Infinity"`, `"-Infinity"`; the suite decodes them before calling the adapter).
 * The adapter converts to its own kinds on the way in and back to {@link Nested} on the way out.
 */

/** The eleven losses of SPEC.md "The losses". */
export type LossName =
  | 'softmaxCrossEntropy'
  | 'categoricalCrossEntropy'
  | 'sigmoidCrossEntropy'
  | 'binaryCrossEntropy'
  | 'softmaxFocalLoss'
  | 'categoricalFocalLoss'
  | 'sigmoidFocalLoss'
  | 'binaryFocalLoss'
  | 'entropy'
  | 'klDivergence'
  | 'nllLoss';

/** The five stable primitives of SPEC.md. */
export type PrimitiveName = 'logSumExp' | 'logSoftmax' | 'softmax' | 'logSigmoid' | 'sigmoid';

export type FunctionName = LossName | PrimitiveName;

/** The losses that have a gradient with respect to `predictions` (every loss but `entropy`). */
export type DifferentiableLossName = Exclude<LossName, 'entropy'>;

/** A number or nested arrays of numbers (row-major, like NumPy's `tolist()`). */
export type Nested = number | readonly Nested[];

/**
 * What the suite knows about a call, so that an adapter need not guess:
 * - `targetKind: 'labels'` — targets are integer class indices (shape = predictions without the class
 *   axis). `@xent/tfjs` should build an int32 tensor for them.
 * - `targetKind: 'distributions'` — targets have the shape of predictions (softmax/categorical family,
 *   KL's p), or are per-element binary targets (sigmoid/binary family), or `entropy`'s p.
 * - `targetKind: 'none'` — primitives (`targets` holds x, `predictions` is undefined).
 * - `raw: true` — a deliberately malformed input (ragged arrays, strings, wrong kinds) for the errors
 *   group: pass it to the loss as unconverted as your kind allows, so that the loss itself reports it.
 */
export interface CallContext {
  readonly targetKind: 'labels' | 'distributions' | 'none';
  readonly raw?: boolean;
}

/** `{ value, grad }` as `f.valueAndGrad` returns it, converted to {@link Nested}. */
export interface ValueAndGrad {
  readonly value: Nested;
  readonly grad: Nested;
}

/** A `LossMeter` seen through the adapter (update may be async for tensor backends). */
export interface MeterHandle {
  update(targets: Nested, predictions: Nested, options?: { weights?: Nested }): unknown;
  merge(other: MeterHandle): unknown;
  /** The meter's reduction over everything seen so far, as a number. */
  value(): number | Promise<number>;
  reset(): unknown;
  /** The meter's serialisable state (must survive `JSON.parse(JSON.stringify(state))`). */
  toJSON(): unknown;
}

export interface MeterFactory {
  /** `new LossMeter(f, options)` for the loss named `fn`. */
  create(fn: LossName, options?: Record<string, unknown>): MeterHandle;
  /** `LossMeter.fromJSON(state)`. */
  fromJSON(state: unknown): MeterHandle;
}

export interface ConformanceAdapter {
  /** Shown in test names, e.g. `'@xent/arrays (nested arrays)'`. */
  readonly name: string;
  /** Chooses the reference (`expected` or `expected_f32`) and the tolerances. */
  readonly precision: 'float64' | 'float32';
  /**
   * `fn(targets, predictions, options)` — or for `entropy` and the primitives `fn(targets, options)`
   * (`predictions` is then undefined). Returns the value converted to {@link Nested}; throws what the
   * loss throws (the suite checks `XentError` and its `code`).
   */
  call(
    fn: FunctionName,
    targets: unknown,
    predictions: unknown,
    options: Record<string, unknown> | undefined,
    context: CallContext,
  ): Promise<Nested>;
  /**
   * `fn.valueAndGrad(targets, predictions, options)` (float64 adapters), grad = ∂value/∂predictions
   * with the shape of predictions; for `reduction: 'none'` the gradient of the sum of the values.
   */
  valueAndGrad?(
    fn: DifferentiableLossName,
    targets: Nested,
    predictions: Nested,
    options: Record<string, unknown> | undefined,
    context: CallContext,
  ): Promise<ValueAndGrad>;
  /**
   * The gradient alone (e.g. `tf.grad` of the loss in `@xent/tfjs`; for `reduction: 'none'` of the sum).
   * Used when `valueAndGrad` is absent.
   */
  gradient?(
    fn: DifferentiableLossName,
    targets: Nested,
    predictions: Nested,
    options: Record<string, unknown> | undefined,
    context: CallContext,
  ): Promise<Nested>;
  /** The adapter's exported `XentError` class (checked with `instanceof`). */
  readonly XentError: abstract new (
    // biome-ignore lint/suspicious/noExplicitAny: any constructor signature is acceptable here
    ...args: any[]
  ) => Error;
  /** `LossMeter` support; the meter properties are skipped (with a message) when absent. */
  readonly meter?: MeterFactory;
}
