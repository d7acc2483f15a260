// Builds airlock's minified CommonJS bundles (start-up matters): dist/airlock-main.cjs for the
// hot paths and dist/airlock-full.cjs for everything, with the rule packs compiled in (as a
// JSON string) so no run parses YAML; dist/airlock.cjs, the boot loader; and the Ink UI.

import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
  format: 'cjs',
  packages: 'external',
  logLevel: 'warning',
  outfile: join(root, 'dist', 'build', 'load-packs.cjs'),
});
const { loadPackTexts } = createRequire(import.meta.url)(join(root, 'dist', 'build', 'load-packs.cjs'));
const { packs: loaded, problems } = loadPackTexts(packs);
if (problems.length > 0) {
  for (const p of problems)
    console.error(`${p.file}:${p.line ?? 0}: ${p.rule ?? ''} ${p.message} (${p.fix})`);
  process.exit(1);
}

// Built-ins outside Node's start-up snapshot cost milliseconds each to load (crypto ~4 ms,
// child_process with net and streams ~2 ms), and most runs never call them: a `check` of
// `git status` spawns nothing and hashes nothing. Each import of one of them becomes an
// object whose properties load the real module on first use.
const lazyBuiltins = [
  'crypto',
  'child_process',
  'tty',
  'net',
  'stream',
  'zlib',
  'readline',
  'worker_threads',
];
const lazyBuiltinsPlugin = {
  name: 'lazy-builtins',
  setup(b) {
    const filter = new RegExp(`^(node:)?(${lazyBuiltins.join('|')})$`);
    b.onResolve({ filter }, (args) =>
      args.namespace === 'lazy-builtin'
        ? { path: args.path, external: true }
        : { path: args.path.replace(/^(node:)?/, 'node:'), namespace: 'lazy-builtin' },
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => {
      const keys = Object.keys(createRequire(import.meta.url)(args.path));
      return {
        loader: 'js',
        contents: `let real;
const load = () => (real ??= require(${JSON.stringify(args.path)}));
for (const key of ${JSON.stringify(keys)})
  Object.defineProperty(exports, key, { enumerable: true, get: () => load()[key] });`,
      };
    });
  },
};

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: process.env.AIRLOCK_BUILD_UNMINIFIED !== '1',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  // import.meta.url computed on first use: building a file URL costs ~0.4 ms of every start.
  define: { 'process.env.NODE_ENV': '"production"', 'import.meta.url': '__airlockMeta.url' },
  banner: { js: "const __airlockMeta={get url(){return require('url').pathToFileURL(__filename).href}};" },
  // better-sqlite3's JavaScript is bundled; its native addon is found next to the bundle
  // (src/audit/driver.ts), so no node_modules lookup happens at run time.
  external: [
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
  plugins: [lazyBuiltinsPlugin],
};

const version = JSON.stringify(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
// The start-up bundle: what an allowed command through a shim, `sh` or the hook, and a single
// `check`, need. Its `cold` (src/cold.ts) is replaced by src/cold-handover.ts, which hands any
// other run to the full bundle, so refusals, approvals, undo, probes, the approval queue, the
// audit store and the management commands stay out of every start. Its packs carry no examples
// (only `airlock rules` reads them, from the full bundle).
const coldHandover = {
  name: 'cold-handover',
  setup(b) {
    b.onResolve({ filter: /\/cold\.js$/ }, (args) =>
      args.importer.startsWith(join(root, 'src')) && !args.importer.endsWith('cold-handover.ts')
        ? { path: join(root, 'src', 'cold-handover.ts') }
        : undefined,
    );
  },
};
const { toolsOf } = createRequire(import.meta.url)(join(root, 'dist', 'build', 'load-packs.cjs'));
// Each pack's rules as JSON text, parsed when a command of one of its tools comes up
// (src/commands/packs.ts): a `git status` parses the git pack alone.
const ruleToolsOf = (rules) => [...new Set(rules.flatMap((rule) => toolsOf(rule.match) ?? []))].sort();
const embed = (packs) =>
  JSON.stringify(
    packs.map(({ rules, ...pack }) => ({
      ...pack,
      ruleTools: ruleToolsOf(rules),
      rulesJson: JSON.stringify(rules),
    })),
  );
// A literal, not a JSON string: each rule text then stays a constant of the compiled bundle.
if (loaded.some((pack) => pack.rules.some((rule) => toolsOf(rule.match) === undefined))) {
  console.error('a built-in rule names no tool: classify would have to read every pack for every command');
  process.exit(1);
}
// The start-up bundle's packs name a file beside it for their rules (dist/packs/<name>.json,
// read when a command of one of its tools comes up), without examples: ~90 KB of rule text in
// the bundle cost every start reading it and its code cache deserializing it (~0.5 ms).
rmSync(join(root, 'dist', 'packs'), { recursive: true, force: true });
mkdirSync(join(root, 'dist', 'packs'), { recursive: true });
const leanPacks = loaded.map(({ rules, ...pack }, index) => {
  const file = `packs/${String(index).padStart(2, '0')}.json`;
  writeFileSync(
    join(root, 'dist', file),
    JSON.stringify(rules.map(({ examples: _examples, ...rule }) => rule)),
  );
  return {
    ...pack,
    ruleTools: ruleToolsOf(rules),
    rulesFile: file,
  };
});
const hot = await build({
  ...common,
  entryPoints: [join(root, 'src', 'cli.ts')],
  outfile: join(root, 'dist', 'airlock-main.cjs'),
  plugins: [...common.plugins, coldHandover],
  metafile: true,
  define: {
    ...common.define,
    __AIRLOCK_VERSION__: version,
    __AIRLOCK_PACKS__: JSON.stringify(leanPacks),
  },
});
await build({
  ...common,
  entryPoints: [join(root, 'src', 'cli-full.ts')],
  outfile: join(root, 'dist', 'airlock-full.cjs'),
  define: {
    ...common.define,
    __AIRLOCK_VERSION__: version,
    __AIRLOCK_PACKS__: embed(loaded),
  },
});
// esbuild escapes non-ASCII text everywhere but in regular expression literals (`/[│╷╵]/`).
// One such character makes Node decode the whole bundle as UTF-8 into a two-byte string
// (~1 ms of every start); an ASCII bundle is read as latin1 into a one-byte string. In a
// regex, `\uXXXX` matches the same character (and surrogate pairs the same code point).
for (const name of ['airlock-main.cjs', 'airlock-full.cjs']) {
  const file = join(root, 'dist', name);
  const text = readFileSync(file, 'utf8');
  const ascii = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (ascii !== text) writeFileSync(file, ascii);
}
// What must never be in the start-up bundle: each would cost every guarded command its load.
{
  const inputs = Object.keys(hot.metafile.outputs[Object.keys(hot.metafile.outputs)[0]].inputs);
  const forbidden = [
    ['better-sqlite3', 'node_modules/better-sqlite3/'],
    ['the audit store', 'src/audit/store.ts'],
    ['the approval flow', 'src/approve/ask.ts'],
    ['the probes', 'src/probes/'],
    ['undo', 'src/undo/'],
    ['the management commands', 'src/commands/program.ts'],
    ['the full guarded flow', 'src/commands/guard-flow.ts'],
  ];
  for (const [what, path] of forbidden) {
    const found = inputs.find((input) => input.startsWith(path));
    if (found !== undefined) {
      console.error(`dist/airlock-main.cjs contains ${what} (${found}): reach it through src/cold.ts`);
      process.exit(1);
    }
  }
}
// libpg-query's JavaScript (its Emscripten glue and index) as one bundle beside its WASM, so the
// boot loader runs it from a code cache like airlock's own: a psql line with SQL otherwise
// resolves and compiles ~80 KB from node_modules on every check (~3 ms).
const parserBundle = (specifier, name) =>
  build({
    entryPoints: [createRequire(import.meta.url).resolve(specifier)],
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: process.env.AIRLOCK_BUILD_UNMINIFIED !== '1',
    legalComments: 'none',
    logLevel: 'warning',
    outfile: join(root, 'dist', name),
  });
await parserBundle('libpg-query', 'pg-parser.cjs');
copyFileSync(
  join(dirname(createRequire(import.meta.url).resolve('libpg-query')), 'libpg-query.wasm'),
  join(root, 'dist', 'libpg-query.wasm'),
);
// node-sql-parser's MySQL and SQLite builds beside it, for the same reason: ~300 KB each that a
// plain require compiles afresh in every run that reads MySQL or SQLite statements.
for (const dialect of ['mysql', 'sqlite'])
  await parserBundle(`node-sql-parser/build/${dialect}.js`, `sql-${dialect}.cjs`);
await build({
  ...common,
  minify: false,
  banner: {},
  entryPoints: [join(root, 'src', 'boot.ts')],
  outfile: join(root, 'dist', 'airlock.cjs'),
});
console.log(
  `built dist/airlock.cjs, airlock-main.cjs and airlock-full.cjs with ${loaded.length} packs, ${loaded.reduce((n, p) => n + p.rules.length, 0)} rules`,
);

// The Ink UI (prompt and inbox) in its own bundle, loaded by the CLI only when a person is asked:
// ESM because yoga-layout starts with a top-level await; production React; no devtools.
const stub = (contents) => ({ contents, loader: 'js' });
await build({
  entryPoints: [join(root, 'src', 'approve', 'ui', 'main.tsx')],
  outfile: join(root, 'dist', 'ui.mjs'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  minify: process.env.AIRLOCK_BUILD_UNMINIFIED !== '1',
  legalComments: 'none',
  logLevel: 'warning',
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  // yoga-layout's loader fetch()es its inline WASM when fetch exists, and the first touch of
  // fetch loads Node's undici (~50 ms): hidden while the bundle loads, put back at its end.
  banner: {
    js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);const __fetch=Object.getOwnPropertyDescriptor(globalThis,'fetch');if(__fetch)Object.defineProperty(globalThis,'fetch',{value:void 0,configurable:true,writable:true});",
  },
  footer: { js: "if(__fetch)Object.defineProperty(globalThis,'fetch',__fetch);" },
  plugins: [
    {
      name: 'ui-stubs',
      setup(b) {
        b.onResolve({ filter: /^(react-devtools-core|is-in-ci)$/ }, (args) => ({
          path: args.path,
          namespace: 'stub',
        }));
        // The prompt always draws on a terminal it opened, whatever CI variables say.
        b.onLoad({ filter: /^is-in-ci$/, namespace: 'stub' }, () => stub('export default false;'));
        b.onLoad({ filter: /^react-devtools-core$/, namespace: 'stub' }, () =>
          stub('export default { initialize() {}, connectToDevTools() {} };'),
        );
      },
    },
  ],
});
// Every command would pay for React if it slipped into the main bundle.
if (readFileSync(join(root, 'dist', 'airlock-main.cjs'), 'utf8').includes('__CLIENT_INTERNALS_DO_NOT_USE')) {
  console.error('dist/airlock-main.cjs contains React: the Ink UI must load only from dist/ui.mjs');
  process.exit(1);
}
// The CommonJS door to it: Node's own loader runs this import(), whatever loaded the caller.
writeFileSync(
  join(root, 'dist', 'ui.cjs'),
  "'use strict';\nmodule.exports = () => import(require('node:url').pathToFileURL(require('node:path').join(__dirname, 'ui.mjs')).href);\n",
);
console.log('built dist/ui.mjs (ink and react, loaded only to ask a person)');
