import type { BatchProgress } from './train.js';

function clock(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** One line of the per-epoch progress bar: `epoch 3/24 [#####.....] 2304/4708  310 img/s  ETA 0:08`. */
export function progressLine(p: BatchProgress, width = 30): string {
  const filled = Math.round((p.done / p.total) * width);
  const bar = `${'#'.repeat(filled)}${'.'.repeat(width - filled)}`;
  const digits = String(p.total).length;
  return `epoch ${String(p.epoch).padStart(String(p.epochs).length)}/${p.epochs} [${bar}] ${String(p.done).padStart(digits)}/${p.total}  ${p.imagesPerSecond.toFixed(0).padStart(4)} img/s  ETA ${clock(p.etaSeconds)}`;
}

/**
 * A progress bar on a stream: redrawn in place (throttled to 10 per second) on a terminal; on a pipe or a
 * log file, printed at each quarter of the epoch so the log stays readable.
 */
export function progressBar(stream: NodeJS.WriteStream) {
  let last = 0;
  let quarter = 0;
  return {
    update(p: BatchProgress): void {
      if (stream.isTTY) {
        const now = Date.now();
        if (now - last < 100 && p.done < p.total) return;
        last = now;
        stream.write(`\r${progressLine(p)}`);
        if (p.done >= p.total) stream.write('\r\x1b[2K');
      } else {
        const q = Math.floor((4 * p.done) / p.total);
        if (p.done === p.total || q > quarter) stream.write(`${progressLine(p)}\n`);
        quarter = p.done >= p.total ? 0 : Math.max(quarter, q);
      }
    },
  };
}
