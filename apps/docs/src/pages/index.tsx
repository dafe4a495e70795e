import Link from '@docusaurus/Link';
import ExampleCode from '@site/src/components/ExampleCode';
import PneumoniaCalculator from '@site/src/components/PneumoniaCalculator';
import CodeBlock from '@theme/CodeBlock';
import Layout from '@theme/Layout';
import type { ReactElement } from 'react';

const PACKAGES: Array<{ name: string; what: string; install: string; example: string | null }> = [
  {
    name: '@xent/arrays',
    what: 'The losses over plain JavaScript numbers, nested arrays and typed arrays, exact in float64, with analytic gradients. Runs anywhere: Node, browsers, workers.',
    install: 'npm install @xent/arrays',
    example: 'quickstart-arrays.ts',
  },
  {
    name: '@xent/tfjs',
    what: 'The same functions, options and errors over TensorFlow.js tensors: differentiable, on any backend, usable as a Layers model loss.',
    install: 'npm install @xent/tfjs @tensorflow/tfjs-core',
    example: 'quickstart-tfjs.ts',
  },
  {
    name: '@xent/core',
    what: 'The definitions both adapters share: option types, validation, reductions, the float64 reference kernels and mergeable meters. You rarely install it yourself.',
    install: 'npm install @xent/core',
    example: null,
  },
];

export default function Home(): ReactElement {
  return (
    <Layout
      title="Cross-entropy for JavaScript"
      description="xent: cross-entropy and related losses for JavaScript, exact in float64, for plain arrays and TensorFlow.js, explained with radiology."
    >
      <header className="xent-hero">
        <h1>xent</h1>
        <p className="hero__subtitle">
          Cross-entropy, focal loss, KL divergence and entropy for JavaScript — exact in float64 over plain
          arrays, differentiable over TensorFlow.js tensors — with the same names, options and errors in both.
        </p>
        <p>
          <Link className="button button--primary button--lg" to="/getting-started">
            Get started
          </Link>{' '}
          <Link className="button button--secondary button--lg" to="/examples/pneumonia">
            Try the pneumonia example
          </Link>
        </p>
      </header>
      <main className="container">
        <section>
          <h2>What xent is</h2>
          <p>
            A model that reads a chest X-ray says “pneumonia, 51 %”. If the X-ray does show pneumonia, how bad
            was that answer? Cross-entropy answers with one number: −ln 0.51 ≈ 0.673 nats. A confident right
            answer (98 %) costs 0.020; a confident wrong one (1 %) costs 4.6. Training a classifier means
            making the average of this number small. xent computes it — and its relatives (softmax, sigmoid,
            focal, KL, entropy) — without NaN or infinity where the true value is finite, refuses bad input
            with a clear error instead of guessing, and documents where PyTorch, Keras, TensorFlow.js and
            Optax give different numbers for the same words.
          </p>
          <PneumoniaCalculator truth={1} />
        </section>
        <section className="xent-features">
          {PACKAGES.map((p) => (
            <div key={p.name}>
              <h2>{p.name}</h2>
              <p>{p.what}</p>
              <CodeBlock language="bash">{p.install}</CodeBlock>
            </div>
          ))}
        </section>
        <section className="xent-quickstarts">
          <h2>Thirty seconds with each adapter</h2>
          {PACKAGES.filter((p) => p.example !== null).map((p) => (
            <div key={p.name}>
              <h3>{p.name}</h3>
              <ExampleCode file={p.example as string} />
            </div>
          ))}
          <p>
            Every example on this site runs in the test suite, and the values in its comments are checked
            against a 50-digit reference. Next: <Link to="/concepts">the concepts</Link>, the{' '}
            <Link to="/examples/pneumonia">radiology examples</Link> or <Link to="/api">the API</Link>.
          </p>
        </section>
      </main>
    </Layout>
  );
}
