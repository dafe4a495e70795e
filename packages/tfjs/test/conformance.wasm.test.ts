import { runConformance } from '@xent/conformance';
import { describe, expect, test } from 'vitest';
import { tfjsAdapter } from './helpers/adapter';

// The shared conformance suite on the wasm backend, at float32 tolerance.
runConformance(tfjsAdapter('wasm'), { describe, test, expect });
