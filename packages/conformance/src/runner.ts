/**
 * The minimal test-runner surface the suite needs. Pass vitest's own functions
 * (`{ describe, test, expect }` from `'vitest'`); any runner with the same shape works.
 */
export interface Assertion {
  toBe(expected: unknown): void;
  toEqual(expected: unknown): void;
  toBeLessThanOrEqual(expected: number | bigint): void;
  toBeGreaterThanOrEqual(expected: number | bigint): void;
  toMatch(expected: string | RegExp): void;
}

export interface TestApi {
  describe(name: string, fn: () => void): void;
  test(name: string, fn: () => Promise<void> | void, timeout?: number): void;
  expect(actual: unknown, message?: string): Assertion;
}
