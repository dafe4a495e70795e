/** mulberry32: a small seeded PRNG so that generated inputs are the same on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n × c float32-representable numbers in [lo, hi). */
export function matrix(r: () => number, n: number, c: number, lo: number, hi: number): number[][] {
  return Array.from({ length: n }, () => Array.from({ length: c }, () => Math.fround(lo + (hi - lo) * r())));
}

/** Rows normalised to sum 1, then rounded to float32 (sums stay within 1e-6 of 1). */
export function distributions(r: () => number, n: number, c: number): number[][] {
  return matrix(r, n, c, 0.05, 1).map((row) => {
    const s = row.reduce((a, v) => a + v, 0);
    return row.map((v) => Math.fround(v / s));
  });
}
