import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DOWNLOAD_HINT = `PneumoniaMNIST not found. Download pneumoniamnist.npz (28 × 28, MedMNIST v2, CC BY 4.0) from MedMNIST's
Zenodo record https://zenodo.org/records/10519652 (see https://medmnist.com), then pass it with
--data <path>, set PNEUMONIAMNIST_NPZ=<path>, or put it at data/pneumoniamnist.npz in the repository root.`;

/** The repository root: the nearest folder above this module holding pnpm-workspace.yaml. */
export function repoRoot(from = dirname(fileURLToPath(import.meta.url))): string | undefined {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/**
 * Where the data is: `--data` (relative to the directory the command was started from, which pnpm passes
 * as INIT_CWD), else PNEUMONIAMNIST_NPZ (relative to the repository root, as CI sets it), else
 * data/pneumoniamnist.npz at the repository root. Returns `undefined` when none of them exists; a
 * `--data` or variable naming a missing file is reported as such.
 */
export function resolveDataPath(
  dataFlag: string | undefined,
  env: Record<string, string | undefined>,
  startDir: string,
): { path?: string; tried: string[] } {
  const root = repoRoot();
  const tried: string[] = [];
  if (dataFlag !== undefined) {
    const p = resolve(startDir, dataFlag);
    tried.push(p);
    return existsSync(p) ? { path: p, tried } : { tried };
  }
  const fromEnv = env.PNEUMONIAMNIST_NPZ;
  if (fromEnv !== undefined && fromEnv !== '') {
    const p = isAbsolute(fromEnv) ? fromEnv : resolve(root ?? startDir, fromEnv);
    tried.push(p);
    if (existsSync(p)) return { path: p, tried };
  }
  if (root !== undefined) {
    const p = join(root, 'data', 'pneumoniamnist.npz');
    tried.push(p);
    if (existsSync(p)) return { path: p, tried };
  }
  return { tried };
}

/** Resolves a path the user typed against the directory the command was started from. */
export function userPath(p: string, startDir: string): string {
  return resolve(startDir, p);
}
