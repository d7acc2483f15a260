// What `rm -rf .git` (or a part of it) destroys: the repository's history, its branches and
// stashes, and the commits no remote has; plus the files themselves.

import { basename, dirname } from 'node:path';
import type { Invocation } from '../tools/invocation.js';
import { formatCount } from './fs-format.js';
import { measureRemoval, type ProbeResult } from './fs-removal.js';
import { pathOperands, rmSelection } from './rm-tree.js';
import type { ProbeContext } from './types.js';

/** The `.git` directory a path is, or lies in. */
function gitDirOf(path: string): string | undefined {
  for (let p = path; p !== '/' && p !== '.'; p = dirname(p)) if (basename(p) === '.git') return p;
  return undefined;
}

async function history(ctx: ProbeContext, gitDir: string) {
  const run = async (args: string[]) => {
    const r = await ctx.exec('git', [`--git-dir=${gitDir}`, ...args], { cwd: dirname(gitDir) });
    if (r.code !== 0) throw new Error(`git ${args[0]}: ${r.stderr.trim().split('\n')[0]}`);
    return r.stdout.trim();
  };
  const [commits, branches, unpushed, stashes] = await Promise.all([
    run(['rev-list', '--all', '--count']),
    run(['for-each-ref', '--format=x', 'refs/heads']),
    run(['rev-list', '--count', '--branches', '--tags', '--not', '--remotes']),
    run(['rev-list', '--walk-reflogs', '--count', 'refs/stash']).catch(() => '0'),
  ]);
  return {
    commits: Number(commits),
    branches: branches === '' ? 0 : branches.split('\n').length,
    unpushed: Number(unpushed),
    stashes: Number(stashes),
  };
}

export async function measureRepositoryDelete(inv: Invocation, ctx: ProbeContext): Promise<ProbeResult> {
  const operands = pathOperands(inv, ctx.cwd);
  const selected = rmSelection(inv, operands.paths);
  const files = await measureRemoval(selected.paths, ctx, {
    recurse: true,
    notes: selected.notes,
    unknown: operands.unknown,
  });
  const gitDirs = [...new Set(selected.paths.map(gitDirOf).filter((d): d is string => d !== undefined))];
  if (gitDirs.length === 0) return files;
  const found = await Promise.all(gitDirs.map((d) => history(ctx, d).catch(() => undefined)));
  const totals = { commits: 0, branches: 0, unpushed: 0, stashes: 0 };
  for (const h of found)
    if (h) for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += h[k];
  const parts = [
    `repository history: ${formatCount(totals.commits, 'commit')} on ${formatCount(totals.branches, 'branch', 'branches')}`,
    totals.unpushed > 0
      ? `${formatCount(totals.unpushed, 'commit')} on no remote`
      : 'every commit is on a remote',
  ];
  if (totals.stashes > 0) parts.push(`${formatCount(totals.stashes, 'stash', 'stashes')}`);
  return {
    ...files,
    summary: `${parts.join('; ')}; ${files.summary}`,
    counts: { ...files.counts, ...totals },
    recoverability: 'not recoverable',
    recovery:
      totals.unpushed > 0
        ? 'commits on no remote, stashes, the index and local config go for good'
        : 'history can be cloned again from the remote; stashes, the index and local config go for good',
  };
}
