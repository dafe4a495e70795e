import { createRequire } from 'node:module';
import type * as Preset from '@docusaurus/preset-classic';
import type { Config } from '@docusaurus/types';
import { themes as prismThemes } from 'prism-react-renderer';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';

const require = createRequire(import.meta.url);
process.env.NO_UPDATE_NOTIFIER = '1';

/** One typedoc run per package, each into its own folder under docs/api. */
function typedocFor(name: 'core' | 'arrays' | 'tfjs'): [string, Record<string, unknown>] {
  return [
    'docusaurus-plugin-typedoc',
    {
      id: `api-${name}`,
      entryPoints: [`../../packages/${name}/src/index.ts`],
      tsconfig: `../../packages/${name}/tsconfig.json`,
      out: `docs/api/${name}`,
      name: `@xent/${name}`,
      readme: 'none',
      excludePrivate: true,
      excludeInternal: true,
      skipErrorChecking: true,
      disableSources: true,
      hidePageHeader: true,
      // TSDoc text such as `cw_{y_n}` would otherwise be read as JSX by MDX.
      sanitizeComments: true,
      parametersFormat: 'table',
      sidebar: { autoConfiguration: false },
      logLevel: 'Warn',
    },
  ];
}

const config: Config = {
  title: 'xent',
  tagline: 'Cross-entropy for JavaScript, exact in float64, with radiology worked through.',
  url: 'http://localhost:3000',
  baseUrl: '/',
  trailingSlash: false,
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  markdown: { hooks: { onBrokenMarkdownLinks: 'throw' } },
  favicon: 'img/favicon.svg',
  i18n: { defaultLocale: 'en', locales: ['en'] },
  future: { v4: true, faster: true },
  presets: [
    [
      'classic',
      {
        docs: {
          routeBasePath: '/',
          sidebarPath: './sidebars.ts',
          remarkPlugins: [remarkMath],
          rehypePlugins: [rehypeKatex],
        },
        blog: false,
        theme: {
          customCss: [require.resolve('katex/dist/katex.min.css'), './src/css/custom.css'],
        },
        sitemap: { lastmod: null, changefreq: null, priority: null },
      } satisfies Preset.Options,
    ],
  ],
  plugins: [typedocFor('core'), typedocFor('arrays'), typedocFor('tfjs')],
  themeConfig: {
    navbar: {
      title: 'xent',
      logo: { alt: 'xent logo: a falling −log q curve', src: 'img/favicon.svg' },
      items: [
        { type: 'docSidebar', sidebarId: 'docs', position: 'left', label: 'Docs' },
        { to: '/examples/pneumonia', label: 'Radiology examples', position: 'left' },
        { to: '/api', label: 'API', position: 'left' },
        { to: '/parity', label: 'Parity', position: 'left' },
        { to: '/benchmarks', label: 'Benchmarks', position: 'left' },
        { to: '/changelog', label: 'Changelog', position: 'left' },
      ],
    },
    footer: {
      style: 'dark',
      copyright:
        'xent — MIT licence. PneumoniaMNIST results: MedMNIST v2 (Yang et al., Scientific Data 2023), CC BY 4.0.',
    },
    prism: { theme: prismThemes.github, darkTheme: prismThemes.dracula, additionalLanguages: ['python'] },
    colorMode: { respectPrefersColorScheme: true },
  } satisfies Preset.ThemeConfig,
};

export default config;
