/** Formats a loss for display: three decimals, and the infinite and undefined cases spelled out. */
export function formatLoss(value: number, digits = 3): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return '∞';
  if (value === Number.NEGATIVE_INFINITY) return '−∞';
  return value.toFixed(digits);
}

/** Formats a probability in [0, 1] as a percentage with the given decimals. */
export function formatPercent(p: number, digits = 1): string {
  return `${(p * 100).toFixed(digits)} %`;
}

/** The message of an error thrown by a loss, for display next to the inputs that caused it. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}

/** Reads a reduction: 'none' result (nested arrays or a `{ data, shape }` view) as a flat list of numbers. */
export function flatten(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap((v) => flatten(v));
  if (value && typeof value === 'object' && 'data' in value) {
    return Array.from((value as { data: ArrayLike<number> }).data);
  }
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
  throw new TypeError(`expected numbers, received ${typeof value}`);
}
