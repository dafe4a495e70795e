import type { EpochRecord } from './train.js';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A "nice" tick step (1, 2 or 5 × 10^k) giving about `count` ticks over `span`. */
function tickStep(span: number, count: number): number {
  const raw = span / count;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
}

/**
 * The loss curve as a standalone SVG: train and validation cross-entropy (nats, unweighted) per epoch,
 * the chosen epoch marked, axes with ticks. No scripts, no external fonts.
 */
export function lossCurveSvg(
  epochs: EpochRecord[],
  bestEpoch: number,
  title = 'PneumoniaMNIST: cross-entropy per epoch',
): string {
  const W = 640;
  const H = 360;
  const m = { left: 56, right: 16, top: 36, bottom: 44 };
  const pw = W - m.left - m.right;
  const ph = H - m.top - m.bottom;
  const n = epochs.length;
  const ys = epochs.flatMap((e) => [e.trainLoss, e.valLoss]).filter(Number.isFinite);
  const yMaxRaw = Math.max(...ys, 0.1);
  const step = tickStep(yMaxRaw, 5);
  const yMax = Math.ceil(yMaxRaw / step) * step;
  const x = (ep: number) => m.left + (n <= 1 ? pw / 2 : ((ep - 1) / (n - 1)) * pw);
  const y = (v: number) => m.top + ph - (Math.min(v, yMax) / yMax) * ph;
  const path = (key: 'trainLoss' | 'valLoss') =>
    epochs.map((e, i) => `${i === 0 ? 'M' : 'L'}${x(e.epoch).toFixed(1)},${y(e[key]).toFixed(1)}`).join(' ');
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="sans-serif" font-size="12">`,
  );
  parts.push(`<title>${esc(title)}</title>`);
  parts.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  parts.push(`<text x="${W / 2}" y="20" text-anchor="middle" font-size="14">${esc(title)}</text>`);
  for (let v = 0; v <= yMax + step / 2; v += step) {
    const yy = y(v).toFixed(1);
    parts.push(`<line x1="${m.left}" x2="${W - m.right}" y1="${yy}" y2="${yy}" stroke="#e5e5e5"/>`);
    parts.push(
      `<text x="${m.left - 6}" y="${yy}" text-anchor="end" dominant-baseline="middle">${Number(v.toPrecision(6))}</text>`,
    );
  }
  const xStep = Math.max(1, Math.round(tickStep(Math.max(1, n - 1), 8)));
  for (let ep = 1; ep <= n; ep += xStep) {
    parts.push(`<text x="${x(ep).toFixed(1)}" y="${H - m.bottom + 16}" text-anchor="middle">${ep}</text>`);
  }
  parts.push(`<line x1="${m.left}" x2="${m.left}" y1="${m.top}" y2="${m.top + ph}" stroke="#333"/>`);
  parts.push(
    `<line x1="${m.left}" x2="${W - m.right}" y1="${m.top + ph}" y2="${m.top + ph}" stroke="#333"/>`,
  );
  parts.push(`<text x="${m.left + pw / 2}" y="${H - 8}" text-anchor="middle">epoch</text>`);
  parts.push(
    `<text transform="translate(14 ${m.top + ph / 2}) rotate(-90)" text-anchor="middle">cross-entropy (nats)</text>`,
  );
  if (bestEpoch >= 1 && bestEpoch <= n) {
    const bx = x(bestEpoch).toFixed(1);
    parts.push(
      `<line x1="${bx}" x2="${bx}" y1="${m.top}" y2="${m.top + ph}" stroke="#888" stroke-dasharray="4 3"/>`,
    );
    parts.push(
      `<text x="${bx}" y="${m.top - 4}" text-anchor="middle" fill="#555">chosen epoch ${bestEpoch}</text>`,
    );
  }
  parts.push(`<path d="${path('trainLoss')}" fill="none" stroke="#1f77b4" stroke-width="2"/>`);
  parts.push(`<path d="${path('valLoss')}" fill="none" stroke="#d62728" stroke-width="2"/>`);
  const lx = W - m.right - 150;
  parts.push(
    `<line x1="${lx}" x2="${lx + 24}" y1="${m.top + 12}" y2="${m.top + 12}" stroke="#1f77b4" stroke-width="2"/>`,
  );
  parts.push(`<text x="${lx + 30}" y="${m.top + 12}" dominant-baseline="middle">train</text>`);
  parts.push(
    `<line x1="${lx}" x2="${lx + 24}" y1="${m.top + 30}" y2="${m.top + 30}" stroke="#d62728" stroke-width="2"/>`,
  );
  parts.push(`<text x="${lx + 30}" y="${m.top + 30}" dominant-baseline="middle">validation</text>`);
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
