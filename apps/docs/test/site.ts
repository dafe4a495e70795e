import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The docs app folder, the repository root and the production build. */
export const site = fileURLToPath(new URL('..', import.meta.url));
export const root = join(site, '..', '..');
export const buildDir = join(site, 'build');

/** Newest modification time (ms) under a path, skipping generated and dependency folders. */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let t = 0;
  for (const name of readdirSync(path)) {
    if (['node_modules', 'build', '.docusaurus', '_generated', 'generated', 'api', 'dist'].includes(name))
      continue;
    t = Math.max(t, newest(join(path, name)));
  }
  return t;
}

/**
 * Reuses the production build when it is newer than the site's and the packages' sources (as it is when
 * turbo ran `build` before `test`); otherwise builds it through turbo, which builds the packages first.
 */
export function ensureBuild(): void {
  const index = join(buildDir, 'index.html');
  const sources = ['docs', 'src', 'examples', 'static', 'docusaurus.config.ts', 'sidebars.ts', 'scripts'].map(
    (p) => join(site, p),
  );
  for (const pkg of ['core', 'arrays', 'tfjs']) sources.push(join(root, 'packages', pkg, 'src'));
  const stale = !existsSync(index) || Math.max(...sources.map(newest)) > statSync(index).mtimeMs;
  if (!stale && process.env.XENT_DOCS_REBUILD !== '1') return;
  const run = spawnSync(
    'pnpm',
    ['exec', 'turbo', 'run', 'build', '--filter=@xent/docs', '--output-logs=errors-only'],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', NO_UPDATE_NOTIFIER: '1' },
    },
  );
  if (run.status !== 0) throw new Error(`docs build failed:\n${run.stdout}\n${run.stderr}`);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain',
};

/**
 * Serves the build as `docusaurus serve` does with `trailingSlash: false`: `/a/b` is `a/b.html` or
 * `a/b/index.html`; anything else is the site's 404 page with status 404.
 */
export async function serveBuild(): Promise<{ origin: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    const candidates = [path, `${path}.html`, join(path, 'index.html')].map((p) => join(buildDir, p));
    const file = candidates.find((f) => f.startsWith(buildDir) && existsSync(f) && statSync(f).isFile());
    if (file === undefined) {
      res.writeHead(404, { 'content-type': TYPES['.html'] });
      res.end(readFileSync(join(buildDir, '404.html')));
      return;
    }
    // Hashed assets may be cached, as a production server would, so that the browser compiles them once.
    const cache = path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': cache,
    });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no server address');
  return { origin: `http://127.0.0.1:${address.port}`, server };
}

/** The paths of every page in the build's sitemap. */
export function sitemapPaths(): string[] {
  const xml = readFileSync(join(buildDir, 'sitemap.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
}
