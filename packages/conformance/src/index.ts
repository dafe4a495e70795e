import type { ConformanceAdapter } from './adapter';
import { errorsGroup } from './groups/errors';
import { fixturesGroup } from './groups/fixtures';
import { handedGroup } from './groups/handed';
import { meterGroup } from './groups/meter';
import { propertiesGroup } from './groups/properties';
import { specialGroup } from './groups/special';
import type { TestApi } from './runner';
import { REGIMES, type Regime } from './tolerances';

export type {
  CallContext,
  ConformanceAdapter,
  DifferentiableLossName,
  FunctionName,
  LossName,
  MeterFactory,
  MeterHandle,
  Nested,
  PrimitiveName,
  ValueAndGrad,
} from './adapter';
export type { Batch, BinaryBatch } from './arbitraries';
export { SEED } from './arbitraries';
export type { FixtureCase, FixtureFile } from './cases';
export { contextFor, loadFixture } from './cases';
export { decode, flatten, worstMismatch } from './compare';
export type { ErrorCase } from './errorCases';
export { ERROR_CASES } from './errorCases';
export type { CaseOutcome } from './outcomes';
export { runGradient, runValue, summarise } from './outcomes';
export type { Assertion, TestApi } from './runner';
export type { SpecialCase } from './specialCases';
export { SPECIAL_CASES } from './specialCases';
export {
  FINITE_DIFFERENCE,
  FLOAT32,
  FLOAT64,
  METER_TOLERANCE,
  PROPERTY_TOLERANCE,
  REGIME_TOLERANCES,
  REGIMES,
  type Regime,
  type Tolerance,
} from './tolerances';

/** The groups of the suite; all run by default. */
export const GROUPS = ['fixtures', 'handed', 'errors', 'special', 'properties'] as const;
export type GroupName = (typeof GROUPS)[number];

export interface RunOptions {
  /** groups to run (default: all) */
  readonly groups?: readonly GroupName[];
  /** fixture regimes to run (default: all) */
  readonly regimes?: readonly Regime[];
  /** fast-check runs per property (default 100 for float64, 30 for float32) */
  readonly numRuns?: number;
}

/**
 * Registers the conformance suite for one adapter with the given test runner.
 *
 * @example
 * ```ts
 * import { describe, expect, test } from 'vitest';
 * import { runConformance } from '@xent/conformance';
 * runConformance(myAdapter, { describe, test, expect });
 * ```
 */
export function runConformance(adapter: ConformanceAdapter, api: TestApi, options: RunOptions = {}): void {
  const groups = new Set(options.groups ?? GROUPS);
  api.describe(`conformance: ${adapter.name} (${adapter.precision})`, () => {
    if (groups.has('fixtures')) fixturesGroup(adapter, api, options.regimes ?? REGIMES);
    if (groups.has('handed')) handedGroup(adapter, api);
    if (groups.has('errors')) errorsGroup(adapter, api);
    if (groups.has('special')) specialGroup(adapter, api);
    if (groups.has('properties')) {
      const numRuns = options.numRuns ?? (adapter.precision === 'float64' ? 100 : 30);
      propertiesGroup(adapter, api, numRuns);
      meterGroup(adapter, api, numRuns);
    }
  });
}
