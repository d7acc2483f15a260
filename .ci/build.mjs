// Builds dist/airlock.cjs: one minified CommonJS bundle (start-up matters), with the
// rule packs compiled in (as a JSON string) so the hot path never parses YAML.

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
mkdirSync(join(root, 'dist'), { recursive: true });

const packs = readdirSync(join(root, 'rules'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => ({ file: `rules/${f}`, text: readFileSync(join(root, 'rules', f), 'utf8') }));
// Compiled at build time by the same loader the runtime uses for user packs.
await build({
  entryPoints: [join(root, 'src', 'classify', 'load-packs.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
  outfile: join(root, 'dist', 'build', 'load-packs.mjs'),
});
const { loadPackTexts } = await import(pathToFileURL(join(root, 'dist', 'build', 'load-packs.mjs')).href);
const { packs: loaded, problems } = loadPackTexts(packs);
if (problems.length > 0) {
  for (const p of problems)
    console.error(`${p.file}:${p.line ?? 0}: ${p.rule ?? ''} ${p.message} (${p.fix})`);
  process.exit(1);
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"', 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl=require('url').pathToFileURL(__filename).href;" },
  external: [
    'better-sqlite3',
    'node-pty',
    'libpg-query',
    'node-sql-parser',
    'yaml',
    'cosmiconfig',
    'ink',
    'react',
    'commander',
    'react-devtools-core',
  ],
  loader: { '.json': 'json' },
};

await build({
  ...common,
  entryPoints: [join(root, 'src', 'cli.ts')],
  outfile: join(root, 'dist', 'airlock.cjs'),
  define: {
    ...common.define,
    __AIRLOCK_VERSION__: JSON.stringify(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version),
    __AIRLOCK_PACKS_JSON__: JSON.stringify(JSON.stringify(loaded)),
  },
});
console.log(
  `built dist/airlock.cjs with ${loaded.length} packs, ${loaded.reduce((n, p) => n + p.rules.length, 0)} rules`,
);
