// Finds the real program behind a shim: a PATH search like the shell's, except that it never
// returns airlock itself (a shim, a shim directory, the launcher), so a shim cannot run itself.

import { accessSync, constants, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { exitCodes } from './exit-codes.js';
import { isAirlockLauncher, launcherRealpathSet, realpathOrUndefined, SHIM_DIR_MARKER } from './launcher.js';

export type MissingReason = 'not-found' | 'not-executable' | 'is-a-directory' | 'airlock-itself';

export type RealBinary =
  | { path: string }
  | {
      missing: true;
      reason: MissingReason;
      /** The file that was found but cannot be used (not executable, or airlock itself). */
      path?: string;
    };

export type ResolveOptions = {
  /** Directories holding airlock's shims; compared by realpath, so symlinked aliases count too. */
  shimDirs: readonly string[];
  /** airlock's launcher scripts (bin/airlock, bin/airlock-sh); compared by realpath. */
  launcherPaths?: readonly string[];
  /** Base for a program given as a relative path with a slash (`./deploy.sh`). */
  cwd?: string;
};

/** What bash and glibc search when PATH is unset. */
const DEFAULT_PATH = '/usr/local/bin:/usr/bin:/bin';

type Candidate = 'none' | 'not-executable' | 'executable';

function inspectCandidate(path: string): Candidate {
  const stat = statSync(path, { throwIfNoEntry: false });
  // A directory named like the program is not a candidate, as in the shell.
  if (stat === undefined || !stat.isFile()) return 'none';
  try {
    accessSync(path, constants.X_OK);
    return 'executable';
  } catch {
    return 'not-executable';
  }
}

/**
 * Searches PATH (from `env`) for `program` and returns the first executable that is not airlock.
 *
 * Skipped, on purpose:
 * - empty and relative PATH entries. The shell treats them as the current directory; a file
 *   named `rm` dropped in the working directory must not become what airlock runs as "the real rm".
 * - the shim directories (by realpath: the same directory twice, or reached through a symlink).
 * - any directory marked as an airlock shim directory (another install's shims).
 * - any candidate that resolves to an airlock launcher (a shim elsewhere, or airlock itself).
 *
 * A program given with a slash is used as is, unless it is airlock itself.
 */
export function findRealBinary(program: string, env: NodeJS.ProcessEnv, options: ResolveOptions): RealBinary {
  const launchers = launcherRealpathSet(options.launcherPaths ?? []);
  if (program.includes('/')) return checkExplicitPath(resolve(options.cwd ?? '.', program), launchers);
  if (program === '') return { missing: true, reason: 'not-found' };

  const shimDirs = new Set<string>();
  for (const dir of options.shimDirs) shimDirs.add(realpathOrUndefined(dir) ?? resolve(dir));

  let notExecutable: string | undefined;
  for (const entry of (env.PATH ?? DEFAULT_PATH).split(':')) {
    if (entry === '' || !isAbsolute(entry)) continue;
    const candidate = join(entry, program);
    const kind = inspectCandidate(candidate);
    if (kind === 'none') continue;
    // Only directories that hold a candidate pay for a realpath.
    const dirReal = realpathOrUndefined(entry);
    if (dirReal === undefined || shimDirs.has(dirReal)) continue;
    if (statSync(join(dirReal, SHIM_DIR_MARKER), { throwIfNoEntry: false }) !== undefined) continue;
    if (kind === 'not-executable') {
      notExecutable ??= candidate;
      continue;
    }
    if (isAirlockLauncher(candidate, launchers)) continue;
    return { path: candidate };
  }
  if (notExecutable !== undefined) return { missing: true, reason: 'not-executable', path: notExecutable };
  return { missing: true, reason: 'not-found' };
}

function checkExplicitPath(path: string, launchers: ReadonlySet<string>): RealBinary {
  const kind = inspectCandidate(path);
  if (kind === 'none') {
    const stat = statSync(path, { throwIfNoEntry: false });
    return stat?.isDirectory()
      ? { missing: true, reason: 'is-a-directory', path }
      : { missing: true, reason: 'not-found', path };
  }
  if (kind === 'not-executable') return { missing: true, reason: 'not-executable', path };
  // `airlock run -- ~/.local/share/airlock/shims/rm` would call the shim again: refuse.
  if (isAirlockLauncher(path, launchers)) return { missing: true, reason: 'airlock-itself', path };
  return { path };
}

/** The shell's exit status for the same failure: 127 not found, 126 cannot execute, 97 a loop. */
export function exitCodeForMissing(reason: MissingReason): number {
  if (reason === 'not-found') return exitCodes.notFound;
  if (reason === 'airlock-itself') return exitCodes.shimLoop;
  return exitCodes.notExecutable;
}

/** The message a shell prints for the same failure, prefixed with airlock's name. */
export function describeMissing(program: string, missing: { reason: MissingReason; path?: string }): string {
  switch (missing.reason) {
    case 'not-found':
      return program.includes('/')
        ? `airlock: ${program}: No such file or directory\n`
        : `airlock: ${program}: command not found\n`;
    case 'not-executable':
      return `airlock: ${program}: Permission denied\n`;
    case 'is-a-directory':
      return `airlock: ${program}: Is a directory\n`;
    case 'airlock-itself':
      return `airlock: ${program}: is an airlock shim; refusing to run it from airlock (it would loop)\n`;
  }
}
