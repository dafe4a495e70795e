#!/usr/bin/env node
// Runs turbo with its telemetry off (TURBO_TELEMETRY_DISABLED), whatever the user's shell sets, so that no
// root script ever reports usage. Arguments pass through; a literal `--` from `pnpm <script> --` is dropped.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2).filter((a) => a !== '--');
const run = spawnSync('turbo', args, {
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', NO_UPDATE_NOTIFIER: '1' },
});
process.exit(run.status ?? 1);
