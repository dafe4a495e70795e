import type { BackendName } from './backend.js';

/** Parsed command line of the example. */
export interface CliArgs {
  data?: string;
  epochs: number;
  backend: BackendName;
  seed: number;
  out?: string;
  /** Undocumented in the usage line: train on only the first N training images (quick checks, tests). */
  trainLimit?: number;
  help: boolean;
}

export const DEFAULT_EPOCHS = 24;
export const DEFAULT_SEED = 1;

export const USAGE = `usage: pnpm --filter @xent/example-pneumonia start [--data <pneumoniamnist.npz>] [--epochs N] [--backend wasm|cpu] [--seed S] [--out results.json]

  --data      MedMNIST's pneumoniamnist.npz (default: $PNEUMONIAMNIST_NPZ, then data/pneumoniamnist.npz at the repository root)
  --epochs    training epochs (default ${DEFAULT_EPOCHS})
  --backend   TF.js backend: wasm (default) or cpu
  --seed      seed of the initial weights and the batch order (default ${DEFAULT_SEED})
  --out       write every figure as JSON here, and loss-curve.svg beside it`;

/** A command-line mistake; the CLI prints the message and the usage and exits with status 2. */
export class UsageError extends Error {}

function integer(flag: string, value: string | undefined, min: number): number {
  if (value === undefined || !/^-?\d+$/.test(value))
    throw new UsageError(`${flag} needs an integer; received ${value ?? 'nothing'}.`);
  const n = Number(value);
  if (n < min) throw new UsageError(`${flag} must be at least ${min}; received ${n}.`);
  return n;
}

/** Parses argv (without `node` and the script). A leading `--` (what pnpm passes on) is ignored. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const args = argv[0] === '--' ? argv.slice(1) : argv.slice();
  const out: CliArgs = { epochs: DEFAULT_EPOCHS, backend: 'wasm', seed: DEFAULT_SEED, help: false };
  for (let i = 0; i < args.length; i++) {
    const raw = args[i] as string;
    const eq = raw.indexOf('=');
    const flag = raw.startsWith('--') && eq > 0 ? raw.slice(0, eq) : raw;
    const inline = raw.startsWith('--') && eq > 0 ? raw.slice(eq + 1) : undefined;
    const value = () => {
      if (inline !== undefined) return inline;
      const v = args[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value.`);
      return v;
    };
    switch (flag) {
      case '--data':
        out.data = value();
        break;
      case '--epochs':
        out.epochs = integer(flag, value(), 1);
        break;
      case '--seed':
        out.seed = integer(flag, value(), 0);
        break;
      case '--out':
        out.out = value();
        break;
      case '--train-limit':
        out.trainLimit = integer(flag, value(), 2);
        break;
      case '--backend': {
        const b = value();
        if (b !== 'wasm' && b !== 'cpu')
          throw new UsageError(`--backend must be wasm or cpu; received ${b}.`);
        out.backend = b;
        break;
      }
      case '-h':
      case '--help':
        out.help = true;
        break;
      default:
        throw new UsageError(`unknown argument ${raw}.`);
    }
  }
  return out;
}
