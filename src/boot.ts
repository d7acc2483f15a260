// dist/airlock.cjs: compiles airlock's bundles with a V8 code cache kept per user and per
// Node version, so every command skips most of the parse-and-compile work (~12 ms of a
// ~50 ms start). Any problem with the cache falls back to a plain require. It starts the
// start-up bundle (airlock-main.cjs); that one loads the full bundle (airlock-full.cjs)
// through here when a run needs more than the hot paths (see src/cold.ts).

import { isAscii } from 'node:buffer';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import Module from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import vm from 'node:vm';

type Bundle = Record<string, unknown>;

const startUp = 'airlock-main.cjs';
const full = 'airlock-full.cjs';

function cacheDir(env: NodeJS.ProcessEnv): string {
  if (env.AIRLOCK_HOME) return join(env.AIRLOCK_HOME, 'cache');
  const xdg = env.XDG_CACHE_HOME;
  return join(xdg?.startsWith('/') ? xdg : join(env.HOME || homedir(), '.cache'), 'airlock');
}

/** Cache writes waiting for the end of the run (or for a V8 flag change, see below). */
const unwritten: (() => void)[] = [];

function writeCachesNow(): void {
  for (const write of unwritten.splice(0)) write();
}

/** V8 flags set so far in this process, by the boot loader or by airlock itself. */
const flagsSet = new Set<string>();

/**
 * V8 rejects, in every later process, a cache written after a flag changed: a flag change
 * the boot loader did not foresee (see `sqlRun` below) writes the waiting caches first.
 */
function watchFlagChanges(): void {
  const v8 = require('node:v8') as typeof import('node:v8');
  const setFlags = v8.setFlagsFromString;
  v8.setFlagsFromString = (flags: string) => {
    if (!flagsSet.has(flags)) {
      flagsSet.add(flags);
      writeCachesNow();
    }
    setFlags(flags);
  };
}

let watching = false;

function writeCachesLater(write: () => void): void {
  // Written at exit, after the run compiled the functions it used: a warmer cache.
  if (unwritten.length === 0) process.once('exit', writeCachesNow);
  // Only a run with a cache to write watches: loading node:v8 costs ~2 ms of a start.
  if (!watching) {
    watching = true;
    watchFlagChanges();
  }
  unwritten.push(write);
}

/** A short tag for a path (FNV-1a): no crypto module to load for it. */
function pathTag(path: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) hash = Math.imul(hash ^ path.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** Compiles dist/<name> with its code cache; returns how to run it. Runs nothing itself. */
function prepare(name: string, kind: string): () => Bundle {
  const file = join(__dirname, name);
  // The build keeps the bundles ASCII: read as latin1 each becomes a one-byte string without
  // UTF-8 decoding (~1 ms less than readFileSync(file, 'utf8') for 700 KB).
  const bytes = readFileSync(file);
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  const stamp = statSync(file);
  // A new bundle or another Node gets a new cache file; V8 also rejects a mismatched one.
  const base = name.replace(/\.cjs$/, '');
  // The install's directory is in the name too: two installs sharing one cache directory (a
  // global one and a project's) would otherwise each remove the other's caches as stale.
  const untagged = `${base}-${kind}${process.version}-${process.arch}-`;
  const prefix = `${untagged}${pathTag(__dirname)}-`;
  const cacheName = `${prefix}${stamp.size}-${Math.floor(stamp.mtimeMs)}.cache`;
  const dir = cacheDir(process.env);
  const cacheFile = join(dir, cacheName);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script((Module as unknown as { wrap(s: string): string }).wrap(source), {
    filename: file,
    cachedData,
    importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  } as vm.ScriptOptions);
  if (cachedData === undefined || script.cachedDataRejected) {
    writeCachesLater(() => {
      // A run the start-up bundle handed to the full one compiled little of its own hot path:
      // its cache would leave the next runs compiling the rest on every start.
      if (name === startUp && loaded.has(full)) return;
      try {
        // The bundle may run a common path of this kind over sample input first (src/warm-up.ts).
        try {
          (loaded.get(name)?.warmUp as ((kind: string) => void) | undefined)?.(kind);
        } catch {}
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
        renameSync(tmp, cacheFile);
        removeStaleCaches(dir, prefix, untagged, cacheName);
      } catch {
        // No cache this time; the next run tries again.
      }
    });
  }
  const mod = new Module(file, module) as Module & { filename: string; paths: string[] };
  mod.filename = file;
  mod.paths = (Module as unknown as { _nodeModulePaths(d: string): string[] })._nodeModulePaths(
    dirname(file),
  );
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  const requireFromBundle = Object.assign((id: string) => mod.require(id), {
    resolve: (id: string) =>
      (Module as unknown as { _resolveFilename(r: string, p: Module): string })._resolveFilename(id, mod),
  });
  return () => {
    wrapper.call(mod.exports, mod.exports, requireFromBundle, mod, file, dirname(file));
    return mod.exports as Bundle;
  };
}

/**
 * Caches of earlier builds of the same bundle, from this install, for the same Node: each new
 * build would otherwise leave one behind. Caches for other Node versions and other installs
 * stay (several may be in use).
 */
function removeStaleCaches(dir: string, prefix: string, untagged: string, keep: string): void {
  for (const entry of readdirSync(dir)) {
    // `code-…`: the one cache file of airlock versions with a single bundle; `untagged`: names
    // from versions before the install's tag, `<size>-<mtime>.cache` right after the arch.
    if (
      entry !== keep &&
      (entry.startsWith(prefix) ||
        entry.startsWith('code-') ||
        (entry.startsWith(untagged) && /^\d+-\d+\.cache$/.test(entry.slice(untagged.length)))) &&
      entry.endsWith('.cache')
    ) {
      try {
        unlinkSync(join(dir, entry));
      } catch {}
    }
  }
}

const loaded = new Map<string, Bundle>();

/** Loads a bundle once, with its code cache when that works, else with a plain require. */
function load(name: string, kind = ''): Bundle {
  const done = loaded.get(name);
  if (done !== undefined) return done;
  // Only preparing may fall back: the bundle itself must run exactly once.
  let run: () => Bundle;
  try {
    run = prepare(name, kind);
  } catch {
    run = () => require(join(__dirname, name)) as Bundle;
  }
  const bundle = run();
  loaded.set(name, bundle);
  return bundle;
}

// Node marks the main-context loader for import() inside vm scripts as experimental and warns
// the first time a lazy module (the SQL parser, the prompt UI) is imported; that note is ours
// to keep off the user's terminal. Every other warning passes through.
const emitWarning = process.emitWarning;
process.emitWarning = function filtered(this: NodeJS.Process, warning: string | Error, ...rest: unknown[]) {
  if (String(warning).includes('USE_MAIN_CONTEXT_DEFAULT_LOADER')) return;
  return (emitWarning as (...args: unknown[]) => void).call(this, warning, ...rest);
} as typeof process.emitWarning;

// Each kind of run keeps its own cache of what it compiles: loading a cache costs by its size
// (~1 ms per 200 KB here), and a shim judging an argv never runs the shell parser that a line
// needs, while a batch compiles most of the bundle.
const invokedAs = process.env.AIRLOCK_INVOKED_AS;
const entryKind =
  (invokedAs !== undefined && invokedAs !== 'airlock' && invokedAs !== 'airlock-sh') ||
  process.argv[2] === 'run'
    ? 'argv-'
    : process.argv[2] === 'check' && process.argv.includes('--batch')
      ? 'batch-'
      : '';
// A run that may parse SQL sets the flag its WASM parser needs (src/tools/sql/postgres.ts)
// before anything compiles, and keeps caches of its own, made under that flag: otherwise each
// such run would write its caches early (before the flag) and incomplete, or not at all.
// Every SQL client's name contains `sql` or `maria` (the test prepareEvaluation makes first).
const words = invokedAs !== undefined ? [invokedAs, ...process.argv.slice(2)] : process.argv.slice(2);
const sqlRun = entryKind !== 'batch-' && words.some((word) => word.includes('sql') || word.includes('maria'));
// A batch spends most of its time before TurboFan's code arrives, and TurboFan competes with
// it for the second core: without inlining (slow to compile, and a deoptimized caller drops
// its inlined callees too) a corpus batch takes ~15% less time, without loop peeling and load
// elimination another ~4% (measured interleaved, 14 runs each). Measured on Node 20's V8 11:
// later V8s tier up through Maglev, so they keep their defaults until measured there. It sets
// the SQL flag up front as well, so its cache is made once.
const batchTuning = process.versions.v8.startsWith('11.')
  ? ['--no-turbo-inlining', '--no-turbo-loop-peeling', '--no-turbo-load-elimination']
  : [];
const bootFlags = sqlRun
  ? ['--liftoff-only']
  : entryKind === 'batch-'
    ? ['--liftoff-only', ...batchTuning]
    : [];
for (const flag of bootFlags) {
  flagsSet.add(flag);
  (require('node:v8') as typeof import('node:v8')).setFlagsFromString(flag);
}
const kind = `${sqlRun ? 'sql-' : ''}${entryKind}`;
// The start-up bundle hands a run over to the full one (dist/airlock-full.cjs), and loads the
// SQL parser (dist/pg-parser.cjs), through this: their caches follow the run's V8 flags too.
(globalThis as Record<symbol, unknown>)[Symbol.for('airlock.loadBundle')] = (name: string) =>
  load(name, sqlRun ? 'sql-' : entryKind === 'batch-' ? 'batch-' : '');
(load(startUp, kind).start as () => void)();
