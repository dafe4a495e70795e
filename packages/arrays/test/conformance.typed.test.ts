import { runConformance } from '@xent/conformance';
import { describe, expect, test } from 'vitest';
import { arraysAdapter } from './conformance.adapter';

// The same suite with typed arrays in { data, shape } views (Int32Array labels, Float64Array otherwise);
// results come back as Float64Array views. The properties run once, in the nested-array file.
runConformance(
  arraysAdapter('typed'),
  { describe, test, expect },
  { groups: ['fixtures', 'handed', 'errors', 'special'] },
);
