#!/usr/bin/env node
// Entry point of `pnpm bench` (node --expose-gc src/run.mjs [--quick] [--only W1,W4] [--reps N] [--no-sweep]).
// tfjs-core's ESM build (which holds the gradient registrations tf.grad needs) uses extension-less
// relative imports that Node's ESM loader cannot resolve; the hook below adds the ".js". It is registered
// before anything from TF.js is imported.
import { register } from 'node:module';

register('./tfjs-esm-hooks.mjs', import.meta.url);
const { main } = await import('./main.mjs');
await main(process.argv.slice(2));
