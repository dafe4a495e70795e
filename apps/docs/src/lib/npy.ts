import { unzipSync } from 'fflate';

/** One array read from a `.npy` file: its element type, its shape and its data. */
export interface NpyArray {
  dtype: string;
  shape: number[];
  data: Uint8Array | Int32Array | Float32Array | Float64Array | BigInt64Array;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // "\x93NUMPY"

/**
 * Parses NumPy's `.npy` format (versions 1–3): the magic string, a version, a little-endian header
 * length, a Python-literal header `{'descr': ..., 'fortran_order': ..., 'shape': (...)}`, then the raw data.
 * Supports the little-endian dtypes MedMNIST and the fixtures use: u1, i4, i8, f4, f8; C order only.
 */
export function parseNpy(bytes: Uint8Array): NpyArray {
  for (let i = 0; i < MAGIC.length; i++) {
    if (bytes[i] !== MAGIC[i]) throw new Error('parseNpy: not a .npy file (bad magic string)');
  }
  const major = bytes[6];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let headerLength: number;
  let offset: number;
  if (major === 1) {
    headerLength = view.getUint16(8, true);
    offset = 10;
  } else if (major === 2 || major === 3) {
    headerLength = view.getUint32(8, true);
    offset = 12;
  } else {
    throw new Error(`parseNpy: unsupported .npy version ${String(major)}`);
  }
  const header = new TextDecoder('latin1').decode(bytes.subarray(offset, offset + headerLength));
  const descr = /'descr':\s*'([^']+)'/.exec(header)?.[1];
  const fortran = /'fortran_order':\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined) {
    throw new Error(`parseNpy: unreadable header ${header}`);
  }
  if (fortran === 'True') throw new Error('parseNpy: Fortran-ordered arrays are not supported');
  const shape = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((s) => Number.parseInt(s, 10));
  const count = shape.reduce((a, b) => a * b, 1);
  const start = offset + headerLength;
  const body = bytes.slice(start); // a copy, aligned at 0 for the typed-array views below
  const sizes: Record<string, number> = { '|u1': 1, '<i4': 4, '<i8': 8, '<f4': 4, '<f8': 8 };
  const size = sizes[descr];
  if (size === undefined) throw new Error(`parseNpy: unsupported dtype ${descr}`);
  if (body.byteLength < count * size) {
    throw new Error(`parseNpy: expected ${count * size} data bytes, found ${body.byteLength}`);
  }
  const buffer = body.buffer;
  const data =
    descr === '|u1'
      ? new Uint8Array(buffer, 0, count)
      : descr === '<i4'
        ? new Int32Array(buffer, 0, count)
        : descr === '<i8'
          ? new BigInt64Array(buffer, 0, count)
          : descr === '<f4'
            ? new Float32Array(buffer, 0, count)
            : new Float64Array(buffer, 0, count);
  return { dtype: descr, shape, data };
}

/** Reads every array of a `.npz` file (a zip of `.npy` files, stored or deflated), keyed by name. */
export function parseNpz(bytes: Uint8Array): Record<string, NpyArray> {
  const files = unzipSync(bytes);
  const out: Record<string, NpyArray> = {};
  for (const [name, content] of Object.entries(files)) {
    if (name.endsWith('.npy')) out[name.slice(0, -4)] = parseNpy(content);
  }
  return out;
}
