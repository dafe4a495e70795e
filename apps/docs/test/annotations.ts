import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The examples state their results in comments: `console.log(expr); // → 0.6733 [C01] (why)`.
 * The value is a number (its decimals set the tolerance), an array of numbers, NaN, ±Infinity or a quoted
 * error code; the optional `[ID]` names a handed case (packages/conformance/fixtures/handed.json, 50-digit
 * reference) or `[peer:ID]` a value in test/fixtures/parity-peers.json that the result must also match.
 */
export interface Annotation {
  line: number;
  text: string;
  expected: number | number[] | string;
  /** Half a unit in the last stated decimal place (per element for arrays). */
  tolerance: number;
  ref?: string;
}

const VALUE = /^(NaN|-?Infinity|'[A-Z_]+'|\[[^\]]*\]|-?\d+(?:\.\d+)?(?:e-?\d+)?)/;

function decimalsTolerance(token: string): number {
  const match = /\.(\d+)/.exec(token);
  const exponent = /e(-?\d+)/.exec(token);
  if (!match && !exponent) return 0; // an integer is stated exactly
  const decimals = match?.[1]?.length ?? 0;
  const scale = exponent ? 10 ** Number(exponent[1]) : 1;
  return 0.5 * 10 ** -decimals * scale * (1 + 1e-9);
}

export function parseAnnotations(source: string): Annotation[] {
  const out: Annotation[] = [];
  source.split('\n').forEach((lineText, i) => {
    const at = lineText.indexOf('// → ');
    if (at < 0) return;
    const rest = lineText.slice(at + 5);
    const token = VALUE.exec(rest)?.[1];
    if (token === undefined) throw new Error(`line ${i + 1}: unreadable result annotation: ${rest}`);
    let expected: number | number[] | string;
    let tolerance = 0;
    if (token.startsWith("'")) expected = token.slice(1, -1);
    else if (token.startsWith('[')) {
      const parts = token
        .slice(1, -1)
        .split(',')
        .map((s) => s.trim());
      expected = parts.map(Number);
      tolerance = Math.max(...parts.map(decimalsTolerance));
    } else if (token === 'NaN' || token.endsWith('Infinity')) expected = Number(token);
    else {
      expected = Number(token);
      tolerance = decimalsTolerance(token);
    }
    const ref = /\[((?:peer:)?[A-Za-z0-9.-]+)\]/.exec(rest.slice(token.length))?.[1];
    out.push({ line: i + 1, text: lineText.trim(), expected, tolerance, ...(ref ? { ref } : {}) });
  });
  return out;
}

export function close(got: number, expected: number, tolerance: number): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(got);
  if (!Number.isFinite(expected)) return got === expected;
  return Math.abs(got - expected) <= tolerance;
}

export interface HandedCase {
  id: string;
  expected: unknown;
  tolerance: { rel: number; abs: number };
}

export function loadHanded(): Map<string, HandedCase> {
  const file = fileURLToPath(new URL('../../../packages/conformance/fixtures/handed.json', import.meta.url));
  const cases = JSON.parse(readFileSync(file, 'utf8')) as HandedCase[];
  return new Map(cases.map((c) => [c.id, c]));
}

export interface Peer {
  id: string;
  library: string;
  value: number | number[] | string;
  source: string;
}

export function loadPeers(): Map<string, Peer> {
  const file = fileURLToPath(new URL('./fixtures/parity-peers.json', import.meta.url));
  const { peers } = JSON.parse(readFileSync(file, 'utf8')) as { peers: Peer[] };
  return new Map(peers.map((p) => [p.id, p]));
}
