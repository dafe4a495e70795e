import { sigmoid, sigmoidCrossEntropy } from '@xent/arrays';
import { type ReactElement, useId, useState } from 'react';
import { errorMessage, flatten, formatLoss, formatPercent } from '../lib/format';

interface Finding {
  name: string;
  target: number; // 1 present, 0 absent, -1 uncertain
  logit: string;
}

const INITIAL: Finding[] = [
  { name: 'pleural effusion', target: 1, logit: '1.2' },
  { name: 'cardiomegaly', target: 0, logit: '-0.4' },
  { name: 'pneumothorax (rare)', target: 1, logit: '-1.5' },
  { name: 'nodule', target: -1, logit: '0.3' },
];

/**
 * Several findings at once on one X-ray: one independent sigmoid per finding, a positive weight for the rare
 * finding, and "uncertain" labels (−1) left out through `ignoreValue`.
 */
export default function MultiLabelCalculator(): ReactElement {
  const id = useId();
  const [findings, setFindings] = useState(INITIAL);
  const [rareWeight, setRareWeight] = useState('5');
  const update = (i: number, patch: Partial<Finding>) =>
    setFindings(findings.map((f, j) => (j === i ? { ...f, ...patch } : f)));

  const targets = [findings.map((f) => f.target)];
  const logits = [findings.map((f) => Number(f.logit))];
  const posWeight = findings.map((_, i) => (i === 2 ? Number(rareWeight) : 1));
  let perFinding: number[] = [];
  let probabilities: number[] = [];
  let mean = Number.NaN;
  let unweighted = Number.NaN;
  let error: string | null = null;
  try {
    if (logits[0]!.some((v) => !Number.isFinite(v))) throw new Error('Every logit must be a number.');
    probabilities = flatten(sigmoid(logits));
    perFinding = flatten(
      sigmoidCrossEntropy(targets, logits, { posWeight, ignoreValue: -1, reduction: 'none' }),
    );
    mean = sigmoidCrossEntropy(targets, logits, { posWeight, ignoreValue: -1 }) as number;
    unweighted = sigmoidCrossEntropy(targets, logits, { ignoreValue: -1 }) as number;
  } catch (e) {
    error = errorMessage(e);
  }
  return (
    <section
      className="xent-calculator"
      aria-label="Sigmoid cross-entropy for several findings on one X-ray"
      data-testid="calculator-multilabel"
    >
      <table>
        <thead>
          <tr>
            <th scope="col">finding</th>
            <th scope="col">label</th>
            <th scope="col">logit</th>
            <th scope="col">probability</th>
            <th scope="col">loss (nats)</th>
          </tr>
        </thead>
        <tbody>
          {findings.map((f, i) => (
            <tr key={f.name}>
              <th scope="row">{f.name}</th>
              <td>
                <select
                  aria-label={`Label of ${f.name}`}
                  value={f.target}
                  onChange={(e) => update(i, { target: Number(e.target.value) })}
                >
                  <option value={1}>present (1)</option>
                  <option value={0}>absent (0)</option>
                  <option value={-1}>uncertain (−1)</option>
                </select>
              </td>
              <td>
                <input
                  type="number"
                  step={0.1}
                  aria-label={`Logit of ${f.name}`}
                  value={f.logit}
                  onChange={(e) => update(i, { logit: e.target.value })}
                />
              </td>
              <td>{probabilities[i] === undefined ? '—' : formatPercent(probabilities[i], 1)}</td>
              <td data-testid={`multilabel-loss-${i}`}>
                {f.target === -1 ? 'ignored' : perFinding[i] === undefined ? '—' : formatLoss(perFinding[i])}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="xent-inputs">
        <label htmlFor={`${id}-pw`}>posWeight of pneumothorax</label>
        <input
          id={`${id}-pw`}
          type="number"
          min={0}
          step={0.5}
          value={rareWeight}
          onChange={(e) => setRareWeight(e.target.value)}
        />
      </div>
      {error !== null ? (
        <p role="alert" className="xent-error">
          {error}
        </p>
      ) : (
        <dl className="xent-outputs">
          <div>
            <dt id={`${id}-mean`}>Mean over the labelled findings, with posWeight (nats)</dt>
            <dd>
              <output aria-labelledby={`${id}-mean`} data-testid="multilabel-mean">
                {formatLoss(mean)}
              </output>
            </dd>
          </div>
          <div>
            <dt id={`${id}-plain`}>Same without posWeight (nats)</dt>
            <dd>
              <output aria-labelledby={`${id}-plain`}>{formatLoss(unweighted)}</output>
            </dd>
          </div>
        </dl>
      )}
    </section>
  );
}
