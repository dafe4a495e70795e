import { softmaxCrossEntropy, softmaxFocalLoss } from '@xent/arrays';
import { type ReactElement, useId, useState } from 'react';
import { errorMessage, flatten, formatLoss } from '../lib/format';

const SIZE = 16;
const IGNORE = 255; // the label of pixels nobody annotated (outside the field of view)
const LESION = { row: 8, col: 6, radius: 2.3 };

/** The ground truth: 0 background, 1 lesion, 255 unlabelled (the image border). */
function makeMask(): number[][] {
  const mask: number[][] = [];
  for (let r = 0; r < SIZE; r++) {
    const row: number[] = [];
    for (let c = 0; c < SIZE; c++) {
      const border = r === 0 || c === 0 || r === SIZE - 1 || c === SIZE - 1;
      const inside = Math.hypot(r - LESION.row, c - LESION.col) <= LESION.radius;
      row.push(border ? IGNORE : inside ? 1 : 0);
    }
    mask.push(row);
  }
  return mask;
}

/**
 * A model's logits [background, lesion] per pixel: a blob of the lesion's size, shifted by `shift` pixels and
 * as sharp as `confidence` says, plus a faint false positive in the opposite corner.
 */
function makeLogits(shift: number, confidence: number): number[][][] {
  const logits: number[][][] = [];
  for (let r = 0; r < SIZE; r++) {
    const row: number[][] = [];
    for (let c = 0; c < SIZE; c++) {
      const d = Math.hypot(r - LESION.row - shift * 0.5, c - LESION.col - shift);
      const blob = confidence * (LESION.radius - d);
      // a false positive: the lesion logit reaches +1 at (12, 12), whatever the sharpness
      const spot = (confidence * 3 + 1) * Math.exp(-((r - 12) ** 2 + (c - 12) ** 2) / 2);
      row.push([0, Math.max(blob, -confidence * 3) + spot]);
    }
    logits.push(row);
  }
  return logits;
}

function colour(value: number, max: number): string {
  // white → amber → dark red, on a square-root scale so that small losses stay visible
  const t = Math.min(1, Math.sqrt(Math.max(0, value) / max));
  const r = Math.round(255 - 75 * t);
  const g = Math.round(255 - 225 * t);
  const b = Math.round(240 - 220 * t);
  return `rgb(${r},${g},${b})`;
}

/** The grid's pixels with their coordinates and labels, in row-major order. */
function cells(mask: number[][]): Array<{ id: string; r: number; c: number; label: number }> {
  const out: Array<{ id: string; r: number; c: number; label: number }> = [];
  for (let r = 0; r < SIZE; r++) {
    for (let c = 0; c < SIZE; c++) out.push({ id: `${r}-${c}`, r, c, label: mask[r]?.[c] ?? IGNORE });
  }
  return out;
}

interface MapProps {
  title: string;
  testId: string;
  values: number[];
  mask: number[][];
  max: number;
  kind: 'mask' | 'loss';
}

function HeatMap({ title, testId, values, mask, max, kind }: MapProps): ReactElement {
  const cell = 10;
  return (
    <figure className="xent-heatmap">
      <svg
        viewBox={`0 0 ${SIZE * cell} ${SIZE * cell}`}
        width={SIZE * cell}
        height={SIZE * cell}
        role="img"
        aria-label={title}
        data-testid={testId}
      >
        <title>{title}</title>
        {cells(mask).map(({ id, r, c, label }) => {
          const v = values[r * SIZE + c] ?? 0;
          const fill =
            label === IGNORE
              ? '#9aa0a6'
              : kind === 'mask'
                ? label === 1
                  ? '#c0392b'
                  : '#f4f6f7'
                : colour(v, max);
          return (
            <rect
              key={id}
              x={c * cell}
              y={r * cell}
              width={cell}
              height={cell}
              fill={fill}
              stroke="#fff"
              strokeWidth={0.5}
            />
          );
        })}
      </svg>
      <figcaption>{title.split(':')[0]}</figcaption>
    </figure>
  );
}

/**
 * Segmentation of a small lesion: per-pixel softmax cross-entropy as a heat map, the unlabelled border ignored
 * with `ignoreIndex`, a class weight for the rare lesion class, and softmax focal loss side by side.
 */
export default function SegmentationDemo(): ReactElement {
  const id = useId();
  const [lesionWeight, setLesionWeight] = useState(10);
  const [gamma, setGamma] = useState(2);
  const [shift, setShift] = useState(1);
  const [confidence, setConfidence] = useState(2);
  const mask = makeMask();
  const logits = makeLogits(shift, confidence);
  const common = { ignoreIndex: IGNORE } as const;
  let ce: number[] = [];
  let focal: number[] = [];
  let meanCe = Number.NaN;
  let meanWeighted = Number.NaN;
  let meanFocal = Number.NaN;
  let error: string | null = null;
  try {
    ce = flatten(softmaxCrossEntropy(mask, logits, { ...common, reduction: 'none' }));
    focal = flatten(softmaxFocalLoss(mask, logits, { ...common, gamma, reduction: 'none' }));
    meanCe = softmaxCrossEntropy(mask, logits, common) as number;
    meanWeighted = softmaxCrossEntropy(mask, logits, {
      ...common,
      classWeights: [1, lesionWeight],
    }) as number;
    meanFocal = softmaxFocalLoss(mask, logits, { ...common, gamma }) as number;
  } catch (e) {
    error = errorMessage(e);
  }
  const labels = mask.flat();
  const share = (values: number[], weights: [number, number]) => {
    let lesion = 0;
    let total = 0;
    values.forEach((v, i) => {
      const l = labels[i];
      if (l === IGNORE || l === undefined) return;
      const w = weights[l as 0 | 1];
      total += w * v;
      if (l === 1) lesion += w * v;
    });
    return total > 0 ? lesion / total : Number.NaN;
  };
  const lesionPixels = labels.filter((l) => l === 1).length;
  const labelled = labels.filter((l) => l !== IGNORE).length;
  const max = Math.max(1e-9, ...ce.filter((v) => Number.isFinite(v)));
  return (
    <section className="xent-calculator" aria-label="Segmentation loss heat maps" data-testid="segmentation">
      <div className="xent-controls">
        <label htmlFor={`${id}-shift`}>Prediction offset (pixels)</label>
        <input
          id={`${id}-shift`}
          type="range"
          min={0}
          max={4}
          step={0.5}
          value={shift}
          onChange={(e) => setShift(Number(e.target.value))}
        />
        <span>{shift}</span>
        <label htmlFor={`${id}-conf`}>Model sharpness</label>
        <input
          id={`${id}-conf`}
          type="range"
          min={0.5}
          max={4}
          step={0.5}
          value={confidence}
          onChange={(e) => setConfidence(Number(e.target.value))}
        />
        <span>{confidence}</span>
        <label htmlFor={`${id}-w`}>Class weight of the lesion</label>
        <input
          id={`${id}-w`}
          type="range"
          min={1}
          max={40}
          step={1}
          value={lesionWeight}
          onChange={(e) => setLesionWeight(Number(e.target.value))}
        />
        <span>{lesionWeight}</span>
        <label htmlFor={`${id}-g`}>Focal γ</label>
        <input
          id={`${id}-g`}
          type="range"
          min={0}
          max={5}
          step={0.5}
          value={gamma}
          onChange={(e) => setGamma(Number(e.target.value))}
        />
        <span>{gamma}</span>
      </div>
      {error !== null ? (
        <p role="alert" className="xent-error">
          {error}
        </p>
      ) : (
        <>
          <div className="xent-heatmaps">
            <HeatMap
              title={`Ground truth: lesion ${lesionPixels} of ${labelled} labelled pixels in red, unlabelled border in grey`}
              testId="seg-mask"
              values={[]}
              mask={mask}
              max={1}
              kind="mask"
            />
            <HeatMap
              title={`Cross-entropy per pixel: darker is higher, up to ${formatLoss(max)} nats; grey pixels are ignored`}
              testId="seg-heatmap-ce"
              values={ce}
              mask={mask}
              max={max}
              kind="loss"
            />
            <HeatMap
              title={`Focal loss per pixel (γ = ${gamma}): same colour scale as the cross-entropy`}
              testId="seg-heatmap-focal"
              values={focal}
              mask={mask}
              max={max}
              kind="loss"
            />
          </div>
          <table>
            <thead>
              <tr>
                <th scope="col">loss</th>
                <th scope="col">mean (nats)</th>
                <th scope="col">share of the loss from lesion pixels</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">cross-entropy</th>
                <td data-testid="seg-mean-ce">{formatLoss(meanCe, 4)}</td>
                <td>{(share(ce, [1, 1]) * 100).toFixed(1)} %</td>
              </tr>
              <tr>
                <th scope="row">cross-entropy, lesion class weight {lesionWeight}</th>
                <td>{formatLoss(meanWeighted, 4)}</td>
                <td>{(share(ce, [1, lesionWeight]) * 100).toFixed(1)} %</td>
              </tr>
              <tr>
                <th scope="row">focal loss, γ = {gamma}</th>
                <td>{formatLoss(meanFocal, 4)}</td>
                <td>{(share(focal, [1, 1]) * 100).toFixed(1)} %</td>
              </tr>
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
