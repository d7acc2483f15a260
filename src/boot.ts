// dist/airlock.cjs: compiles the main bundle with a V8 code cache kept per user and per
// Node version, so every command skips most of the parse-and-compile work (~12 ms of a
// ~50 ms start). Any problem with the cache falls back to a plain require.

import { isAscii } from 'node:buffer';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import vm from 'node:vm';

const main = join(__dirname, 'airlock-main.cjs');

function cacheDir(env: NodeJS.ProcessEnv): string {
  if (env.AIRLOCK_HOME) return join(env.AIRLOCK_HOME, 'cache');
  const xdg = env.XDG_CACHE_HOME;
  return join(xdg?.startsWith('/') ? xdg : join(env.HOME || homedir(), '.cache'), 'airlock');
}

/** Compiles the main bundle with the code cache; returns how to run it. Runs nothing itself. */
function prepare(): () => void {
  // The build keeps the bundle ASCII: read as latin1 it becomes a one-byte string without
  // UTF-8 decoding (~1 ms less than readFileSync(main, 'utf8') for 700 KB).
  const bytes = readFileSync(main);
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  const stamp = statSync(main);
  // A new bundle or another Node gets a new cache file; V8 also rejects a mismatched one.
  // A batch compiles most of the bundle, and its larger cache would cost every single check
  // ~2 ms to load: batches keep their own.
  const kind = process.argv[2] === 'check' && process.argv.includes('--batch') ? 'batch-' : '';
  const name = `code-${kind}${process.version}-${process.arch}-${stamp.size}-${Math.floor(stamp.mtimeMs)}.cache`;
  const dir = cacheDir(process.env);
  const file = join(dir, name);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(file);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script((Module as unknown as { wrap(s: string): string }).wrap(source), {
    filename: main,
    cachedData,
    importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  } as vm.ScriptOptions);
  if (cachedData === undefined || script.cachedDataRejected) {
    let write: (() => void) | undefined = () => {
      write = undefined;
      try {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
        renameSync(tmp, file);
      } catch {
        // No cache this time; the next run tries again.
      }
    };
    // Written at exit, after the run compiled the functions it used: a warmer cache.
    process.once('exit', () => write?.());
    // V8 rejects, in every later process, a cache written after a flag changed (the SQL
    // parser sets --liftoff-only): such a run writes it just before the change instead.
    const v8 = require('node:v8') as typeof import('node:v8');
    const setFlags = v8.setFlagsFromString;
    v8.setFlagsFromString = (flags: string) => {
      v8.setFlagsFromString = setFlags;
      write?.();
      setFlags(flags);
    };
  }
  const mod = new Module(main, module) as Module & { filename: string; paths: string[] };
  mod.filename = main;
  mod.paths = (Module as unknown as { _nodeModulePaths(d: string): string[] })._nodeModulePaths(
    dirname(main),
  );
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  const requireFromMain = Object.assign((id: string) => mod.require(id), {
    resolve: (id: string) =>
      (Module as unknown as { _resolveFilename(r: string, p: Module): string })._resolveFilename(id, mod),
  });
  return () => wrapper.call(mod.exports, mod.exports, requireFromMain, mod, main, dirname(main));
}

// Node marks the main-context loader for import() inside vm scripts as experimental and warns
// the first time a lazy module (the SQL parser, the prompt UI) is imported; that note is ours
// to keep off the user's terminal. Every other warning passes through.
const emitWarning = process.emitWarning;
process.emitWarning = function filtered(this: NodeJS.Process, warning: string | Error, ...rest: unknown[]) {
  if (String(warning).includes('USE_MAIN_CONTEXT_DEFAULT_LOADER')) return;
  return (emitWarning as (...args: unknown[]) => void).call(this, warning, ...rest);
} as typeof process.emitWarning;

// Only preparing may fall back: the bundle itself must run exactly once.
let run: () => void;
try {
  run = prepare();
} catch {
  run = () => require(main);
}
run();
