import { NpzError } from './npzError.js';

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
  if (order === '>' && itemSize !== undefined && itemSize > 1) {
    throw new NpzError(
      'UNSUPPORTED',
      `${name}: big-endian dtype '${descr}' is not supported (little-endian only).`,
    );
  }
  if (itemSize === undefined || !(order === '<' || order === '|' || order === '=' || order === '>')) {
    throw new NpzError(
      'UNSUPPORTED',
      `${name}: dtype '${descr}' is not supported (u1, i1, u2, i2, u4, i4, f4, f8).`,
    );
  }
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
