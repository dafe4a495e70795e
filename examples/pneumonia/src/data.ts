import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { NpzError, readNpz } from './npz.js';

/** One split of PneumoniaMNIST: `n` grey 28 × 28 images (uint8, row-major) and their labels (0 normal, 1 pneumonia). */
export interface Split {
  n: number;
  images: Uint8Array;
  labels: Uint8Array;
}

/** The three official splits and the file's SHA-256. */
export interface PneumoniaMnist {
  train: Split;
  val: Split;
  test: Split;
  sha256: string;
}

export const IMAGE_SIZE = 28;

function split(arrays: ReturnType<typeof readNpz>, name: 'train' | 'val' | 'test'): Split {
  const images = arrays.get(`${name}_images`);
  const labels = arrays.get(`${name}_labels`);
  if (images === undefined || labels === undefined) throw new NpzError('MISSING_ARRAY', `no ${name} split`);
  for (const [key, a] of [
    [`${name}_images`, images],
    [`${name}_labels`, labels],
  ] as const) {
    if (a.dtype !== 'u1')
      throw new NpzError('UNSUPPORTED', `${key}: expected dtype uint8 ('|u1'); found '${a.dtype}'.`);
  }
  const n = images.shape[0] ?? 0;
  if (images.shape.length !== 3 || images.shape[1] !== IMAGE_SIZE || images.shape[2] !== IMAGE_SIZE) {
    throw new NpzError(
      'UNSUPPORTED',
      `${name}_images: expected shape (N, 28, 28); found (${images.shape.join(', ')}).`,
    );
  }
  const labelCount = labels.shape.reduce((a, b) => a * b, 1);
  if (labelCount !== n || (labels.shape.length === 2 && labels.shape[1] !== 1) || labels.shape.length > 2) {
    throw new NpzError(
      'UNSUPPORTED',
      `${name}_labels: expected shape (${n}, 1); found (${labels.shape.join(', ')}).`,
    );
  }
  const y = labels.data as Uint8Array;
  for (let i = 0; i < n; i++) {
    if (y[i] !== 0 && y[i] !== 1)
      throw new NpzError('UNSUPPORTED', `${name}_labels[${i}] is ${y[i]}; PneumoniaMNIST labels are 0 or 1.`);
  }
  return { n, images: images.data as Uint8Array, labels: y };
}

/** Decodes PneumoniaMNIST from the bytes of MedMNIST's `pneumoniamnist.npz`. */
export function decodePneumoniaMnist(bytes: Uint8Array): PneumoniaMnist {
  const names = ['train', 'val', 'test'].flatMap((s) => [`${s}_images`, `${s}_labels`]);
  const arrays = readNpz(bytes, names);
  return {
    train: split(arrays, 'train'),
    val: split(arrays, 'val'),
    test: split(arrays, 'test'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

/** Reads and decodes `pneumoniamnist.npz` from disk. */
export function loadPneumoniaMnist(path: string): PneumoniaMnist {
  return decodePneumoniaMnist(new Uint8Array(readFileSync(path)));
}

/** Number of label-1 (pneumonia) cases in a split. */
export function countPositives(s: Split): number {
  let c = 0;
  for (let i = 0; i < s.n; i++) c += s.labels[i] as number;
  return c;
}
