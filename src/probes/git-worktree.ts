// The git-worktree probe: the uncommitted changes a command throws away (reset --hard,
// checkout/restore of paths, switch --discard-changes, worktree remove --force), and the
// commits a reset leaves behind.

import type { Invocation } from '../tools/invocation.js';
import { formatCount } from './fs-format.js';
import type { ProbeResult } from './fs-removal.js';
import { measureRepositoryDelete } from './git-repository.js';
import { type GitRunner, gitRunner, lines, parseNumstat } from './git-run.js';
import { registerProbe } from './registry.js';
import type { Probe, ProbeContext } from './types.js';

const has = (inv: Invocation, name: string) => inv.flags[name] !== undefined;

/** Pathspecs as written, for git calls made from the command's directory. */
function pathspecs(inv: Invocation): string[] {
  return inv.targets.filter((t) => t.kind === 'path').map((t) => t.value ?? t.pattern ?? '.');
}

/** What `git diff --numstat` must compare to see what the command overwrites. */
function diffBase(inv: Invocation): { args: string[]; paths: string[] } {
  const verb = inv.subcommand[0];
  const paths = pathspecs(inv);
  if (verb === 'reset' || (verb === 'checkout' && has(inv, 'force')) || verb === 'switch')
    return { args: ['HEAD'], paths: verb === 'reset' || verb === 'switch' ? [] : paths };
  if (verb === 'restore') {
    const source = inv.flags.source?.at(-1);
    const staged = has(inv, 'staged');
    return { args: source !== undefined ? [source] : staged ? ['HEAD'] : [], paths };
  }
  // `git checkout TREE -- paths` overwrites index and work tree from TREE; without a tree, from the index.
  const treeish = inv.positionals.length > paths.length ? inv.positionals[0] : undefined;
  return { args: treeish === undefined ? [] : [treeish], paths };
}

async function lostCommits(git: GitRunner, inv: Invocation): Promise<number> {
  const target = inv.subcommand[0] === 'reset' ? inv.positionals[0] : undefined;
  if (target === undefined) return 0;
  const branch = (await git.tryRun(['symbolic-ref', '-q', '--short', 'HEAD'])).stdout.trim();
  const exclude = branch === '' ? [] : [`--exclude=${branch}`];
  const out = await git([
    'rev-list',
    '--count',
    'HEAD',
    '--not',
    `${target}^{commit}`,
    ...exclude,
    '--branches',
    '--tags',
    '--remotes',
  ]);
  return Number(out.trim());
}

/** `git worktree remove --force PATH`: its changes and its untracked files go with it. */
async function measureWorktreeRemove(inv: Invocation, ctx: ProbeContext): Promise<ProbeResult> {
  const dir = inv.targets.find((t) => t.kind === 'path')?.resolved;
  if (dir === undefined) throw new Error('the work tree to remove is not known');
  const run = async (args: string[]) => {
    const r = await ctx.exec('git', ['-C', dir, ...args], { cwd: dir });
    if (r.code !== 0) throw new Error(`git ${args[0]} in ${dir}: ${r.stderr.trim().split('\n')[0]}`);
    return r.stdout;
  };
  const [diff, untracked] = await Promise.all([
    run(['diff', '--numstat', '-z', 'HEAD']),
    run(['ls-files', '--others', '--exclude-standard']).then((o) => lines(o).length),
  ]);
  const stat = parseNumstat(diff, ctx.maxItems);
  const lost = stat.files + untracked;
  return {
    summary: `${formatCount(stat.files, 'file')} with uncommitted changes (+${stat.added} −${stat.removed} lines) and ${formatCount(untracked, 'untracked file')} deleted with ${dir}`,
    counts: { files: stat.files, linesAdded: stat.added, linesRemoved: stat.removed, untracked },
    items: stat.paths,
    recoverability: lost === 0 ? 'recoverable' : 'not recoverable',
    recovery:
      lost === 0
        ? 'nothing uncommitted is lost; git worktree add recreates it'
        : 'uncommitted work in that tree is not in git',
  };
}

export async function measureWorktree(inv: Invocation, ctx: ProbeContext): Promise<ProbeResult> {
  const git = gitRunner(inv, ctx);
  if (inv.subcommand[0] === 'worktree') return measureWorktreeRemove(inv, ctx);
  const base = diffBase(inv);
  const reset = inv.subcommand[0] === 'reset';
  const [diff, untracked, commits] = await Promise.all([
    git(['diff', '--numstat', '-z', ...base.args, '--', ...base.paths]),
    reset
      ? git(['ls-files', '--others', '--exclude-standard']).then((o) => lines(o).length)
      : Promise.resolve(0),
    lostCommits(git, inv),
  ]);
  const stat = parseNumstat(diff, ctx.maxItems);
  const parts: string[] = [];
  parts.push(
    stat.files === 0
      ? 'no uncommitted changes lost'
      : `${formatCount(stat.files, 'file')} with uncommitted changes lost (+${stat.added} −${stat.removed} lines${stat.binary > 0 ? `, ${stat.binary} binary` : ''})`,
  );
  if (reset && untracked > 0)
    parts.push(`${formatCount(untracked, 'untracked file')} stay (reset --hard does not remove them)`);
  if (commits > 0)
    parts.push(`${formatCount(commits, 'commit')} left unreachable (kept in the reflog for now)`);
  const recovery: string[] = [];
  if (commits > 0) recovery.push('commits: git reset --hard ORIG_HEAD or git reflog');
  if (stat.files > 0) recovery.push('uncommitted changes are not in git and cannot be restored by git');
  return {
    summary: parts.join('; '),
    counts: { files: stat.files, linesAdded: stat.added, linesRemoved: stat.removed, untracked, commits },
    items: stat.paths,
    recoverability: stat.files === 0 ? 'recoverable' : 'not recoverable',
    recovery: recovery.join('; ') || 'nothing is lost',
  };
}

export const gitWorktreeProbe: Probe = {
  name: 'git-worktree',
  measure(subject, ctx) {
    const inv = subject.invocation;
    // `rm -rf .git` names this probe too: the repository's history is what goes.
    if (inv.tool !== 'git') return measureRepositoryDelete(inv, ctx);
    return measureWorktree(inv, ctx);
  },
};

registerProbe(gitWorktreeProbe);
