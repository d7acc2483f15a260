// What runs for an `rm` airlock keeps a way back from: rm's own checks, messages and exit
// status (-r, -f, -d, -i, -I, -v, preserve-root), but the paths go to airlock's trash.

import { lstatSync, readdirSync, readSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { moveToTrash, type TrashResult } from './trash.js';

export interface RmFlags {
  recursive: boolean;
  force: boolean;
  dir: boolean;
  interactive: 'never' | 'once' | 'always';
  verbose: boolean;
  preserveRoot: boolean;
  operands: string[];
}

export type RmParse = { ok: true; flags: RmFlags } | { ok: false; message: string };

const longs: Record<string, (f: RmFlags) => void> = {
  recursive: (f) => {
    f.recursive = true;
  },
  force: (f) => {
    f.force = true;
    f.interactive = 'never';
  },
  dir: (f) => {
    f.dir = true;
  },
  verbose: (f) => {
    f.verbose = true;
  },
  'no-preserve-root': (f) => {
    f.preserveRoot = false;
  },
  'preserve-root': (f) => {
    f.preserveRoot = true;
  },
  'one-file-system': () => {},
};

/** rm's argv as GNU getopt reads it; unsupported options make the caller fall back to the real rm. */
export function parseRmArgs(args: readonly string[]): RmParse {
  const f: RmFlags = {
    recursive: false,
    force: false,
    dir: false,
    interactive: 'never',
    verbose: false,
    preserveRoot: true,
    operands: [],
  };
  let options = true;
  for (const arg of args) {
    if (!options || arg === '-' || !arg.startsWith('-')) f.operands.push(arg);
    else if (arg === '--') options = false;
    else if (arg.startsWith('--')) {
      const [name, value] = arg.slice(2).split('=', 2) as [string, string | undefined];
      if (name === 'interactive') {
        f.interactive =
          value === 'never' || value === 'no' || value === 'none'
            ? 'never'
            : value === 'once'
              ? 'once'
              : 'always';
        if (f.interactive !== 'never') f.force = false;
      } else if (longs[name] !== undefined) longs[name](f);
      else return { ok: false, message: `unrecognized option '${arg}'` };
    } else {
      for (const letter of arg.slice(1)) {
        if (letter === 'r' || letter === 'R') f.recursive = true;
        else if (letter === 'f') longs.force?.(f);
        else if (letter === 'd') f.dir = true;
        else if (letter === 'v') f.verbose = true;
        else if (letter === 'i' || letter === 'I') {
          f.interactive = letter === 'i' ? 'always' : 'once';
          f.force = false;
        } else return { ok: false, message: `invalid option -- '${letter}'` };
      }
    }
  }
  return { ok: true, flags: f };
}

export interface RmIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** One answer line from the user (rm reads stdin). */
  ask(question: string): boolean;
}

export function stdinAsk(stderr: (t: string) => void): (question: string) => boolean {
  return (question) => {
    stderr(question);
    const buffer = Buffer.alloc(256);
    let n = 0;
    try {
      n = readSync(0, buffer, 0, buffer.length, null);
    } catch {
      return false;
    }
    return /^[yY]/.test(buffer.toString('utf8', 0, n));
  };
}

function kindOf(path: string): string {
  const stat = lstatSync(path);
  if (stat.isDirectory()) return 'directory';
  if (stat.isSymbolicLink()) return 'symbolic link';
  return stat.size === 0 ? 'regular empty file' : 'regular file';
}

function listRemoved(path: string, shown: string, out: string[]): void {
  const stat = lstatSync(path, { throwIfNoEntry: false });
  if (stat === undefined) return;
  if (stat.isDirectory()) {
    let names: string[] = [];
    try {
      names = readdirSync(path);
    } catch {
      // rm would report the unreadable directory itself.
    }
    for (const name of names) listRemoved(join(path, name), `${shown}/${name}`, out);
    out.push(`removed directory '${shown}'\n`);
  } else out.push(`removed '${shown}'\n`);
}

export interface RmToTrashRequest {
  args: readonly string[];
  cwd: string;
  trashDir: string;
  limitBytes: number;
  command: string;
  io: RmIo;
  /** The undo id to use (the one the prompt already showed). */
  id?: string;
  renameOnly?: boolean;
}

export type RmToTrashResult = { exitCode: number; trash?: TrashResult };

/** Applies rm's rules to each operand, then moves the survivors to the trash in one entry. */
export async function rmToTrash(request: RmToTrashRequest, flags: RmFlags): Promise<RmToTrashResult> {
  const { io } = request;
  const fail = (message: string) => io.stderr(`rm: ${message}\n`);
  let status = 0;
  if (flags.operands.length === 0) {
    if (flags.force) return { exitCode: 0 };
    fail("missing operand\nTry 'rm --help' for more information.");
    return { exitCode: 1 };
  }
  if (flags.interactive === 'once' && (flags.recursive || flags.operands.length > 3)) {
    const what = flags.operands.length === 1 ? '1 argument' : `${flags.operands.length} arguments`;
    if (!io.ask(`rm: remove ${what}${flags.recursive ? ' recursively' : ''}? `)) return { exitCode: 0 };
  }
  const chosen: { written: string; path: string }[] = [];
  for (const written of flags.operands) {
    const path = isAbsolute(written) ? written : join(request.cwd, written);
    const stat = lstatSync(path, { throwIfNoEntry: false });
    const name = basename(written.replace(/\/+$/, ''));
    if (name === '.' || name === '..') {
      fail(`refusing to remove '.' or '..' directory: skipping '${written}'`);
      status = 1;
    } else if (stat === undefined) {
      if (!flags.force) {
        fail(`cannot remove '${written}': No such file or directory`);
        status = 1;
      }
    } else if (flags.recursive && flags.preserveRoot && resolve(path) === '/') {
      fail(
        "it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe",
      );
      status = 1;
    } else if (stat.isDirectory() && !flags.recursive && !flags.dir) {
      fail(`cannot remove '${written}': Is a directory`);
      status = 1;
    } else if (stat.isDirectory() && !flags.recursive && readdirSync(path).length > 0) {
      fail(`cannot remove '${written}': Directory not empty`);
      status = 1;
    } else if (flags.interactive === 'always' && !io.ask(`rm: remove ${kindOf(path)} '${written}'? `)) {
      // Answered no: rm skips it and does not fail.
    } else chosen.push({ written, path: path.replace(/(.)\/+$/, '$1') });
  }
  if (chosen.length === 0) return { exitCode: status };
  // rm -v names every entry it removes, each directory after its contents.
  const listing: string[] = [];
  if (flags.verbose) for (const c of chosen) listRemoved(c.path, c.written.replace(/(.)\/+$/, '$1'), listing);
  const trash = await moveToTrash({
    trashDir: request.trashDir,
    paths: chosen.map((c) => c.path),
    command: request.command,
    cwd: request.cwd,
    limitBytes: request.limitBytes,
    id: request.id,
    renameOnly: request.renameOnly,
  });
  if (!trash.ok) {
    if (trash.reason === 'error') fail(`cannot remove '${trash.failed}': ${trash.message}`);
    return { exitCode: trash.reason === 'error' ? 1 : status, trash };
  }
  for (const line of listing) io.stdout(line);
  return { exitCode: status, trash };
}
