import { runConformance } from '@xent/conformance';
import { describe, expect, test } from 'vitest';
import { tfjsAdapter } from './helpers/adapter';

// The shared conformance suite on the composite tf ops (what webgl and webgpu run), on wasm's float32
// kernels, at float32 tolerance.
runConformance(tfjsAdapter('wasm-composite'), { describe, test, expect });
