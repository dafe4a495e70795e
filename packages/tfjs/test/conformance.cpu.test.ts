import { runConformance } from '@xent/conformance';
import { describe, expect, test } from 'vitest';
import { tfjsAdapter } from './helpers/adapter';

// The shared conformance suite on the cpu backend, at float32 tolerance.
runConformance(tfjsAdapter('cpu'), { describe, test, expect });
