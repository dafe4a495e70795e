import { inflateSync } from 'fflate';

/** Why a `.npz` or `.npy` could not be read. */
export type NpzErrorCode = 'TRUNCATED' | 'CORRUPT' | 'MISSING_ARRAY' | 'UNSUPPORTED';

/** An error reading a NumPy `.npz` archive or one of its `.npy` arrays; `code` says which kind. */
export class NpzError extends Error {
  readonly code: NpzErrorCode;
  constructor(code: NpzErrorCode, message: string) {
    super(message);
    this.name = 'NpzError';
    this.code = code;
  }
}

/** The element types this reader decodes (NumPy `descr` without the byte-order mark). */
export type NpyDtype = 'u1' | 'i1' | 'u2' | 'i2' | 'u4' | 'i4' | 'f4' | 'f8';

/** One decoded `.npy` array: the data in C (row-major) order, whatever the file's order was. */
export interface NpyArray {
  dtype: NpyDtype;
  shape: number[];
  data:
    | Uint8Array
    | Int8Array
    | Uint16Array
    | Int16Array
    | Uint32Array
    | Int32Array
    | Float32Array
    | Float64Array;
}

const ITEM_SIZE: Record<NpyDtype, number> = { u1: 1, i1: 1, u2: 2, i2: 2, u4: 4, i4: 4, f4: 4, f8: 8 };

/**
 * Parses one `.npy` file (format versions 1.0–3.0): the magic string, the header dictionary
 * (`descr`, `fortran_order`, `shape`) and the data, which is returned in C order (a Fortran-ordered
 * array is transposed). Little-endian and single-byte types only; anything else is `UNSUPPORTED`.
 */
export function parseNpy(bytes: Uint8Array, name = 'array'): NpyArray {
  const magic = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];
  if (bytes.length < 10)
    throw new NpzError(
      'TRUNCATED',
      `${name}: .npy data ends after ${bytes.length} bytes, before its header.`,
    );
  for (let i = 0; i < magic.length; i++) {
    if (bytes[i] !== magic[i])
      throw new NpzError('CORRUPT', `${name}: not a .npy array (the magic string \\x93NUMPY is missing).`);
  }
  const major = bytes[6] as number;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let headerLength: number;
  let headerStart: number;
  if (major === 1) {
    headerLength = view.getUint16(8, true);
    headerStart = 10;
  } else if (major === 2 || major === 3) {
    if (bytes.length < 12) throw new NpzError('TRUNCATED', `${name}: .npy header length is cut off.`);
    headerLength = view.getUint32(8, true);
    headerStart = 12;
  } else {
    throw new NpzError('UNSUPPORTED', `${name}: .npy format version ${major} is not supported (1, 2 or 3).`);
  }
  const dataStart = headerStart + headerLength;
  if (dataStart > bytes.length)
    throw new NpzError('TRUNCATED', `${name}: .npy header runs past the end of the data.`);
  const header = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(
    bytes.subarray(headerStart, dataStart),
  );

  const descr = /'descr'\s*:\s*'([^']*)'/.exec(header)?.[1];
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined) {
    throw new NpzError(
      'CORRUPT',
      `${name}: .npy header lacks descr, fortran_order or shape: ${header.trim()}`,
    );
  }
  const shape = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((s) => {
      if (!/^\d+$/.test(s)) throw new NpzError('CORRUPT', `${name}: .npy shape entry '${s}' is not a size.`);
      return Number(s);
    });
  const order = descr[0];
  const dtype = descr.slice(1) as NpyDtype;
  const itemSize = ITEM_SIZE[dtype];
  if (itemSize === undefined || !(order === '<' || order === '|' || (order === '=' && itemSize === 1))) {
    throw new NpzError(
      'UNSUPPORTED',
      `${name}: dtype '${descr}' is not supported (little-endian u1, i1, u2, i2, u4, i4, f4, f8).`,
    );
  }
  if (order === '>' && itemSize > 1)
    throw new NpzError('UNSUPPORTED', `${name}: big-endian dtype '${descr}'.`);
  const count = shape.reduce((a, b) => a * b, 1);
  const byteLength = count * itemSize;
  if (dataStart + byteLength > bytes.length) {
    throw new NpzError(
      'TRUNCATED',
      `${name}: .npy holds ${bytes.length - dataStart} data bytes; shape (${shape.join(', ')}) of '${descr}' needs ${byteLength}.`,
    );
  }
  // Copy into a fresh, aligned buffer (the header length need not leave the data aligned).
  const raw = bytes.slice(dataStart, dataStart + byteLength).buffer;
  let data: NpyArray['data'];
  switch (dtype) {
    case 'u1':
      data = new Uint8Array(raw);
      break;
    case 'i1':
      data = new Int8Array(raw);
      break;
    case 'u2':
      data = new Uint16Array(raw);
      break;
    case 'i2':
      data = new Int16Array(raw);
      break;
    case 'u4':
      data = new Uint32Array(raw);
      break;
    case 'i4':
      data = new Int32Array(raw);
      break;
    case 'f4':
      data = new Float32Array(raw);
      break;
    default:
      data = new Float64Array(raw);
  }
  if (fortran === 'True' && shape.length > 1) data = fortranToC(data, shape);
  return { dtype, shape, data };
}

function fortranToC<T extends NpyArray['data']>(src: T, shape: number[]): T {
  const out = new (src.constructor as new (n: number) => T)(src.length);
  const rank = shape.length;
  const fStride: number[] = new Array(rank);
  let s = 1;
  for (let d = 0; d < rank; d++) {
    fStride[d] = s;
    s *= shape[d] as number;
  }
  const idx = new Array<number>(rank).fill(0);
  for (let i = 0; i < out.length; i++) {
    let f = 0;
    for (let d = 0; d < rank; d++) f += (idx[d] as number) * (fStride[d] as number);
    out[i] = src[f] as number;
    for (let d = rank - 1; d >= 0; d--) {
      idx[d] = (idx[d] as number) + 1;
      if ((idx[d] as number) < (shape[d] as number)) break;
      idx[d] = 0;
    }
  }
  return out;
}

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
