import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { countPositives, decodePneumoniaMnist } from '../src/data.js';
import { crc32, NpzError, parseNpy, readNpz } from '../src/npz.js';
import { dataPath, SKIP_MESSAGE, STRICT } from './dataPath.js';

/** A version-1.0 .npy file as NumPy writes it: magic, header padded with spaces to a multiple of 64, data. */
function npy(descr: string, shape: number[], data: Uint8Array, fortran = false): Uint8Array {
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let header = `{'descr': '${descr}', 'fortran_order': ${fortran ? 'True' : 'False'}, 'shape': ${shapeText}, }`;
  const total = 10 + header.length + 1;
  header += `${' '.repeat((64 - (total % 64)) % 64)}\n`;
  const out = new Uint8Array(10 + header.length + data.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0], 0);
  out[8] = header.length & 0xff;
  out[9] = header.length >> 8;
  out.set(new TextEncoder().encode(header), 10);
  out.set(data, 10 + header.length);
  return out;
}

const bytesOf = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** A miniature PneumoniaMNIST: n images per split of pixel value i for image i; labels alternate 0, 1. */
function miniature(n: number, labelDtype = '|u1'): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const split of ['train', 'val', 'test']) {
    const images = new Uint8Array(n * 28 * 28);
    for (let i = 0; i < n; i++) images.fill(i, i * 784, (i + 1) * 784);
    const labels = Uint8Array.from({ length: n }, (_, i) => i % 2);
    files[`${split}_images.npy`] = npy('|u1', [n, 28, 28], images);
    files[`${split}_labels.npy`] =
      labelDtype === '|u1'
        ? npy('|u1', [n, 1], labels)
        : npy(labelDtype, [n, 1], bytesOf(Float64Array.from(labels)));
  }
  return zipSync(files, { level: 6 });
}

describe('.npy parsing', () => {
  it('reads dtype, shape and little-endian data', () => {
    // Values written by the test itself: 1.5, −2 and 2^20 are exact in float32.
    const a = parseNpy(npy('<f4', [3], bytesOf(new Float32Array([1.5, -2, 2 ** 20]))));
    expect(a.dtype).toBe('f4');
    expect(a.shape).toEqual([3]);
    expect([...a.data]).toEqual([1.5, -2, 2 ** 20]);
  });

  it('returns Fortran-ordered data in C order', () => {
    // Column-major storage of [[1, 2, 3], [4, 5, 6]] is 1 4 2 5 3 6.
    const a = parseNpy(npy('<i4', [2, 3], bytesOf(new Int32Array([1, 4, 2, 5, 3, 6])), true));
    expect([...a.data]).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('rejects big-endian and unknown dtypes, and data shorter than the shape', () => {
    expect(() => parseNpy(npy('>f4', [1], new Uint8Array(4)))).toThrow(/dtype '>f4'/);
    expect(() => parseNpy(npy('<c8', [1], new Uint8Array(8)))).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED' }),
    );
    expect(() => parseNpy(npy('<f8', [4], new Uint8Array(16)))).toThrow(
      expect.objectContaining({ code: 'TRUNCATED' }),
    );
    expect(() => parseNpy(new TextEncoder().encode('not numpy at all'))).toThrow(
      expect.objectContaining({ code: 'CORRUPT' }),
    );
  });
});

describe('.npz archives written by the test', () => {
  it('decodes a miniature PneumoniaMNIST exactly', () => {
    const d = decodePneumoniaMnist(miniature(5));
    for (const s of [d.train, d.val, d.test]) {
      expect(s.n).toBe(5);
      expect(s.images.length).toBe(5 * 784);
      expect(s.images[3 * 784 + 100]).toBe(3);
      expect([...s.labels]).toEqual([0, 1, 0, 1, 0]);
      expect(countPositives(s)).toBe(2);
    }
  });

  it('names the missing array', () => {
    const zip = zipSync({ 'train_images.npy': npy('|u1', [1, 28, 28], new Uint8Array(784)) });
    expect(() => readNpz(zip, ['train_labels'])).toThrow(
      expect.objectContaining({ code: 'MISSING_ARRAY', message: expect.stringContaining("'train_labels'") }),
    );
  });

  it('rejects labels of the wrong dtype', () => {
    expect(() => decodePneumoniaMnist(miniature(3, '<f8'))).toThrow(/expected dtype uint8/);
  });

  it('reports a truncated file', () => {
    const zip = miniature(4);
    for (const cut of [zip.length - 10, Math.floor(zip.length / 2), 30]) {
      expect(() => decodePneumoniaMnist(zip.subarray(0, cut))).toThrow(
        expect.objectContaining({ code: 'TRUNCATED' }),
      );
    }
  });

  it('reports corrupt deflate data or a CRC mismatch', () => {
    const zip = miniature(4).slice();
    // Flip bits in the middle of the first entry's compressed data (after its 30-byte header and name).
    for (let i = 60; i < 90; i++) zip[i] = (zip[i] as number) ^ 0x5a;
    expect(() => decodePneumoniaMnist(zip)).toThrow(expect.objectContaining({ code: 'CORRUPT' }));
    expect(() => readNpz(new Uint8Array(100))).toThrow(NpzError);
  });

  it('computes CRC-32 as zip does', () => {
    // The standard check value of CRC-32/ISO-HDLC: crc32("123456789") = 0xCBF43926.
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});

const path = dataPath();

describe.skipIf(path === undefined)('pneumoniamnist.npz (MedMNIST v2)', () => {
  it('has the shapes, dtypes and label counts the data README states', () => {
    const bytes = new Uint8Array(readFileSync(path as string));
    const arrays = readNpz(bytes);
    // /work/shared/data/README.md: train 4708 (1214 / 3494), val 524 (135 / 389), test 624 (234 / 390).
    const expected = { train: [4708, 1214, 3494], val: [524, 135, 389], test: [624, 234, 390] } as const;
    for (const [split, [n, normal, pneumonia]] of Object.entries(expected)) {
      const images = arrays.get(`${split}_images`);
      const labels = arrays.get(`${split}_labels`);
      expect(images?.dtype).toBe('u1');
      expect(images?.shape).toEqual([n, 28, 28]);
      expect(labels?.dtype).toBe('u1');
      expect(labels?.shape).toEqual([n, 1]);
      const ones = [...(labels?.data ?? [])].filter((v) => v === 1).length;
      const zeros = [...(labels?.data ?? [])].filter((v) => v === 0).length;
      expect([zeros, ones]).toEqual([normal, pneumonia]);
    }
    expect(decodePneumoniaMnist(bytes).sha256).toBe(
      '100826dae59640f7ea39564e7b6cd9c394c3cf087981bf2c1db86990aa9d67e0',
    );
  });
});

// registered only where the file is missing: a skip that says what it needs, or under XENT_STRICT=1 a failure
if (path === undefined) {
  if (STRICT)
    it('needs pneumoniamnist.npz (XENT_STRICT=1)', () => {
      throw new Error(SKIP_MESSAGE);
    });
  else it.skip(`data tests skipped: ${SKIP_MESSAGE}`);
}
