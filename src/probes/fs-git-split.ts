// Splits the files a delete would remove into git-tracked, untracked and ignored, and finds
// uncommitted changes among them: two git calls per repository, never one per file.

import { lstatSync, realpathSync } from 'node:fs';
import { basename, dirname, relative } from 'node:path';
import { findGitRepo } from '../tools/git-repo.js';
import { realFs } from '../tools/real-fs.js';
import type { ProbeContext } from './types.js';

export interface GitSplit {
  tracked: number;
  untracked: number;
  ignored: number;
  /** Tracked files with uncommitted changes (staged or not). */
  modified: number;
  modifiedItems: string[];
  /** Paths in no git repository. */
  outsideGit: string[];
  /** Repository roots the paths lie in. */
  repos: string[];
  /** Why some paths could not be split (git failed). */
  problems: string[];
}

/** The real location of a path without following its last component (rm removes a link itself). */
export function realLocation(path: string): string {
  try {
    return `${realpathSync(dirname(path))}/${basename(path)}`.replace(/^\/\//, '/');
  } catch {
    return path;
  }
}

function repoOf(path: string): string | undefined {
  const isDir = lstatSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
  return findGitRepo(isDir ? path : dirname(path), realFs)?.root;
}

function fields(stdout: string): string[] {
  return stdout.split('\0').filter((f) => f !== '');
}

async function splitRepo(ctx: ProbeContext, root: string, paths: string[], out: GitSplit): Promise<void> {
  const specs = paths.map((p) => relative(root, p) || '.');
  const base = ['--literal-pathspecs', '-C', root];
  const [listed, status] = await Promise.all([
    ctx.exec('git', [...base, 'ls-files', '-z', '--', ...specs], { cwd: root }),
    ctx.exec(
      'git',
      [
        ...base,
        'status',
        '--porcelain=v1',
        '-z',
        '--ignored=traditional',
        '--untracked-files=all',
        '--',
        ...specs,
      ],
      { cwd: root },
    ),
  ]);
  if (listed.code !== 0 || status.code !== 0) {
    out.problems.push(`git in ${root}: ${(listed.stderr || status.stderr).trim().split('\n')[0]}`);
    return;
  }
  out.repos.push(root);
  out.tracked += fields(listed.stdout).length;
  const entries = fields(status.stdout);
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as string;
    const code = entry.slice(0, 2);
    if (code === '??') out.untracked++;
    else if (code === '!!') out.ignored++;
    else {
      // A tracked file deleted from the work tree is not there for rm to remove.
      if (code[1] !== 'D') {
        out.modified++;
        if (out.modifiedItems.length < ctx.maxItems) out.modifiedItems.push(`${root}/${entry.slice(3)}`);
      }
      // Renames and copies carry their source path in the next field.
      if (code[0] === 'R' || code[0] === 'C') i++;
    }
  }
}

/** Groups the paths by repository and asks each repository once. */
export async function splitByGit(ctx: ProbeContext, paths: readonly string[]): Promise<GitSplit> {
  const out: GitSplit = {
    tracked: 0,
    untracked: 0,
    ignored: 0,
    modified: 0,
    modifiedItems: [],
    outsideGit: [],
    repos: [],
    problems: [],
  };
  const byRepo = new Map<string, string[]>();
  for (const path of paths) {
    const real = realLocation(path);
    const root = repoOf(real);
    if (root === undefined) out.outsideGit.push(path);
    else byRepo.set(root, [...(byRepo.get(root) ?? []), real]);
  }
  await Promise.all([...byRepo].map(([root, inRepo]) => splitRepo(ctx, root, inRepo, out)));
  return out;
}
