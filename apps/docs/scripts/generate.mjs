#!/usr/bin/env node
// Collects, before every docs build, the inputs that other parts of the repository produce, so that the
// site never reads them at run time and never needs the network:
//   - the example sources in apps/docs/examples/*.ts (shown as code blocks; a test runs each file),
//   - the committed PneumoniaMNIST run (examples/pneumonia/results/results.json and loss-curve.svg),
//   - the benchmark table (bench/results/latest.md and latest.json),
//   - the changelog (the packages' CHANGELOG.md, or the pending changesets when none was released).
// Anything missing is written as an explicit "missing" marker, which the pages render as a note.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const site = fileURLToPath(new URL('..', import.meta.url));
const root = join(site, '..', '..');
const srcOut = join(site, 'src', 'generated');
const docsOut = join(site, 'docs', '_generated');
const staticOut = join(site, 'static', 'generated');
for (const dir of [srcOut, docsOut, staticOut]) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}
const rel = (p) => p.slice(root.length + 1);
/**
 * Markdown from elsewhere (the benchmark table, changelogs) is imported into MDX pages, where `{`, `}` and
 * `<` outside code would be read as JSX; escape them there, leaving code spans and fenced blocks alone.
 */
const mdxSafe = (markdown) => {
  let fenced = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^\s*```/.test(line)) fenced = !fenced;
      if (fenced || /^\s*```/.test(line)) return line;
      return line
        .split(/(`[^`]*`)/)
        .map((part, i) => (i % 2 === 1 ? part : part.replace(/[{}]/g, (c) => `\\${c}`).replace(/</g, '&lt;')))
        .join('');
    })
    .join('\n');
};
const write = (file, text) => {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
};

// 1. Example sources, keyed by file name.
const examplesDir = join(site, 'examples');
const examples = {};
for (const name of readdirSync(examplesDir).sort()) {
  if (name.endsWith('.ts')) examples[name] = readFileSync(join(examplesDir, name), 'utf8').trimEnd();
}
write(join(srcOut, 'examples.json'), JSON.stringify(examples, null, 1));

// 2. The PneumoniaMNIST run. XENT_DOCS_RESULTS may point at another results.json (the test fixture).
const resultsDir = join(root, 'examples', 'pneumonia', 'results');
const resultsFile = process.env.XENT_DOCS_RESULTS ?? join(resultsDir, 'results.json');
const curveFile = join(dirname(resultsFile), 'loss-curve.svg');
if (existsSync(resultsFile)) {
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  write(join(srcOut, 'results.json'), JSON.stringify({ available: true, source: rel(resultsFile), results }));
} else {
  write(join(srcOut, 'results.json'), JSON.stringify({ available: false, source: rel(resultsFile) }));
}
const curveAvailable = existsSync(curveFile);
if (curveAvailable) copyFileSync(curveFile, join(staticOut, 'loss-curve.svg'));
write(join(srcOut, 'loss-curve.json'), JSON.stringify({ available: curveAvailable, source: rel(curveFile) }));

// 3. The benchmark table.
const benchMd = join(root, 'bench', 'results', 'latest.md');
const benchJson = join(root, 'bench', 'results', 'latest.json');
write(
  join(docsOut, 'bench.md'),
  existsSync(benchMd)
    ? mdxSafe(readFileSync(benchMd, 'utf8').replace(/^# .*\n/, ''))
    : ':::note[Not generated yet]\n\n`bench/results/latest.md` does not exist yet: run `pnpm bench` to produce the table.\n\n:::\n',
);
write(
  join(srcOut, 'bench.json'),
  existsSync(benchJson) ? readFileSync(benchJson, 'utf8') : JSON.stringify({ available: false }),
);

// 4. The changelog.
const packages = ['core', 'arrays', 'tfjs'];
const parts = [];
for (const name of packages) {
  const file = join(root, 'packages', name, 'CHANGELOG.md');
  if (!existsSync(file)) continue;
  const text = readFileSync(file, 'utf8')
    .replace(/^# .*\n/, '')
    .replace(/^(#+) /gm, '$1# ');
  parts.push(`## @xent/${name}\n\n${text.trim()}\n`);
}
if (parts.length === 0) {
  const dir = join(root, '.changeset');
  const pending = [];
  for (const name of existsSync(dir) ? readdirSync(dir).sort() : []) {
    if (!name.endsWith('.md') || name === 'README.md') continue;
    const text = readFileSync(join(dir, name), 'utf8');
    const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
    if (!match) continue;
    const bumps = [...match[1].matchAll(/"?(@xent\/[\w-]+)"?\s*:\s*(\w+)/g)].map(
      (m) => `\`${m[1]}\` ${m[2]}`,
    );
    pending.push(`- ${match[2].trim()} (${bumps.join(', ')})`);
  }
  parts.push(
    pending.length === 0
      ? 'No release yet, and no pending changesets.\n'
      : `No release yet. Pending changes, from the changesets in \`.changeset/\`:\n\n${pending.join('\n')}\n`,
  );
}
write(join(docsOut, 'changelog.md'), mdxSafe(parts.join('\n')));

console.log(
  `docs inputs: ${Object.keys(examples).length} examples, results ${existsSync(resultsFile) ? 'found' : 'missing'}, bench ${existsSync(benchMd) ? 'found' : 'missing'}`,
);
