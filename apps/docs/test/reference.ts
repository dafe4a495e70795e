import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FLOAT32, FLOAT64 } from '../../../packages/conformance/src/tolerances';

/** One printed value's 50-digit reference, from test/fixtures/make-examples.py. */
export interface Reference {
  value: string | string[];
  float32: boolean;
  grad: boolean;
  absScale?: string;
}

const file = fileURLToPath(new URL('./fixtures/examples-expected.json', import.meta.url));
const { examples } = JSON.parse(readFileSync(file, 'utf8')) as { examples: Record<string, Reference[]> };

/** The references of one example file, in the order of its `// →` comments. */
export function referencesOf(name: string): Reference[] | undefined {
  return examples[name];
}

const ERROR_CODE = /^[A-Z_]+$/;

/** The reference as the printed kind: a number, a list of numbers, or an error code. */
export function referenceValue(ref: Reference): number | number[] | string {
  if (Array.isArray(ref.value)) return ref.value.map(Number);
  return ERROR_CODE.test(ref.value) ? ref.value : Number(ref.value);
}

/**
 * Whether a printed value is within SPEC.md's accuracy of the reference: float64 (or float32 for the TF.js
 * example), gradients at the gradient tolerance scaled by the largest entry, KL absolutely against its
 * scale. Returns the relative error for the report, or null when it matches.
 */
export function mismatch(got: unknown, ref: Reference): string | null {
  const expected = referenceValue(ref);
  if (typeof expected === 'string') return got === expected ? null : `expected ${expected}`;
  const tol = ref.float32 ? FLOAT32 : FLOAT64;
  const exp = Array.isArray(expected) ? expected : [expected];
  const arr = Array.isArray(got) ? got : [got];
  if (arr.length !== exp.length || Array.isArray(got) !== Array.isArray(expected)) {
    return `expected ${JSON.stringify(expected)}`;
  }
  const largest = Math.max(1, ...exp.map((e) => (Number.isFinite(e) ? Math.abs(e) : 0)));
  for (let i = 0; i < exp.length; i++) {
    const e = exp[i] as number;
    const g = arr[i];
    if (typeof g !== 'number') return `entry ${i}: expected a number, got ${JSON.stringify(g)}`;
    if (Number.isNaN(e) ? Number.isNaN(g) : !Number.isFinite(e) ? g === e : false) continue;
    const bound = ref.grad
      ? Math.max(tol.gradAbs * largest, tol.gradRel * Math.abs(e))
      : ref.absScale !== undefined
        ? tol.rel * Number(ref.absScale)
        : Math.max(tol.abs, tol.rel * Math.abs(e));
    if (!(Math.abs(g - e) <= bound)) {
      return `entry ${i}: got ${g}, reference ${e}, error ${Math.abs(g - e)} > ${bound}`;
    }
  }
  return null;
}
