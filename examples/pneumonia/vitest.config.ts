import { defineConfig } from 'vitest/config';
import { workspaceAliases } from '../../vitest.shared';

export default defineConfig({
  resolve: { alias: workspaceAliases },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    typecheck: { enabled: true, include: ['src/**/*.test-d.ts', 'test/**/*.test-d.ts'] },
    reporters: ['default', ['json', { outputFile: '.test-results/vitest.json' }]],
    testTimeout: 120_000,
    // TF.js is loaded from its ES modules (one instance shared with @xent/tfjs's source), as in the
    // bundled CLI: its Node (CommonJS) build registers no gradients.
    server: { deps: { inline: [/@tensorflow\//] } },
  },
});
