/**
 * The baselines xent is measured against, in plain JavaScript:
 * - "plain JS": the loss as a user would write it from the textbook formula, on nested arrays,
 *   with Math.max(...row), map and reduce (allocates per row);
 * - "fused JS": a hand-fused float64 kernel over typed arrays, one Math.exp per element (softmax) or one
 *   Math.exp + one Math.log1p (sigmoid), stable forms, Neumaier sum over positions; the gradient variant
 *   writes exp(x − m) into the output and rescales, so it too calls Math.exp once per element;
 * - floors: one read pass over the logits, and one Math.exp per element — what no exact JS kernel that
 *   uses Math.exp can beat.
 */

// ---- plain JS, as a user would write it ------------------------------------------------------------

/** softmax cross-entropy, mean over rows; rows: number[][] (class axis last). */
export function plainSoftmaxCE(labels, rows) {
  let total = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const m = Math.max(...row);
    const exps = row.map((v) => Math.exp(v - m));
    const sum = exps.reduce((a, b) => a + b, 0);
    total += -Math.log(exps[labels[i]] / sum);
  }
  return total / rows.length;
}

/** value and gradient of plainSoftmaxCE; the gradient is nested like rows. */
export function plainSoftmaxCEGrad(labels, rows) {
  let total = 0;
  const n = rows.length;
  const grad = new Array(n);
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    const m = Math.max(...row);
    const exps = row.map((v) => Math.exp(v - m));
    const sum = exps.reduce((a, b) => a + b, 0);
    const probs = exps.map((e) => e / sum);
    total += -Math.log(probs[labels[i]]);
    grad[i] = probs.map((p, c) => (p - (c === labels[i] ? 1 : 0)) / n);
  }
  return { value: total / n, grad };
}

/** class axis first (nested [C][H][W]): the user gathers each pixel's row, then as above. */
export function plainSoftmaxCEClassFirst(labels, channels) {
  const rows = [];
  const flatLabels = [];
  const h = channels[0].length;
  const w = channels[0][0].length;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      rows.push(channels.map((ch) => ch[y][x]));
      flatLabels.push(labels[y][x]);
    }
  }
  return plainSoftmaxCE(flatLabels, rows);
}

/** class axis first, with gradient (nested [C][H][W]). */
export function plainSoftmaxCEClassFirstGrad(labels, channels) {
  const c = channels.length;
  const h = channels[0].length;
  const w = channels[0][0].length;
  const rows = [];
  const flatLabels = [];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      rows.push(channels.map((ch) => ch[y][x]));
      flatLabels.push(labels[y][x]);
    }
  }
  const { value, grad } = plainSoftmaxCEGrad(flatLabels, rows);
  const out = [];
  for (let k = 0; k < c; k++) {
    const plane = [];
    for (let y = 0; y < h; y++) {
      const line = [];
      for (let x = 0; x < w; x++) line.push(grad[y * w + x][k]);
      plane.push(line);
    }
    out.push(plane);
  }
  return { value, grad: out };
}

/** sigmoid cross-entropy as a user writes it: p = 1 / (1 + e^−x), −[t log p + (1 − t) log(1 − p)]. */
export function plainSigmoidCE(targets, rows) {
  let total = 0;
  let count = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const t = targets[i];
    for (let j = 0; j < row.length; j++) {
      const p = 1 / (1 + Math.exp(-row[j]));
      total += -(t[j] * Math.log(p) + (1 - t[j]) * Math.log(1 - p));
      count++;
    }
  }
  return total / count;
}

export function plainSigmoidCEGrad(targets, rows) {
  let total = 0;
  const count = rows.length * (rows[0]?.length ?? 0);
  const grad = rows.map((row, i) =>
    row.map((v, j) => {
      const p = 1 / (1 + Math.exp(-v));
      const t = targets[i][j];
      total += -(t * Math.log(p) + (1 - t) * Math.log(1 - p));
      return (p - t) / count;
    }),
  );
  return { value: total / count, grad };
}

// ---- fused JS kernels (typed arrays, [outer, classes, inner] layout) ------------------------------

export function fusedSoftmaxCE(layout, x, labels) {
  const outer = layout.outer;
  const classes = layout.classes;
  const inner = layout.inner;
  let sum = 0;
  let comp = 0;
  for (let o = 0; o < outer; o++) {
    const base = o * classes * inner;
    for (let i = 0; i < inner; i++) {
      const start = base + i;
      let m = x[start];
      for (let c = 1; c < classes; c++) {
        const v = x[start + c * inner];
        if (v > m) m = v;
      }
      let s = 0;
      for (let c = 0; c < classes; c++) s += Math.exp(x[start + c * inner] - m);
      const loss = m + Math.log(s) - x[start + labels[o * inner + i] * inner];
      const t = sum + loss;
      comp += Math.abs(sum) >= Math.abs(loss) ? sum - t + loss : loss - t + sum;
      sum = t;
    }
  }
  return (sum + comp) / (outer * inner);
}

export function fusedSoftmaxCEGrad(layout, x, labels) {
  const outer = layout.outer;
  const classes = layout.classes;
  const inner = layout.inner;
  const positions = outer * inner;
  const inv = 1 / positions;
  const grad = new Float64Array(outer * classes * inner);
  let sum = 0;
  let comp = 0;
  for (let o = 0; o < outer; o++) {
    const base = o * classes * inner;
    for (let i = 0; i < inner; i++) {
      const start = base + i;
      let m = x[start];
      for (let c = 1; c < classes; c++) {
        const v = x[start + c * inner];
        if (v > m) m = v;
      }
      let s = 0;
      for (let c = 0; c < classes; c++) {
        const e = Math.exp(x[start + c * inner] - m);
        grad[start + c * inner] = e;
        s += e;
      }
      const label = labels[o * inner + i];
      const loss = m + Math.log(s) - x[start + label * inner];
      const t = sum + loss;
      comp += Math.abs(sum) >= Math.abs(loss) ? sum - t + loss : loss - t + sum;
      sum = t;
      const scale = inv / s;
      for (let c = 0; c < classes; c++) grad[start + c * inner] *= scale;
      grad[start + label * inner] -= inv;
    }
  }
  return { value: (sum + comp) / positions, grad };
}

export function fusedSigmoidCE(x, t) {
  const n = x.length;
  let sum = 0;
  let comp = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    // biome-ignore lint/complexity/useMathMinMax: max(v, 0) spelled as a branch, as a hand-fused kernel would
    const loss = (v > 0 ? v : 0) - v * t[i] + Math.log1p(Math.exp(-Math.abs(v)));
    const s = sum + loss;
    comp += Math.abs(sum) >= Math.abs(loss) ? sum - s + loss : loss - s + sum;
    sum = s;
  }
  return (sum + comp) / n;
}

export function fusedSigmoidCEGrad(x, t) {
  const n = x.length;
  const inv = 1 / n;
  const grad = new Float64Array(n);
  let sum = 0;
  let comp = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    const e = Math.exp(-Math.abs(v));
    // biome-ignore lint/complexity/useMathMinMax: max(v, 0) spelled as a branch, as a hand-fused kernel would
    const loss = (v > 0 ? v : 0) - v * t[i] + Math.log1p(e);
    const s = sum + loss;
    comp += Math.abs(sum) >= Math.abs(loss) ? sum - s + loss : loss - s + sum;
    sum = s;
    const q = v >= 0 ? 1 / (1 + e) : e / (1 + e);
    grad[i] = (q - t[i]) * inv;
  }
  return { value: (sum + comp) / n, grad };
}

// ---- floors -------------------------------------------------------------------------------------------

/** One pass reading every element: the memory/loop floor. */
export function floorRead(x) {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s;
}

/** One Math.exp per element: the floor of any kernel that calls Math.exp per element. */
export function floorExp(x) {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += Math.exp(x[i]);
  return s;
}

/**
 * Building nested arrays of `shape` from flat data: what any function that takes nested arrays and returns
 * its gradient as nested arrays must pay for the output alone (V8 allocates every row and copies the live
 * rows through its young generation).
 */
export function floorNestedOutput(x, shape) {
  let k = 0;
  const build = (depth) => {
    const n = shape[depth];
    const out = new Array(n);
    if (depth === shape.length - 1) for (let i = 0; i < n; i++) out[i] = x[k++];
    else for (let i = 0; i < n; i++) out[i] = build(depth + 1);
    return out;
  };
  return build(0);
}
