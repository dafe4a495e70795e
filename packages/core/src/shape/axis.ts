import { describeValue, fail, formatShape } from '../errors';
import { sizeOf } from '../view';

/**
 * Turns a possibly negative axis into an index in [0, rank).
 * @throws XentError `INVALID_OPTION` when the axis is outside [−rank, rank).
 * @example
 * ```ts
 * normalizeAxis('f', -1, 3); // 2
 * ```
 */
export function normalizeAxis(fn: string, axis: number, rank: number): number {
  if (!Number.isInteger(axis) || axis < -rank || axis >= rank) {
    fail(
      'INVALID_OPTION',
      fn,
      'axis',
      rank === 0
        ? 'an axis of an input of rank ≥ 1'
        : `an integer in [${-rank}, ${rank - 1}] for an input of rank ${rank}`,
      describeValue(axis),
    );
  }
  return axis < 0 ? axis + rank : axis;
}

/**
 * A tensor seen around its class axis: element (o, c, i) at `o * classes * inner + c * inner + i`,
 * position `o * inner + i`. `positionShape` is the shape without the class axis, in row-major position
 * order.
 */
export interface ClassAxisPlan {
  readonly axis: number;
  readonly outer: number;
  readonly classes: number;
  readonly inner: number;
  readonly positions: number;
  readonly positionShape: readonly number[];
}

/**
 * Plans the class axis of `shape`.
 * @throws XentError `SHAPE_MISMATCH` for a scalar (no class axis), `INVALID_OPTION` for an axis out of
 * range.
 * @example
 * ```ts
 * planClassAxis('softmax', [2, 3, 4], 1); // { axis: 1, outer: 2, classes: 3, inner: 4, positions: 8, positionShape: [2, 4] }
 * ```
 */
export function planClassAxis(
  fn: string,
  shape: readonly number[],
  axis: number,
  argument = 'predictions',
): ClassAxisPlan {
  if (shape.length === 0) {
    fail(
      'SHAPE_MISMATCH',
      fn,
      argument,
      'of rank ≥ 1 (it needs a class axis)',
      `shape ${formatShape(shape)}`,
    );
  }
  const a = normalizeAxis(fn, axis, shape.length);
  const outer = sizeOf(shape.slice(0, a));
  const inner = sizeOf(shape.slice(a + 1));
  const classes = shape[a] as number;
  const positionShape = [...shape.slice(0, a), ...shape.slice(a + 1)];
  return { axis: a, outer, classes, inner, positions: outer * inner, positionShape };
}

/**
 * True when two shapes are equal.
 * @example
 * ```ts
 * sameShape([2, 3], [2, 3]); // true
 * ```
 */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** How the targets of a class-axis loss are encoded. */
export type TargetKind = 'labels' | 'distributions';

/**
 * Tells integer labels (targets shaped like the positions) from distributions (targets shaped like the
 * predictions).
 * @throws XentError `SHAPE_MISMATCH` (both shapes in the message) when the targets fit neither.
 * @example
 * ```ts
 * targetKind('f', [4], [4, 3], planClassAxis('f', [4, 3], -1)); // 'labels'
 * ```
 */
export function targetKind(
  fn: string,
  targetsShape: readonly number[],
  predictionsShape: readonly number[],
  plan: ClassAxisPlan,
): TargetKind {
  if (sameShape(targetsShape, plan.positionShape)) return 'labels';
  if (sameShape(targetsShape, predictionsShape)) return 'distributions';
  const swapped =
    targetsShape.length === predictionsShape.length + 1 ? ' (are targets and predictions swapped?)' : '';
  return fail(
    'SHAPE_MISMATCH',
    fn,
    'targets',
    `shaped ${formatShape(plan.positionShape)} (integer labels) or ${formatShape(predictionsShape)} (distributions) for predictions of shape ${formatShape(predictionsShape)}`,
    `shape ${formatShape(targetsShape)}${swapped}`,
  );
}

/**
 * Checks that two inputs of an element-wise loss have the same shape.
 * @throws XentError `SHAPE_MISMATCH` with both shapes.
 * @example
 * ```ts
 * checkSameShape('f', [2], [3]); // throws SHAPE_MISMATCH
 * ```
 */
export function checkSameShape(
  fn: string,
  targetsShape: readonly number[],
  predictionsShape: readonly number[],
  argument = 'targets',
): void {
  if (!sameShape(targetsShape, predictionsShape)) {
    fail(
      'SHAPE_MISMATCH',
      fn,
      argument,
      `the shape of the predictions, ${formatShape(predictionsShape)}`,
      `shape ${formatShape(targetsShape)}`,
    );
  }
}
