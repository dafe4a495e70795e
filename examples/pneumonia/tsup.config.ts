import { defineConfig } from 'tsup';

/**
 * One ES module, dist/cli.js. TF.js and @xent/tfjs are bundled from their ES modules rather than left
 * to Node: tfjs-core's Node entry (CommonJS) registers no gradients, and its ES build, which does, cannot
 * be loaded by Node directly (extensionless relative imports in a package without "type": "module").
 * Bundling gives one TF.js instance with gradients; the wasm binaries stay in their npm package (the CLI
 * points the backend at them). fflate and Node built-ins stay external.
 */
export default defineConfig({
  entry: ['src/cli.ts'],
  format: ['esm'],
  target: 'node18',
  platform: 'node',
  clean: true,
  sourcemap: true,
  noExternal: [/^@tensorflow\//, /^@xent\//],
  external: ['fflate'],
  // The wasm backend's Emscripten loader expects CommonJS globals in Node.
  banner: {
    js: [
      "import { createRequire as __xentCreateRequire } from 'node:module';",
      "import { fileURLToPath as __xentFileURLToPath } from 'node:url';",
      "import { dirname as __xentDirname } from 'node:path';",
      'const require = __xentCreateRequire(import.meta.url);',
      'const __filename = __xentFileURLToPath(import.meta.url);',
      'const __dirname = __xentDirname(__filename);',
    ].join('\n'),
  },
});
