import { binaryCrossEntropy } from '@xent/arrays';
import { type ReactElement, useId, useMemo, useState } from 'react';
import { formatLoss } from '../lib/format';
import LinePlot from './LinePlot';

export interface PneumoniaCalculatorProps {
  /** What the X-ray is known to show: 1 = pneumonia, 0 = normal. */
  truth: 0 | 1;
  /** The starting prediction, in percent. */
  initialPercent?: number;
}

/**
 * The worked example: one X-ray whose diagnosis is known, one predicted probability of pneumonia,
 * and its binary cross-entropy computed with `binaryCrossEntropy` from `@xent/arrays` in nats and bits.
 */
export default function PneumoniaCalculator({
  truth,
  initialPercent = 51,
}: PneumoniaCalculatorProps): ReactElement {
  const id = useId();
  const [text, setText] = useState(String(initialPercent));
  const parsed = Number(text);
  const valid = text.trim() !== '' && Number.isFinite(parsed) && parsed >= 0 && parsed <= 100;
  const percent = valid ? parsed : initialPercent;
  const q = percent / 100;
  const nats = binaryCrossEntropy(truth, q);
  const bits = binaryCrossEntropy(truth, q, { base: 2 });
  const curve = useMemo(() => {
    // The loss itself at 199 predictions across the axis (the end where it is infinite is left out),
    // so the plot is the function computed by the library, not a sketch.
    const points: Array<[number, number]> = [];
    for (let i = 0; i <= 200; i++) {
      const p = i / 200;
      if ((truth === 1 && p === 0) || (truth === 0 && p === 1)) continue;
      points.push([p * 100, binaryCrossEntropy(truth, p)]);
    }
    return points;
  }, [truth]);
  const what = truth === 1 ? 'an X-ray known to show pneumonia' : 'a normal X-ray (no pneumonia)';
  const formula = truth === 1 ? '−log q' : '−log(1 − q)';
  return (
    <section
      className="xent-calculator"
      aria-label={`Calculator for ${what}`}
      data-testid={`calculator-${truth === 1 ? 'pneumonia' : 'normal'}`}
    >
      <p>
        Target: <strong>{truth === 1 ? 'pneumonia (t = 1)' : 'normal (t = 0)'}</strong>
      </p>
      <div className="xent-inputs">
        <label htmlFor={`${id}-number`}>Predicted probability of pneumonia (%)</label>
        <input
          id={`${id}-number`}
          type="number"
          min={0}
          max={100}
          step={0.1}
          value={text}
          aria-invalid={!valid}
          aria-describedby={valid ? undefined : `${id}-error`}
          onChange={(e) => setText(e.target.value)}
        />
        <input
          type="range"
          min={0}
          max={100}
          step={0.5}
          value={percent}
          aria-label="Predicted probability of pneumonia (%), slider"
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      {!valid && (
        <p id={`${id}-error`} role="alert" className="xent-error">
          Enter a probability between 0 and 100 %.
        </p>
      )}
      <dl className="xent-outputs">
        <div>
          <dt id={`${id}-nats`}>Cross-entropy (nats)</dt>
          <dd>
            <output aria-labelledby={`${id}-nats`} data-testid="ce-nats">
              {formatLoss(nats)}
            </output>
          </dd>
        </div>
        <div>
          <dt id={`${id}-bits`}>Cross-entropy (bits)</dt>
          <dd>
            <output aria-labelledby={`${id}-bits`} data-testid="ce-bits">
              {formatLoss(bits)}
            </output>
          </dd>
        </div>
      </dl>
      <LinePlot
        title={`Plot of the cross-entropy ${formula} in nats against the predicted probability of pneumonia for ${what}; the current prediction ${percent} % is marked at ${formatLoss(nats)} nats.`}
        testId={`plot-${truth === 1 ? 'pneumonia' : 'normal'}`}
        series={[{ name: formula, points: curve, color: 'var(--ifm-color-primary)' }]}
        xLabel="predicted probability of pneumonia q (%)"
        yLabel={`${formula} (nats)`}
        xDomain={[0, 100]}
        yDomain={[0, 5]}
        xTicks={[0, 25, 50, 75, 100]}
        yTicks={[0, 1, 2, 3, 4, 5]}
        marker={{ x: percent, y: nats, label: `${percent} % → ${formatLoss(nats)}` }}
      />
    </section>
  );
}
