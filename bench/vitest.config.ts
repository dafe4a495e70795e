import { defineConfig } from 'vitest/config';
import { workspaceAliases } from '../vitest.shared';

export default defineConfig({
  resolve: { alias: workspaceAliases },
  test: {
    include: ['test/**/*.test.ts'],
    // TF.js's ESM files import each other without extensions: the hook of src/run.mjs resolves them
    setupFiles: ['test/setup.ts'],
    reporters: ['default', ['json', { outputFile: '.test-results/vitest.json' }]],
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
});
