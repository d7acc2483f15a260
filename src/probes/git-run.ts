// How git probes call git: in the repository the command acts on (its `-C`, `--git-dir`,
// `--work-tree`), never with the command's `-c` settings, and failing loudly as a value.

import { isAbsolute, join } from 'node:path';
import type { Invocation } from '../tools/invocation.js';
import type { ProbeContext } from './types.js';

const withValue = new Set([
  '-C',
  '-c',
  '--git-dir',
  '--work-tree',
  '--namespace',
  '--config-env',
  '--exec-path',
]);

/** The global options a probe's own git calls must repeat, and the directory git starts in. */
export function gitLocation(invocation: Invocation, cwd: string): { dir: string; globals: string[] } {
  let dir = invocation.command.cwd ?? cwd;
  const globals: string[] = [];
  const argv = invocation.command.argv.map((w) => w.value ?? w.text);
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('-')) break;
    const [name, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const value = withValue.has(name) && inline === undefined ? argv[++i] : inline;
    if (name === '-C' && value !== undefined) dir = isAbsolute(value) ? value : join(dir, value);
    // `-c core.fsmonitor=…` would run a program: the probe keeps only where git looks.
    else if ((name === '--git-dir' || name === '--work-tree') && value !== undefined)
      globals.push(`${name}=${isAbsolute(value) ? value : join(dir, value)}`);
  }
  return { dir, globals };
}

export interface GitRunner {
  dir: string;
  /** stdout of a git call; throws with git's message when it fails. */
  (args: readonly string[]): Promise<string>;
  /** The same call, with failure as a value. */
  tryRun(args: readonly string[]): Promise<{ ok: boolean; stdout: string; stderr: string }>;
}

export function gitRunner(invocation: Invocation, ctx: ProbeContext): GitRunner {
  const { dir, globals } = gitLocation(invocation, ctx.cwd);
  const tryRun = async (args: readonly string[]) => {
    const result = await ctx.exec('git', [...globals, ...args], { cwd: dir });
    return { ok: result.code === 0, stdout: result.stdout, stderr: result.stderr };
  };
  const run = async (args: readonly string[]) => {
    const result = await tryRun(args);
    if (!result.ok) throw new Error(`git ${args[0]}: ${result.stderr.trim().split('\n')[0] ?? 'failed'}`);
    return result.stdout;
  };
  return Object.assign(run, { dir, tryRun });
}

export interface NumStat {
  files: number;
  added: number;
  removed: number;
  binary: number;
  paths: string[];
}

/** Totals of `git diff --numstat -z` output. */
export function parseNumstat(stdout: string, maxItems: number): NumStat {
  const out: NumStat = { files: 0, added: 0, removed: 0, binary: 0, paths: [] };
  const fields = stdout.split('\0');
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i] as string;
    if (field === '') continue;
    const [added, removed, path] = field.split('\t');
    // A rename: the numbers, then an empty path, then source and destination fields.
    let name = path;
    if (path === '') {
      i += 2;
      name = fields[i];
    }
    out.files++;
    if (added === '-') out.binary++;
    else {
      out.added += Number(added);
      out.removed += Number(removed);
    }
    if (name !== undefined && out.paths.length < maxItems) out.paths.push(name);
  }
  return out;
}

export function lines(stdout: string): string[] {
  return stdout.split('\n').filter((l) => l !== '');
}
