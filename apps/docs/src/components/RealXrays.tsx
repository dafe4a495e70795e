import useBaseUrl from '@docusaurus/useBaseUrl';
import generatedCurve from '@site/src/generated/loss-curve.json';
import generatedResults from '@site/src/generated/results.json';
import { binaryCrossEntropy, sigmoidCrossEntropy } from '@xent/arrays';
import { type ReactElement, type ReactNode, useId, useMemo, useState } from 'react';
import { formatLoss, formatPercent } from '../lib/format';
import { type NpyArray, parseNpz } from '../lib/npy';
import LinePlot from './LinePlot';
import type { GeneratedResults, PneumoniaResults, Reliability } from './results-types';
import XrayImage from './XrayImage';

const data = generatedResults as unknown as GeneratedResults;
const curve = generatedCurve as { available: boolean; source: string };

function NotYet({ what, source }: { what: string; source: string }): ReactElement {
  return (
    <div className="alert alert--warning" role="note" data-testid="not-generated">
      <strong>Not generated yet:</strong> {what} (<code>{source}</code>) does not exist in this build. Run the
      PneumoniaMNIST example (<code>pnpm --filter @xent/example-pneumonia start</code>), commit its results
      and rebuild the site.
    </div>
  );
}

const label = (l: number) => (l === 1 ? 'pneumonia' : 'normal');
const logit = (p: number) => Math.log(p) - Math.log1p(-p);

/** Test images from the reader's own copy of pneumoniamnist.npz; the site ships none. */
function useDataset() {
  const [images, setImages] = useState<NpyArray | null>(null);
  const [status, setStatus] = useState<string>('No file chosen: the X-rays are not shown.');
  const load = async (file: File) => {
    setStatus(`Reading ${file.name}…`);
    try {
      const arrays = parseNpz(new Uint8Array(await file.arrayBuffer()));
      const test = arrays.test_images;
      if (test?.dtype !== '|u1' || test.shape.length !== 3 || test.shape[1] !== 28 || test.shape[2] !== 28) {
        throw new Error('this file has no 28 × 28 uint8 test_images array; is it pneumoniamnist.npz?');
      }
      setImages(test);
      setStatus(`Loaded ${test.shape[0]} test images from ${file.name} (read in this browser only).`);
    } catch (e) {
      setImages(null);
      setStatus(`Could not read the file: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const image = (index: number): Uint8Array | null =>
    images && index >= 0 && index < (images.shape[0] ?? 0)
      ? (images.data as Uint8Array).subarray(index * 784, index * 784 + 784)
      : null;
  return { load, status, image, loaded: images !== null };
}

function Metric({ name, children }: { name: string; children: ReactNode }): ReactElement {
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>{children}</td>
    </tr>
  );
}

function ReliabilityPlot({ bins, title }: { bins: Reliability[]; title: string }): ReactElement {
  const used = bins.filter((b) => b.count > 0);
  return (
    <LinePlot
      title={title}
      testId="reliability"
      width={300}
      height={240}
      series={[
        {
          name: 'perfect calibration',
          points: [
            [0, 0],
            [1, 1],
          ],
          color: '#888',
          dashed: true,
        },
        {
          name: 'observed',
          points: used.map((b) => [b.meanPredicted, b.fractionPositive]),
          color: 'var(--ifm-color-primary)',
        },
      ]}
      xLabel="mean predicted probability"
      yLabel="fraction with pneumonia"
      xDomain={[0, 1]}
      yDomain={[0, 1]}
      xTicks={[0, 0.5, 1]}
      yTicks={[0, 0.5, 1]}
    />
  );
}

/** The page body for one run (exported for the tests, which render it with a fixture run). */
export function Results({ r }: { r: PneumoniaResults }): ReactElement {
  const id = useId();
  const dataset = useDataset();
  const n = r.testCases.labels.length;
  const [indexText, setIndexText] = useState('0');
  const index = Math.min(n - 1, Math.max(0, Math.trunc(Number(indexText)) || 0));
  const computed = useMemo(() => {
    const { labels, probabilities } = r.testCases;
    const before = binaryCrossEntropy(labels, probabilities) as number;
    const scaled = probabilities.map((p) => logit(p) / r.calibration.temperature);
    const after = sigmoidCrossEntropy(labels, scaled) as number;
    return { before, after };
  }, [r]);
  const caseLabel = r.testCases.labels[index] ?? 0;
  const caseP = r.testCases.probabilities[index] ?? Number.NaN;
  const caseImage = dataset.image(index);
  const curveUrl = useBaseUrl('/generated/loss-curve.svg');
  return (
    <>
      <h2 id="run">The run</h2>
      <p>
        {r.meta.model.description} ({r.meta.model.params.toLocaleString('en')} parameters), trained for{' '}
        {r.meta.epochs} epochs with TF.js {r.meta.tfjs} on the {r.meta.backend} backend (Node {r.meta.node})
        in {Math.round(r.meta.trainSeconds)} s on {r.meta.date}; seed {r.meta.seed}; positive weight{' '}
        {r.meta.posWeight}; best epoch {r.meta.bestEpoch}. Data: {r.meta.dataset.name} ({r.meta.dataset.train}{' '}
        / {r.meta.dataset.val} / {r.meta.dataset.test} train / validation / test images). Command:{' '}
        <code>{r.meta.command}</code>.
      </p>
      <h2 id="loss-curves">Loss curves</h2>
      <LinePlot
        title={`Training and validation cross-entropy in nats over ${r.epochs.length} epochs`}
        testId="loss-curves"
        series={[
          {
            name: 'training loss',
            points: r.epochs.map((e) => [e.epoch, e.trainLoss]),
            color: 'var(--ifm-color-primary)',
          },
          {
            name: 'validation loss',
            points: r.epochs.map((e) => [e.epoch, e.valLoss]),
            color: '#d35400',
            dashed: true,
          },
        ]}
        xLabel="epoch"
        yLabel="cross-entropy (nats)"
        xDomain={[Math.min(...r.epochs.map((e) => e.epoch)), Math.max(...r.epochs.map((e) => e.epoch))]}
        yDomain={[0, Math.max(...r.epochs.flatMap((e) => [e.trainLoss, e.valLoss])) * 1.1]}
      />
      {curve.available ? (
        <figure>
          <img
            src={curveUrl}
            alt="Loss curve drawn by the training example: training and validation cross-entropy per epoch"
            style={{ maxWidth: 520 }}
          />
          <figcaption>The loss curve committed by the training example.</figcaption>
        </figure>
      ) : (
        <NotYet what="the committed loss curve" source={curve.source} />
      )}
      <h2 id="test-metrics">Test metrics</h2>
      <table data-testid="test-metrics">
        <tbody>
          <Metric name="cross-entropy (nats / bits)">
            {formatLoss(r.test.crossEntropy, 4)} / {formatLoss(r.test.crossEntropyBits, 4)}
          </Metric>
          <Metric name="cross-entropy recomputed here from the test probabilities">
            <span data-testid="recomputed-ce">{formatLoss(computed.before, 4)}</span> nats
          </Metric>
          <Metric name="accuracy">{formatPercent(r.test.accuracy)}</Metric>
          <Metric name="sensitivity (pneumonia found)">{formatPercent(r.test.sensitivity)}</Metric>
          <Metric name="specificity (normal cleared)">{formatPercent(r.test.specificity)}</Metric>
          <Metric name="AUROC">{r.test.auroc.toFixed(4)}</Metric>
          <Metric name="expected calibration error">{r.test.ece.toFixed(4)}</Metric>
          <Metric name="Brier score">{r.test.brier.toFixed(4)}</Metric>
          <Metric name="test images">
            {r.test.n} ({r.test.positives} pneumonia, {r.test.negatives} normal)
          </Metric>
        </tbody>
      </table>
      <h2 id="choose-your-copy">Your copy of the images</h2>
      <p>
        The site ships no image from the dataset. To see the X-rays next to their numbers, choose your own
        copy of MedMNIST's <code>pneumoniamnist.npz</code> (from MedMNIST's records on Zenodo); it is read in
        this browser and sent nowhere.
      </p>
      <div className="xent-inputs">
        <label htmlFor={`${id}-file`}>PneumoniaMNIST file (.npz)</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".npz"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void dataset.load(file);
          }}
        />
      </div>
      <p role="status" data-testid="npz-status">
        {dataset.status}
      </p>
      <p className="xent-attribution">
        PneumoniaMNIST, MedMNIST v2, CC BY 4.0: J. Yang et al., “MedMNIST v2 — A large-scale lightweight
        benchmark for 2D and 3D biomedical image classification”, <em>Scientific Data</em> 10, 41 (2023); D.
        S. Kermany et al., “Identifying Medical Diagnoses and Treatable Diseases by Image-Based Deep
        Learning”, <em>Cell</em> 172(5), 1122–1131 (2018).
      </p>
      <h2 id="test-cases">Test cases by index</h2>
      <div className="xent-inputs">
        <label htmlFor={`${id}-index`}>Test image index (0–{n - 1})</label>
        <input
          id={`${id}-index`}
          type="number"
          min={0}
          max={n - 1}
          step={1}
          value={indexText}
          onChange={(e) => setIndexText(e.target.value)}
        />
      </div>
      <div className="xent-case">
        {caseImage && (
          <XrayImage pixels={caseImage} alt={`Test X-ray ${index}, labelled ${label(caseLabel)}`} />
        )}
        <table data-testid="test-case">
          <tbody>
            <Metric name="label">{label(caseLabel)}</Metric>
            <Metric name="predicted probability of pneumonia">{formatPercent(caseP, 2)}</Metric>
            <Metric name="cross-entropy in results.json (nats)">
              {formatLoss(r.testCases.crossEntropy[index] ?? Number.NaN, 4)}
            </Metric>
            <Metric name="cross-entropy computed here (nats)">
              <span data-testid="case-ce">
                {formatLoss(binaryCrossEntropy(caseLabel, caseP) as number, 4)}
              </span>
            </Metric>
            <Metric name="cross-entropy computed here (bits)">
              {formatLoss(binaryCrossEntropy(caseLabel, caseP, { base: 2 }) as number, 4)}
            </Metric>
          </tbody>
        </table>
      </div>
      <h2 id="worked-example-on-real-cases">The worked example on real cases</h2>
      <p>The test images whose predicted probability came closest to the worked example's numbers:</p>
      <table>
        <thead>
          <tr>
            <th scope="col">target probability</th>
            <th scope="col">test image</th>
            <th scope="col">label</th>
            <th scope="col">predicted</th>
            <th scope="col">cross-entropy (nats / bits)</th>
            <th scope="col">computed here (nats)</th>
            {dataset.loaded && <th scope="col">X-ray</th>}
          </tr>
        </thead>
        <tbody>
          {r.workedExample.map((w) => {
            const img = dataset.image(w.index);
            return (
              <tr key={`${w.target}-${w.index}`}>
                <td>{formatPercent(w.target, 0)}</td>
                <td>{w.index}</td>
                <td>{label(w.label)}</td>
                <td>{formatPercent(w.probability, 2)}</td>
                <td>
                  {formatLoss(w.crossEntropy)} / {formatLoss(w.crossEntropyBits)}
                </td>
                <td>{formatLoss(binaryCrossEntropy(w.label, w.probability) as number)}</td>
                {dataset.loaded && (
                  <td>
                    {img && (
                      <XrayImage
                        pixels={img}
                        alt={`Test X-ray ${w.index}, labelled ${label(w.label)}`}
                        scale={2}
                      />
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2 id="confident-mistakes">Confident mistakes</h2>
      <p>
        The test images with the highest loss: the model was sure, and wrong. Cross-entropy punishes these
        most — a prediction of 1 % for an X-ray that shows pneumonia costs −ln 0.01 ≈ 4.6 nats, as much as
        about 230 correct predictions at 98 %.
      </p>
      <table data-testid="confident-mistakes">
        <thead>
          <tr>
            <th scope="col">test image</th>
            <th scope="col">label</th>
            <th scope="col">predicted probability of pneumonia</th>
            <th scope="col">cross-entropy (nats)</th>
            {dataset.loaded && <th scope="col">X-ray</th>}
          </tr>
        </thead>
        <tbody>
          {r.confidentMistakes.map((m) => {
            const img = dataset.image(m.index);
            return (
              <tr key={m.index}>
                <td>{m.index}</td>
                <td>{label(m.label)}</td>
                <td>{formatPercent(m.probability, 2)}</td>
                <td>{formatLoss(m.crossEntropy)}</td>
                {dataset.loaded && (
                  <td>
                    {img && (
                      <XrayImage
                        pixels={img}
                        alt={`Test X-ray ${m.index}, labelled ${label(m.label)}, predicted ${formatPercent(m.probability, 0)} pneumonia`}
                        scale={2}
                      />
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2 id="calibration">Calibration before and after temperature</h2>
      <p>
        Temperature scaling divides every logit by one number T, fitted on the validation split by minimising
        the cross-entropy there. It changes no ranking (AUROC and accuracy stay put) and only moves the
        probabilities; whether it helps on the test split, which it never saw, is what the table shows. Here T
        = {r.calibration.temperature.toFixed(3)}.
      </p>
      <table data-testid="calibration">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">cross-entropy (nats)</th>
            <th scope="col">ECE</th>
            <th scope="col">Brier</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">before</th>
            <td>{formatLoss(r.calibration.before.crossEntropy, 4)}</td>
            <td>{r.calibration.before.ece.toFixed(4)}</td>
            <td>{r.calibration.before.brier.toFixed(4)}</td>
          </tr>
          <tr>
            <th scope="row">after (T = {r.calibration.temperature.toFixed(3)})</th>
            <td>{formatLoss(r.calibration.after.crossEntropy, 4)}</td>
            <td>{r.calibration.after.ece.toFixed(4)}</td>
            <td>{r.calibration.after.brier.toFixed(4)}</td>
          </tr>
          <tr>
            <th scope="row">
              computed here from the test probabilities: before / after dividing the logits by T
            </th>
            <td colSpan={3}>
              {formatLoss(computed.before, 4)} /{' '}
              <span data-testid="recomputed-after">{formatLoss(computed.after, 4)}</span>
            </td>
          </tr>
        </tbody>
      </table>
      <div className="xent-heatmaps">
        <ReliabilityPlot
          bins={r.calibration.before.reliability}
          title="Reliability diagram before temperature scaling: observed fraction with pneumonia against mean predicted probability per bin"
        />
        <ReliabilityPlot
          bins={r.calibration.after.reliability}
          title="Reliability diagram after temperature scaling"
        />
      </div>
    </>
  );
}

/** The PneumoniaMNIST page's body: everything read from the committed results.json at build time. */
export default function RealXrays(): ReactElement {
  if (!data.available) return <NotYet what="the training example's results" source={data.source} />;
  return <Results r={data.results} />;
}
