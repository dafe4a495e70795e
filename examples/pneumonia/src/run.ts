import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { parseArgs, USAGE, UsageError } from './args.js';
import { useBackend } from './backend.js';
import { loadPneumoniaMnist, type PneumoniaMnist } from './data.js';
import { round } from './metrics.js';
import { NpzError } from './npz.js';
import { DOWNLOAD_HINT, resolveDataPath, userPath } from './paths.js';
import { progressBar } from './progress.js';
import type { PneumoniaResults } from './results.js';
import { lossCurveSvg } from './svg.js';
import { type EpochRecord, train } from './train.js';

export interface Io {
  argv: readonly string[];
  env: Record<string, string | undefined>;
  /** The directory the command was started from. */
  cwd: string;
  stdout: NodeJS.WriteStream | { write(s: string): unknown; isTTY?: boolean };
  stderr: NodeJS.WriteStream | { write(s: string): unknown; isTTY?: boolean };
}

const f4 = (x: number) => x.toFixed(4);

const DATASET_NAME = 'PneumoniaMNIST (MedMNIST v2, 28 × 28)';

function epochLine(e: EpochRecord, epochs: number): string {
  return (
    `epoch ${String(e.epoch).padStart(String(epochs).length)}/${epochs}  ` +
    `train CE ${f4(e.trainLoss)} nats (${f4(e.trainLossBits)} bits)  ` +
    `val CE ${f4(e.valLoss)} nats (${f4(e.valLossBits)} bits)  ` +
    `val AUROC ${f4(e.valAuroc)}  val acc ${f4(e.valAccuracy)}  ${e.seconds.toFixed(1)} s`
  );
}

/** Runs the example; returns the process exit status (0 done, 1 no data or failure, 2 usage). */
export async function main(io: Io): Promise<number> {
  const started = performance.now();
  const print = (s: string) => io.stdout.write(`${s}\n`);
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(io.argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr.write(`${err.message}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    print(USAGE);
    return 0;
  }
  const found = resolveDataPath(args.data, io.env, io.cwd);
  if (found.path === undefined) {
    if (found.tried.length > 0) io.stderr.write(`No file at: ${found.tried.join(', ')}\n`);
    io.stderr.write(`${DOWNLOAD_HINT}\n`);
    return 1;
  }
  let data: PneumoniaMnist;
  try {
    data = loadPneumoniaMnist(found.path);
  } catch (err) {
    if (!(err instanceof NpzError)) throw err;
    io.stderr.write(`Cannot read ${found.path}: ${err.message}\n${DOWNLOAD_HINT}\n`);
    return 1;
  }
  print(
    `PneumoniaMNIST ${found.path} (sha256 ${data.sha256.slice(0, 12)}…): train ${data.train.n}, val ${data.val.n}, test ${data.test.n}`,
  );
  await useBackend(args.backend);
  print(`TF.js ${tf.version_core}, backend ${tf.getBackend()}, seed ${args.seed}, ${args.epochs} epochs`);

  const bar = progressBar(io.stderr as NodeJS.WriteStream);
  const result = await train({
    data,
    epochs: args.epochs,
    seed: args.seed,
    ...(args.trainLimit !== undefined ? { trainLimit: args.trainLimit } : {}),
    onBatch: (p) => bar.update(p),
    onEpoch: (e) => print(epochLine(e, args.epochs)),
  });
  const { test, calibration, workedExample } = result.evaluation;
  print(
    `\nTrained in ${result.trainSeconds.toFixed(1)} s; epoch ${result.bestEpoch} chosen on validation (class-weighted cross-entropy, posWeight ${result.posWeight.toFixed(4)}).`,
  );
  print(`Test (${test.n} images, ${test.positives} pneumonia / ${test.negatives} normal):`);
  print(`  cross-entropy  ${f4(test.crossEntropy)} nats  ${f4(test.crossEntropyBits)} bits`);
  print(`  accuracy       ${f4(test.accuracy)}   (threshold 0.5)`);
  print(`  sensitivity    ${f4(test.sensitivity)}`);
  print(`  specificity    ${f4(test.specificity)}`);
  print(`  AUROC          ${f4(test.auroc)}`);
  print(`  ECE (10 bins)  ${f4(test.ece)}`);
  print(`  Brier          ${f4(test.brier)}`);
  print(`Temperature fitted on validation: T = ${f4(calibration.temperature)}`);
  print(
    `  cross-entropy ${f4(calibration.before.crossEntropy)} → ${f4(calibration.after.crossEntropy)} nats, ECE ${f4(calibration.before.ece)} → ${f4(calibration.after.ece)}, Brier ${f4(calibration.before.brier)} → ${f4(calibration.after.brier)}`,
  );
  print('Worked example (test X-rays with pneumonia):');
  for (const w of workedExample) {
    print(
      `  nearest ${w.target}: test #${w.index}, p = ${f4(w.probability)}, cross-entropy −ln p = ${f4(w.crossEntropy)} nats = ${f4(w.crossEntropyBits)} bits`,
    );
  }

  const mistakes = result.evaluation.confidentMistakes.slice(0, 5);
  print(
    `Most confident mistakes: ${mistakes.map((m) => `#${m.index} (${m.label === 1 ? 'pneumonia' : 'normal'}, p = ${f4(m.probability)})`).join(', ') || 'none'}`,
  );
  print(`Wall time ${((performance.now() - started) / 1000).toFixed(1)} s.`);

  if (args.out !== undefined) {
    const outPath = userPath(args.out, io.cwd);
    const rawArgs = io.argv[0] === '--' ? io.argv.slice(1) : io.argv;
    const results: PneumoniaResults = {
      meta: {
        command: ['pnpm --filter @xent/example-pneumonia start', ...rawArgs].join(' '),
        seed: args.seed,
        backend: args.backend,
        epochs: args.epochs,
        bestEpoch: result.bestEpoch,
        trainSeconds: Number(result.trainSeconds.toFixed(1)),
        date: new Date().toISOString(),
        node: process.version,
        tfjs: tf.version_core,
        posWeight: round(result.posWeight),
        model: { params: result.params, description: result.description },
        dataset: {
          name: DATASET_NAME,
          sha256: data.sha256,
          train: result.trainCount,
          val: data.val.n,
          test: data.test.n,
        },
      },
      epochs: result.history.map((e) => ({
        epoch: e.epoch,
        trainLoss: round(e.trainLoss),
        trainLossBits: round(e.trainLossBits),
        valLoss: round(e.valLoss),
        valLossBits: round(e.valLossBits),
        valAuroc: round(e.valAuroc),
        valAccuracy: round(e.valAccuracy),
        seconds: Number(e.seconds.toFixed(2)),
      })),
      ...result.evaluation,
    };
    mkdirSync(dirname(outPath), { recursive: true });
    writeFileSync(outPath, `${JSON.stringify(results)}\n`);
    const svgPath = join(dirname(outPath), 'loss-curve.svg');
    writeFileSync(svgPath, lossCurveSvg(result.history, result.bestEpoch));
    print(`Wrote ${outPath} and ${svgPath}`);
  }
  return 0;
}
