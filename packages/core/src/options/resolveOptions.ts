import { describeValue, fail } from '../errors';
import { optionView, type TensorView } from '../view';
import { LOSS_INFO, type LossName, OPTIONS_TAKEN, type PrimitiveName } from './names';
import { ON_EMPTY, REDUCTIONS, type ResolvedOptions } from './types';

function checkNumber(
  fn: string,
  name: string,
  value: unknown,
  ok: (v: number) => boolean,
  what: string,
): number {
  if (typeof value !== 'number' || !ok(value)) fail('INVALID_OPTION', fn, name, what, describeValue(value));
  return value as number;
}

function checkOneOf<T extends string>(fn: string, name: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    fail(
      'INVALID_OPTION',
      fn,
      name,
      `one of ${allowed.map((a) => `'${a}'`).join(', ')}`,
      describeValue(value),
    );
  }
  return value as T;
}

/** Checks that every entry of an array-valued weight option is finite and ≥ 0 (`INVALID_INPUT`). */
function checkNonNegative(fn: string, name: string, data: ArrayLike<number>): void {
  for (let i = 0; i < data.length; i++) {
    const v = data[i] as number;
    if (!(v >= 0 && v < Number.POSITIVE_INFINITY)) {
      fail('INVALID_INPUT', fn, name, 'finite numbers ≥ 0', `${describeValue(v)} at index ${i}`);
    }
  }
}

/**
 * Turns a `weights` value into a checked view (every entry finite and ≥ 0).
 * @throws XentError `INVALID_INPUT` for a non-numeric, negative or non-finite weight.
 * @example
 * ```ts
 * resolveWeights('f', [1, -1]); // throws INVALID_INPUT
 * ```
 */
export function resolveWeights(fn: string, value: unknown): TensorView {
  const view = optionView(fn, 'weights', value);
  checkNonNegative(fn, 'weights', view.data);
  return view;
}

/**
 * Checks every key of `options` against what `fn` takes and every value against its domain, and fills
 * in the defaults. A key whose value is `undefined` is absent.
 *
 * Shapes (axis range, `classWeights` length, broadcasting) are checked later, by the shape plan, since
 * they depend on the inputs.
 *
 * @throws XentError `INVALID_OPTION` for an unknown key, a key `fn` does not take, or a value outside its
 * domain; `INVALID_INPUT` for negative or non-finite `weights`, `classWeights` or `posWeight`.
 *
 * @example
 * ```ts
 * resolveOptions('softmaxCrossEntropy', { reduction: 'sum' }).reduction; // 'sum'
 * resolveOptions('softmaxCrossEntropy', { gamma: 2 }); // throws INVALID_OPTION
 * ```
 */
export function resolveOptions(fn: LossName | PrimitiveName, options?: unknown): ResolvedOptions {
  if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options))) {
    fail('INVALID_OPTION', fn, 'options', 'an object', describeValue(options));
  }
  const o = (options ?? {}) as Record<string, unknown>;
  const taken = OPTIONS_TAKEN[fn];
  for (const key of Object.keys(o)) {
    if (o[key] !== undefined && !taken.includes(key)) {
      fail(
        'INVALID_OPTION',
        fn,
        key,
        taken.length === 0
          ? 'absent (this function takes no options)'
          : `one of the options this function takes (${taken.join(', ')})`,
        `an option '${key}'`,
      );
    }
  }
  const focal = fn in LOSS_INFO && LOSS_INFO[fn as LossName].focal;
  const family = fn in LOSS_INFO ? LOSS_INFO[fn as LossName].family : null;

  const axis = o.axis === undefined ? -1 : checkNumber(fn, 'axis', o.axis, Number.isInteger, 'an integer');
  const reduction = o.reduction === undefined ? 'mean' : checkOneOf(fn, 'reduction', o.reduction, REDUCTIONS);
  const onEmpty = o.onEmpty === undefined ? 'zero' : checkOneOf(fn, 'onEmpty', o.onEmpty, ON_EMPTY);
  if (o.validate !== undefined && typeof o.validate !== 'boolean') {
    fail('INVALID_OPTION', fn, 'validate', 'true or false', describeValue(o.validate));
  }
  const base =
    o.base === undefined
      ? Math.E
      : checkNumber(
          fn,
          'base',
          o.base,
          (v) => Number.isFinite(v) && v > 0 && v !== 1,
          'a finite number > 0 and ≠ 1',
        );
  const labelSmoothing =
    o.labelSmoothing === undefined
      ? 0
      : checkNumber(fn, 'labelSmoothing', o.labelSmoothing, (v) => v >= 0 && v <= 1, 'a number in [0, 1]');
  const from =
    o.from === undefined
      ? 'probabilities'
      : checkOneOf(fn, 'from', o.from, ['probabilities', 'logits'] as const);
  if (from === 'logits' && o.epsilon !== undefined) {
    fail(
      'INVALID_OPTION',
      fn,
      'epsilon',
      "absent with from: 'logits' (logits are never clipped)",
      describeValue(o.epsilon),
    );
  }
  const epsilon =
    o.epsilon === undefined
      ? 0
      : checkNumber(fn, 'epsilon', o.epsilon, (v) => v >= 0 && v < 0.5, 'a number in [0, 0.5)');
  const gamma = !focal
    ? null
    : o.gamma === undefined
      ? 2
      : checkNumber(fn, 'gamma', o.gamma, (v) => v >= 0 && Number.isFinite(v), 'a finite number ≥ 0');
  const ignoreIndex =
    o.ignoreIndex === undefined
      ? null
      : checkNumber(fn, 'ignoreIndex', o.ignoreIndex, Number.isInteger, 'an integer');
  const ignoreValue =
    o.ignoreValue === undefined
      ? null
      : checkNumber(fn, 'ignoreValue', o.ignoreValue, Number.isFinite, 'a finite number');

  let alpha: number | ArrayLike<number> | null = null;
  if (o.alpha !== undefined) {
    if (family === 'sigmoid') {
      alpha = checkNumber(fn, 'alpha', o.alpha, (v) => v >= 0 && v <= 1, 'a number in [0, 1]');
    } else if (typeof o.alpha === 'number') {
      alpha = checkNumber(
        fn,
        'alpha',
        o.alpha,
        (v) => v >= 0 && Number.isFinite(v),
        'a finite number ≥ 0 or one per class',
      );
    } else {
      const view = optionView(fn, 'alpha', o.alpha);
      if (view.shape.length !== 1) {
        fail(
          'INVALID_OPTION',
          fn,
          'alpha',
          'a finite number ≥ 0 or one per class',
          `shape [${view.shape.join(', ')}]`,
        );
      }
      for (let i = 0; i < view.data.length; i++) {
        checkNumber(fn, 'alpha', view.data[i], (v) => v >= 0 && Number.isFinite(v), 'finite numbers ≥ 0');
      }
      alpha = view.data;
    }
  }

  let classWeights: ArrayLike<number> | null = null;
  if (o.classWeights !== undefined) {
    const view = optionView(fn, 'classWeights', o.classWeights);
    if (view.shape.length !== 1) {
      fail(
        'INVALID_INPUT',
        fn,
        'classWeights',
        'one number per class (rank 1)',
        `shape [${view.shape.join(', ')}]`,
      );
    }
    checkNonNegative(fn, 'classWeights', view.data);
    classWeights = view.data;
  }
  const weights = o.weights === undefined ? null : resolveWeights(fn, o.weights);
  let posWeight = null;
  if (o.posWeight !== undefined) {
    posWeight = optionView(fn, 'posWeight', o.posWeight);
    checkNonNegative(fn, 'posWeight', posWeight.data);
  }

  return {
    fn,
    axis,
    reduction,
    weights,
    classWeights,
    posWeight,
    ignoreIndex,
    ignoreValue,
    labelSmoothing,
    epsilon,
    gamma,
    alpha,
    from,
    base,
    onEmpty,
    validate: o.validate !== false,
  };
}
