import examples from '@site/src/generated/examples.json';
import CodeBlock from '@theme/CodeBlock';
import type { ReactElement } from 'react';

const sources = examples as Record<string, string>;

/**
 * Shows one file of `apps/docs/examples/` as a code block. Those files are the only TypeScript on the site;
 * a test runs every one of them and checks the results they print against their stated values.
 */
export default function ExampleCode({ file }: { file: string }): ReactElement {
  const source = sources[file];
  if (source === undefined) throw new Error(`ExampleCode: no example file named ${file}`);
  // The license header and the test marker lines are for the repository, not the reader.
  const shown = source
    .split('\n')
    .filter((line) => !line.startsWith('// @check'))
    .join('\n');
  return (
    <CodeBlock language="ts" title={`examples/${file}`}>
      {shown}
    </CodeBlock>
  );
}
