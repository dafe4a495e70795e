import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../src/args.js';
import { main } from '../src/run.js';

function capture() {
  let text = '';
  return {
    stream: {
      write: (s: string) => {
        text += s;
        return true;
      },
      isTTY: false,
    },
    text: () => text,
  };
}

describe('command line', () => {
  it('ignores a leading -- (what pnpm passes on) and reads every flag', () => {
    expect(
      parseArgs([
        '--',
        '--data',
        'x.npz',
        '--epochs',
        '3',
        '--backend',
        'cpu',
        '--seed',
        '7',
        '--out',
        'r.json',
      ]),
    ).toEqual({
      data: 'x.npz',
      epochs: 3,
      backend: 'cpu',
      seed: 7,
      out: 'r.json',
      help: false,
    });
    expect(parseArgs(['--epochs=5']).epochs).toBe(5);
  });

  it('rejects unknown flags and bad values with status 2', async () => {
    for (const argv of [['--epoch', '3'], ['--backend', 'webgl'], ['--epochs', '0'], ['--seed']]) {
      const err = capture();
      expect(
        await main({ argv, env: {}, cwd: process.cwd(), stdout: capture().stream, stderr: err.stream }),
      ).toBe(2);
      expect(err.text()).toContain('usage:');
    }
  });

  it('without data, exits non-zero and says where to download it', async () => {
    const err = capture();
    const empty = mkdtempSync(join(tmpdir(), 'pneumonia-'));
    const code = await main({ argv: [], env: {}, cwd: empty, stdout: capture().stream, stderr: err.stream });
    expect(code).toBe(1);
    expect(err.text()).toContain('pneumoniamnist.npz');
    expect(err.text()).toContain('zenodo.org');
    const err2 = capture();
    expect(
      await main({
        argv: ['--data', 'missing.npz'],
        env: {},
        cwd: empty,
        stdout: capture().stream,
        stderr: err2.stream,
      }),
    ).toBe(1);
    expect(err2.text()).toContain(join(empty, 'missing.npz'));
  });

  it("reports an unreadable file with the reader's message and exits 1", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pneumonia-'));
    writeFileSync(join(dir, 'broken.npz'), 'this is not a zip archive');
    const err = capture();
    expect(
      await main({
        argv: ['--data', 'broken.npz'],
        env: {},
        cwd: dir,
        stdout: capture().stream,
        stderr: err.stream,
      }),
    ).toBe(1);
    expect(err.text()).toContain(`Cannot read ${join(dir, 'broken.npz')}: .npz file is not a zip archive`);
  });

  it('prints the usage for --help and reads the subset option', async () => {
    const out = capture();
    expect(
      await main({
        argv: ['--help'],
        env: {},
        cwd: process.cwd(),
        stdout: out.stream,
        stderr: capture().stream,
      }),
    ).toBe(0);
    expect(out.text()).toContain('--backend   TF.js backend: wasm (default) or cpu');
    expect(parseArgs(['--train-limit', '384']).trainLimit).toBe(384);
  });
});
