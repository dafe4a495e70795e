import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadPeers } from './annotations';

// The written pages: no TypeScript or JavaScript on the site except the tested example files, every example a
// page names exists, and every other library's output quoted in the parity guide is its fixture's value.
const docs = fileURLToPath(new URL('../docs/', import.meta.url));
const examples = fileURLToPath(new URL('../examples/', import.meta.url));
const pages = fileURLToPath(new URL('../src/pages/', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'api' || name === '_generated') return []; // generated at build time
    return statSync(path).isDirectory() ? files(path) : /\.(mdx?|tsx)$/.test(name) ? [path] : [];
  });
}
const sources = [...files(docs), ...files(pages)].map((path) => ({
  path: relative(join(docs, '..'), path),
  text: readFileSync(path, 'utf8'),
}));

describe('pages', () => {
  it('show TypeScript and JavaScript only from the tested example files', () => {
    const inline = sources.flatMap(({ path, text }) =>
      [...text.matchAll(/^```(ts|tsx|js|jsx|typescript|javascript)\b/gm)].map((m) => `${path}: ${m[0]}`),
    );
    expect(inline).toEqual([]);
  });

  it('name only example files that exist', () => {
    const named = sources.flatMap(({ text }) =>
      [...text.matchAll(/(?:file=["']|example: ')([\w-]+\.ts)/g)].map((m) => m[1]!),
    );
    expect(named.length).toBeGreaterThan(15);
    expect(named.filter((name) => !existsSync(join(examples, name)))).toEqual([]);
  });

  it('quote the other libraries with the values of their fixtures', () => {
    const peers = loadPeers();
    const parity = sources.find((s) => s.path.endsWith('parity.mdx'))!.text;
    const quoted = [...parity.matchAll(/(-?[\d.]+|nan)\]?\s+\[peer:([\w-]+)\]/g)];
    const checked = quoted.map(([, stated, id]) => {
      const peer = peers.get(id!);
      if (!peer) return `${id}: no such fixture`;
      if (stated === 'nan') return peer.value === 'NaN' ? null : `${id}: stated nan`;
      const decimals = stated!.split('.')[1]?.length ?? 0;
      const value = Array.isArray(peer.value) ? peer.value.at(-1) : peer.value;
      return Math.abs(Number(value) - Number(stated)) <= 0.5 * 10 ** -decimals * (1 + 1e-9)
        ? null
        : `${id}: page states ${stated}, fixture ${JSON.stringify(peer.value)}`;
    });
    expect(quoted.length).toBeGreaterThanOrEqual(6);
    expect(checked.filter((c) => c !== null)).toEqual([]);
  });
});
