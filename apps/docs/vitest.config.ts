import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { workspaceAliases } from '../../vitest.shared';

// The TF.js quickstart imports tfjs-core and its cpu backend, which are @xent/tfjs's (dev) dependencies.
const tfjsModules = (name: string) =>
  fileURLToPath(new URL(`../../packages/tfjs/node_modules/@tensorflow/${name}`, import.meta.url));

export default defineConfig({
  // The site's tsconfig leaves JSX to Docusaurus ("preserve"); the component tests compile it here.
  oxc: { jsx: { runtime: 'automatic' } },
  resolve: {
    alias: {
      ...workspaceAliases,
      '@site': fileURLToPath(new URL('.', import.meta.url)),
      '@docusaurus/useBaseUrl': fileURLToPath(new URL('./test/stubs/useBaseUrl.ts', import.meta.url)),
      '@tensorflow/tfjs-core': tfjsModules('tfjs-core'),
      '@tensorflow/tfjs-backend-cpu': tfjsModules('tfjs-backend-cpu'),
    },
  },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    reporters: ['default', ['json', { outputFile: '.test-results/vitest.json' }]],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // One Chromium at a time on a shared 2-core machine.
    fileParallelism: false,
  },
});
