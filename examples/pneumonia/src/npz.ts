import { inflateSync } from 'fflate';
import { type NpyArray, parseNpy } from './npy.js';
import { NpzError } from './npzError.js';

export { type NpyArray, type NpyDtype, parseNpy } from './npy.js';
export { NpzError, type NpzErrorCode } from './npzError.js';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (ISO 3309, the polynomial zip uses) of `bytes`. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++)
    c = (CRC_TABLE[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function readCentralDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is 22 bytes plus a comment of at most 65535 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) {
    const looksLikeZip = bytes.length >= 4 && view.getUint32(0, true) === 0x04034b50;
    throw new NpzError(
      looksLikeZip ? 'TRUNCATED' : 'CORRUPT',
      looksLikeZip
        ? `.npz archive is truncated: its end-of-central-directory record is missing (${bytes.length} bytes read).`
        : '.npz file is not a zip archive (no end-of-central-directory record).',
    );
  }
  let count = view.getUint16(eocd + 10, true);
  let cdSize = view.getUint32(eocd + 12, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  if (cdOffset === 0xffffffff || count === 0xffff) {
    // Zip64: the locator sits just before the end record.
    const loc = eocd - 20;
    if (loc < 0 || view.getUint32(loc, true) !== 0x07064b50)
      throw new NpzError('CORRUPT', '.npz zip64 locator is missing.');
    const rec = Number(view.getBigUint64(loc + 8, true));
    if (rec + 56 > bytes.length || view.getUint32(rec, true) !== 0x06064b50)
      throw new NpzError('CORRUPT', '.npz zip64 end record is missing.');
    count = Number(view.getBigUint64(rec + 32, true));
    cdSize = Number(view.getBigUint64(rec + 40, true));
    cdOffset = Number(view.getBigUint64(rec + 48, true));
  }
  if (cdOffset + cdSize > eocd)
    throw new NpzError('CORRUPT', '.npz central directory lies outside the file.');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50)
      throw new NpzError('CORRUPT', `.npz central directory entry ${k} is damaged.`);
    const method = view.getUint16(p + 10, true);
    const crc = view.getUint32(p + 16, true);
    let compressedSize = view.getUint32(p + 20, true);
    let size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    let localOffset = view.getUint32(p + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength));
    // Zip64 extended information replaces the fields saturated at 0xFFFFFFFF, in this order.
    let e = p + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd) {
      const id = view.getUint16(e, true);
      const len = view.getUint16(e + 2, true);
      if (id === 0x0001) {
        let q = e + 4;
        if (size === 0xffffffff) {
          size = Number(view.getBigUint64(q, true));
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = Number(view.getBigUint64(q, true));
          q += 8;
        }
        if (localOffset === 0xffffffff) {
          localOffset = Number(view.getBigUint64(q, true));
        }
      }
      e += 4 + len;
    }
    entries.push({ name, method, crc, compressedSize, size, localOffset });
    p = extraEnd + commentLength;
  }
  return entries;
}

function extract(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const h = entry.localOffset;
  if (h + 30 > bytes.length || view.getUint32(h, true) !== 0x04034b50)
    throw new NpzError('CORRUPT', `.npz entry '${entry.name}': local header is damaged.`);
  const start = h + 30 + view.getUint16(h + 26, true) + view.getUint16(h + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length)
    throw new NpzError('TRUNCATED', `.npz entry '${entry.name}' runs past the end of the file.`);
  const packed = bytes.subarray(start, end);
  let out: Uint8Array;
  if (entry.method === 0) {
    out = packed.slice();
  } else if (entry.method === 8) {
    try {
      out = inflateSync(packed, { out: new Uint8Array(entry.size) });
    } catch (err) {
      throw new NpzError(
        'CORRUPT',
        `.npz entry '${entry.name}': deflate data is corrupt (${(err as Error).message}).`,
      );
    }
  } else {
    throw new NpzError(
      'UNSUPPORTED',
      `.npz entry '${entry.name}': compression method ${entry.method} (only stored and deflate).`,
    );
  }
  if (out.length !== entry.size)
    throw new NpzError(
      'CORRUPT',
      `.npz entry '${entry.name}' inflates to ${out.length} bytes, not ${entry.size}.`,
    );
  if (crc32(out) !== entry.crc)
    throw new NpzError('CORRUPT', `.npz entry '${entry.name}' fails its CRC-32 check.`);
  return out;
}

/**
 * Reads a NumPy `.npz` archive (what `numpy.savez` / `savez_compressed` write, stored or deflate,
 * zip64 headers included). Returns only the arrays named in `names` (all when omitted), keyed without
 * the `.npy` suffix. A missing name is `MISSING_ARRAY`; a cut-off file `TRUNCATED`; bad deflate data or
 * a CRC mismatch `CORRUPT`.
 */
export function readNpz(bytes: Uint8Array, names?: readonly string[]): Map<string, NpyArray> {
  const entries = readCentralDirectory(bytes);
  const byName = new Map(entries.map((e) => [e.name.replace(/\.npy$/, ''), e]));
  const wanted = names ?? [...byName.keys()];
  const result = new Map<string, NpyArray>();
  for (const name of wanted) {
    const entry = byName.get(name);
    if (entry === undefined) {
      throw new NpzError(
        'MISSING_ARRAY',
        `.npz has no array '${name}' (it holds: ${[...byName.keys()].join(', ') || 'nothing'}).`,
      );
    }
    result.set(name, parseNpy(extract(bytes, entry), name));
  }
  return result;
}
