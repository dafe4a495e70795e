import { runConformance } from '@xent/conformance';
import { describe, expect, test } from 'vitest';
import { arraysAdapter } from './conformance.adapter';

// The shared conformance suite (fixtures, handed cases, errors, special values, properties, meters) on
// @xent/arrays with nested arrays in and out.
runConformance(arraysAdapter('nested'), { describe, test, expect });
