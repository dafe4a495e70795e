import { expectTypeOf, test } from 'vitest';
import type { PneumoniaResults as DocsResults } from '../../../apps/docs/src/components/results-types.js';
import type { PneumoniaResults } from '../src/results.js';

// results.json is read by the docs site through its own copy of the type: the two must be the same type.
test('results.json has exactly the shape the docs read', () => {
  expectTypeOf<PneumoniaResults>().toEqualTypeOf<DocsResults>();
});
