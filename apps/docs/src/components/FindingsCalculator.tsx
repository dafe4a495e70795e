import { categoricalCrossEntropy, softmax, softmaxCrossEntropy } from '@xent/arrays';
import { type ReactElement, useId, useState } from 'react';
import { errorMessage, flatten, formatLoss, formatPercent } from '../lib/format';

const CLASSES = ['normal', 'pneumonia', 'malignancy'] as const;

type Mode = 'logits' | 'probabilities';

/**
 * One finding out of several: the model gives one score per class, the X-ray has exactly one true class,
 * and the loss is the softmax (from logits) or categorical (from probabilities) cross-entropy.
 */
export default function FindingsCalculator(): ReactElement {
  const id = useId();
  const [mode, setMode] = useState<Mode>('logits');
  const [label, setLabel] = useState(1);
  const [logits, setLogits] = useState(['0.5', '2.0', '-1.0']);
  const [probs, setProbs] = useState(['0.2', '0.7', '0.1']);
  const [smoothing, setSmoothing] = useState(0);

  const values = (mode === 'logits' ? logits : probs).map(Number);
  let q: number[] = [];
  let nats = Number.NaN;
  let bits = Number.NaN;
  let error: string | null = null;
  try {
    if (values.some((v) => !Number.isFinite(v))) throw new Error('Every score must be a number.');
    const options = smoothing > 0 ? { labelSmoothing: smoothing } : {};
    if (mode === 'logits') {
      q = flatten(softmax(values));
      nats = softmaxCrossEntropy(label, values, options) as number;
      bits = softmaxCrossEntropy(label, values, { ...options, base: 2 }) as number;
    } else {
      q = values;
      nats = categoricalCrossEntropy(label, values, options) as number;
      bits = categoricalCrossEntropy(label, values, { ...options, base: 2 }) as number;
    }
  } catch (e) {
    error = errorMessage(e);
  }
  const inputs = mode === 'logits' ? logits : probs;
  const setInputs = mode === 'logits' ? setLogits : setProbs;

  return (
    <section
      className="xent-calculator"
      aria-label="Softmax cross-entropy over three findings"
      data-testid="calculator-findings"
    >
      <fieldset>
        <legend>The model's output is given as</legend>
        {(['logits', 'probabilities'] as const).map((m) => (
          <label key={m} style={{ marginRight: '1rem' }}>
            <input
              type="radio"
              name={`${id}-mode`}
              value={m}
              checked={mode === m}
              onChange={() => setMode(m)}
            />{' '}
            {m}
          </label>
        ))}
      </fieldset>
      <div className="xent-inputs">
        <label htmlFor={`${id}-label`}>True finding on this X-ray</label>
        <select id={`${id}-label`} value={label} onChange={(e) => setLabel(Number(e.target.value))}>
          {CLASSES.map((c, i) => (
            <option key={c} value={i}>
              {c}
            </option>
          ))}
        </select>
      </div>
      <table>
        <thead>
          <tr>
            <th scope="col">finding</th>
            <th scope="col">{mode === 'logits' ? 'logit (score)' : 'predicted probability'}</th>
            <th scope="col">{mode === 'logits' ? 'softmax probability q' : 'probability q (as given)'}</th>
          </tr>
        </thead>
        <tbody>
          {CLASSES.map((c, i) => (
            <tr key={c} className={i === label ? 'xent-true-row' : undefined}>
              <th scope="row">
                {c}
                {i === label ? ' (true)' : ''}
              </th>
              <td>
                <input
                  type="number"
                  step={mode === 'logits' ? 0.1 : 0.01}
                  aria-label={`${mode === 'logits' ? 'Logit' : 'Probability'} of ${c}`}
                  value={inputs[i]}
                  onChange={(e) => setInputs(inputs.map((v, j) => (j === i ? e.target.value : v)))}
                />
              </td>
              <td>{q[i] === undefined ? '—' : formatPercent(q[i], 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="xent-inputs">
        <label htmlFor={`${id}-smooth`}>Label smoothing ε</label>
        <input
          id={`${id}-smooth`}
          type="range"
          min={0}
          max={0.3}
          step={0.05}
          value={smoothing}
          onChange={(e) => setSmoothing(Number(e.target.value))}
        />
        <span>{smoothing.toFixed(2)}</span>
      </div>
      {error !== null ? (
        <p role="alert" className="xent-error" data-testid="findings-error">
          {error}
        </p>
      ) : (
        <dl className="xent-outputs">
          <div>
            <dt id={`${id}-nats`}>Cross-entropy (nats)</dt>
            <dd>
              <output aria-labelledby={`${id}-nats`}>{formatLoss(nats)}</output>
            </dd>
          </div>
          <div>
            <dt id={`${id}-bits`}>Cross-entropy (bits)</dt>
            <dd>
              <output aria-labelledby={`${id}-bits`}>{formatLoss(bits)}</output>
            </dd>
          </div>
        </dl>
      )}
    </section>
  );
}
