// @ts-check
/**
 * Seeded pseudo-random numbers for the workloads, so that every run times the same data.
 * xoshiro128** (Blackman & Vigna, 2018) on 32-bit state words, seeded through splitmix32.
 */

/** @param {number} seed @returns {() => number} uniform in [0, 1) with 32 random bits */
export function createRng(seed) {
  let x = seed >>> 0;
  const next32 = () => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = next32();
  let b = next32();
  let c = next32();
  let d = next32();
  return () => {
    const result = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = (b << 9) >>> 0;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    return result / 4294967296;
  };
}

/** @param {number} v @param {number} k */
function rotl(v, k) {
  return ((v << k) | (v >>> (32 - k))) >>> 0;
}

/**
 * Float32 normal samples N(mean, sd²) by Box–Muller.
 * @param {() => number} rng @param {number} n @param {number} mean @param {number} sd
 */
export function normalFloat32(rng, n, mean, sd) {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i += 2) {
    const u = 1 - rng();
    const v = rng();
    const r = Math.sqrt(-2 * Math.log(u));
    out[i] = mean + sd * r * Math.cos(2 * Math.PI * v);
    if (i + 1 < n) out[i + 1] = mean + sd * r * Math.sin(2 * Math.PI * v);
  }
  return out;
}

/** Integer labels uniform in [0, classes). @param {() => number} rng @param {number} n @param {number} classes */
export function labelsInt32(rng, n, classes) {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.floor(rng() * classes);
  return out;
}

/** Binary targets (0/1) with P(1) = p, as float32. @param {() => number} rng @param {number} n @param {number} p */
export function bernoulliFloat32(rng, n, p) {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = rng() < p ? 1 : 0;
  return out;
}
