#!/usr/bin/env node
// Runs every workspace test through turbo, then prints one closing line that sums the results of every
// package's vitest run: `N passed, N failed` (skipped tests are counted on the line before). The exit code is non-zero when turbo failed or
// any test failed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const groups = ['packages', 'apps', 'examples', 'tools'];
const dirs = [];
for (const group of groups) {
  const base = join(root, group);
  if (!existsSync(base)) continue;
  for (const name of readdirSync(base)) dirs.push(join(base, name));
}
dirs.push(join(root, 'bench'));

// Stale results must not be counted: turbo restores the results of cached tasks itself.
for (const dir of dirs) rmSync(join(dir, '.test-results'), { recursive: true, force: true });

const args = ['run', 'test', '--continue', ...process.argv.slice(2).filter((a) => a !== '--')];
const run = spawnSync('turbo', args, {
  shell: process.platform === 'win32',
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    TURBO_TELEMETRY_DISABLED: '1',
    NO_UPDATE_NOTIFIER: '1',
    VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true',
  },
});

let passed = 0;
let failed = 0;
let skipped = 0;
const rows = [];
const skips = [];
for (const dir of dirs) {
  const file = join(dir, '.test-results', 'vitest.json');
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const p = report.numPassedTests ?? 0;
  const f = (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0);
  const s = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  passed += p;
  failed += f;
  skipped += s;
  rows.push(`  ${dir.slice(root.length)}: ${p} passed, ${f} failed, ${s} skipped`);
  for (const file of report.testResults ?? []) {
    for (const t of file.assertionResults ?? []) {
      if (t.status === 'pending' || t.status === 'skipped' || t.status === 'todo') {
        skips.push(`  ${dir.slice(root.length)}: ${t.fullName ?? t.title}`);
      }
    }
  }
}
const turboFailed = run.status !== 0;
if (turboFailed && failed === 0) failed = 1; // a task failed outside vitest (build, crash): count it
console.log('\nTest results by package:');
console.log(rows.join('\n'));
if (skips.length > 0) console.log(`Skipped (each name says why):\n${skips.join('\n')}`);
console.log(`(${skipped} skipped)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(turboFailed || failed > 0 ? 1 : 0);
