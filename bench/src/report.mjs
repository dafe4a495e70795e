// @ts-check
/**
 * Markdown rendering of a result (bench/results/latest.md, shown by the docs' benchmarks page, which
 * reads it as MDX: the text avoids braces and angle brackets, and escapes them in error messages).
 */

/** Escapes text for a Markdown table cell inside MDX. @param {unknown} s */
export function cell(s) {
  return String(s)
    .replace(/\|/g, '\\|')
    .replace(/[{}]/g, (c) => (c === '{' ? '(' : ')'))
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** @param {number | null | undefined} x @param {number} d */
const num = (x, d = 2) =>
  x === null || x === undefined || !Number.isFinite(x)
    ? '–'
    : x < 0.1 && d <= 2
      ? x.toPrecision(2)
      : x.toFixed(d);

/**
 * Columns of time ratios shown for every method: its time over the named baseline's.
 * @type {[string, string][]}
 */
export const RATIO_COLUMNS = [
  ['fused-js', '× fused JS'],
  ['tf-wasm', '× tf wasm'],
  ['tf-cpu', '× tf cpu'],
  ['floor-exp', '× floor exp'],
];

/** @param {any} m */
function memoryCell(m) {
  const mem = m.memory;
  if (!mem) return '';
  if (m.id.startsWith('tf-') || m.id.startsWith('xtfjs-')) return `${num(mem.perElement, 1)} B/logit peak`;
  return `${mem.gcDuring ? '≥ ' : ''}${num(mem.perPosition, 1)} B/position`;
}

/** @param {any} w */
function workloadTable(w) {
  const lines = [];
  lines.push(`## ${w.id}: ${cell(w.title)}`);
  lines.push('');
  lines.push(
    `Shape [${w.shape.join(', ')}]${w.axis === null ? '' : `, class axis ${w.axis}`}; ${w.elements.toLocaleString('en-US')} elements, ${w.positions.toLocaleString('en-US')} positions; reference mean ${w.reference.toPrecision(15)}.`,
  );
  lines.push('');
  lines.push(
    `| method | ns/element | IQR | reps | ${RATIO_COLUMNS.map(([, h]) => h).join(' | ')} | value error | memory |`,
  );
  lines.push(`| --- | ---: | ---: | ---: | ${RATIO_COLUMNS.map(() => '---:').join(' | ')} | ---: | ---: |`);
  const notes = [];
  for (const m of w.methods) {
    if (m.status !== 'ok') {
      notes.push(
        `- ${cell(m.label)}: ${m.status === 'wrong' ? '**rejected, wrong value**' : 'n/a'} (${cell(m.reason)})`,
      );
      continue;
    }
    if (m.tensorLeak) notes.push(`- ${cell(m.label)}: leaves ${m.tensorLeak} tensor(s) behind per call`);
    const s = m.nsPerElement;
    const ratios = RATIO_COLUMNS.map(([id]) => {
      const base = m.grad && id !== 'floor-exp' ? `${id}:grad` : id;
      const r = w.ratios?.[m.id]?.[base];
      return r ? num(r.median) : '–';
    });
    const err = m.check?.valueError;
    const errText = err === null || err === undefined ? '' : err === 0 ? '0' : err.toExponential(1);
    lines.push(
      `| ${cell(m.label)} | ${num(s.median)} | ${num(s.q1)}–${num(s.q3)} | ${s.n} | ${ratios.join(' | ')} | ${errText} | ${memoryCell(m)} |`,
    );
  }
  lines.push('');
  if (notes.length) lines.push(...notes, '');
  return lines;
}

/** @param {any} result */
export function renderMarkdown(result) {
  const meta = result.meta;
  const lines = [];
  lines.push('# Benchmark results');
  lines.push('');
  lines.push(
    `Measured ${meta.date.slice(0, 16).replace('T', ' ')} UTC on ${cell(meta.machine.cpu)} (${meta.machine.cores} cores, ${meta.machine.memoryGiB} GiB, ${cell(meta.machine.platform)}, load average ${meta.machine.loadAverage?.join(' → ') ?? 'n/a'}), Node ${meta.node} (V8 ${meta.v8}), TF.js ${meta.tfjs} (wasm SIMD ${meta.wasm.simd ? 'on' : 'off'}, threads ${meta.wasm.threads ? 'on' : 'off'}); ${meta.repetitions} interleaved repetitions (a method whose samples would take over ${meta.budgetSecondsPerMethod ?? '–'} s in all takes part in fewer, at least 3), seed ${meta.seed}, ${meta.durationSeconds} s.${meta.quick ? ' **Quick run (small sizes): not representative.**' : ''}`,
  );
  lines.push('');
  lines.push(
    'Times are nanoseconds per element (one logit) for the whole call: the median over repetitions, the interquartile range and the number of repetitions. A 1-minute load average above the core count means other processes shared the CPU: absolute times are then inflated, the paired ratios less so. A "× X" column is the method\'s time divided by the time of X in the same repetitions (the median of the paired ratios): below 1 the method is faster than X, 0.25 means 4× faster. Gradient rows (valueAndGrad) are compared with the gradient rows of the baselines. Value error is relative to a float64 reference; a method whose value or gradient is off its tolerance is not timed. Memory: bytes allocated by one call and not released when it returns (JS heap and ArrayBuffers) per position, or for tensors the peak tensor bytes above the inputs, per logit (`tf.profile`). The full matrix of every method\'s ratio to every other is in `latest.json`.',
  );
  lines.push('');
  lines.push('## Targets');
  lines.push('');
  lines.push('| workload | target | measured | met |');
  lines.push('| --- | --- | --- | :---: |');
  for (const t of result.targets) {
    lines.push(
      `| ${t.workload} | ${cell(t.target)} | ${cell(t.measured)} | ${t.met === null ? '–' : t.met ? 'yes' : '**no**'} |`,
    );
  }
  lines.push('');
  for (const w of result.workloads) lines.push(...workloadTable(w));
  if (result.sweep?.length) {
    const ids = [...new Set(result.sweep.flatMap((/** @type {any} */ r) => Object.keys(r.methods)))];
    /** @type {Record<string, string>} */
    const labels = Object.fromEntries(
      (result.workloads.find((/** @type {any} */ w) => w.id === 'W1')?.methods ?? []).map(
        (/** @type {any} */ m) => [m.id, m.label],
      ),
    );
    lines.push('## W1 size sweep (ns/element, median)');
    lines.push('');
    lines.push(
      'The same loss at every size from 10 to 10⁶ rows of 14 logits (warmed up on ≤ 1,000 rows first). Small sizes show the fixed cost of a call; tf.losses on the cpu backend is left out above 10⁵ rows (seconds per call).',
    );
    lines.push('');
    lines.push(`| rows × 14 | ${ids.map((id) => cell(labels[id] ?? id)).join(' | ')} |`);
    lines.push(`| ---: | ${ids.map(() => '---:').join(' | ')} |`);
    for (const r of result.sweep) {
      const cells = ids.map((id) => {
        const m = r.methods[id];
        if (m && typeof m.median === 'number') return num(m.median);
        return m?.status ? cell(m.status) : '–';
      });
      lines.push(`| ${r.rows.toLocaleString('en-US')} | ${cells.join(' | ')} |`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
