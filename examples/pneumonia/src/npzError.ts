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
