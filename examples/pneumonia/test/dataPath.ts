import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { repoRoot } from '../src/paths.js';

/**
 * The PneumoniaMNIST file for data tests: PNEUMONIAMNIST_NPZ, relative paths taken from the repository
 * root (as CI sets it). `undefined` when unset or missing; the caller skips with a message, or fails
 * under XENT_STRICT=1.
 */
export function dataPath(): string | undefined {
  const v = process.env.PNEUMONIAMNIST_NPZ;
  if (v === undefined || v === '') return undefined;
  const p = isAbsolute(v) ? v : resolve(repoRoot() ?? process.cwd(), v);
  return existsSync(p) ? p : undefined;
}

export const STRICT = process.env.XENT_STRICT === '1';

export const SKIP_MESSAGE =
  'PNEUMONIAMNIST_NPZ is not set (or names no file): skipping the PneumoniaMNIST data tests. Set it to pneumoniamnist.npz to run them; XENT_STRICT=1 makes its absence a failure.';
