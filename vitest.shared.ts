import { fileURLToPath } from 'node:url';

/**
 * Tests import the workspace packages from their TypeScript source, so that a test run never waits for
 * (or races) another package's build. The published shape (dist, exports map, ESM + CJS) is checked
 * separately by `tools/package-check`, on the packed tarballs.
 */
export const workspaceAliases = {
  '@xent/core': fileURLToPath(new URL('./packages/core/src/index.ts', import.meta.url)),
  '@xent/arrays': fileURLToPath(new URL('./packages/arrays/src/index.ts', import.meta.url)),
  '@xent/tfjs': fileURLToPath(new URL('./packages/tfjs/src/index.ts', import.meta.url)),
};
