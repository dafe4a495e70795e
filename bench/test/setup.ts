import { register } from 'node:module';

register('../src/tfjs-esm-hooks.mjs', import.meta.url);
