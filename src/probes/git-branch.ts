// The git-branch probe: the commits only a deleted or moved branch holds (branch -D,
// checkout -B / switch -C over an existing branch, update-ref -d).

import type { Invocation } from '../tools/invocation.js';
import { formatCount } from './fs-format.js';
import { type GitRunner, gitRunner } from './git-run.js';
import { registerProbe } from './registry.js';
import type { Probe } from './types.js';

interface Loss {
  ref: string;
  tip?: string;
  commits: number;
}

/** Commits reachable from `ref` and from nothing else (after it moves to `newStart`). */
async function onlyOn(git: GitRunner, ref: string, newStart?: string): Promise<Loss> {
  const full = ref.startsWith('refs/') ? ref : `refs/heads/${ref}`;
  const tip = await git.tryRun(['rev-parse', '--verify', '-q', `${full}^{commit}`]);
  if (!tip.ok) return { ref, commits: 0 };
  const short = full.startsWith('refs/heads/') ? full.slice('refs/heads/'.length) : undefined;
  const others =
    short !== undefined
      ? [`--exclude=${short}`, '--branches', '--tags', '--remotes']
      : [`--exclude=${full}`, '--all'];
  const out = await git(['rev-list', '--count', full, '--not', ...(newStart ? [newStart] : []), ...others]);
  return { ref, tip: tip.stdout.trim(), commits: Number(out.trim()) };
}

function refsOf(inv: Invocation): { ref: string; start?: string }[] {
  const verb = inv.subcommand[0];
  if (verb === 'checkout' || verb === 'switch') {
    const name = (inv.flags['force-branch'] ?? inv.flags['force-create'])?.at(-1);
    return name === undefined ? [] : [{ ref: name, start: inv.positionals[0] ?? 'HEAD' }];
  }
  return inv.targets.filter((t) => t.value !== undefined).map((t) => ({ ref: t.value as string }));
}

export const gitBranchProbe: Probe = {
  name: 'git-branch',
  async measure(subject, ctx) {
    const git = gitRunner(subject.invocation, ctx);
    const losses = await Promise.all(refsOf(subject.invocation).map((r) => onlyOn(git, r.ref, r.start)));
    const lost = losses.reduce((n, l) => n + l.commits, 0);
    const existing = losses.filter((l) => l.tip !== undefined);
    const parts = existing.map((l) => `${l.ref}: ${formatCount(l.commits, 'commit')} on no other branch`);
    return {
      summary: existing.length === 0 ? 'no such branch' : parts.join('; '),
      counts: { commits: lost, refs: existing.length },
      items: existing.map((l) => `${l.ref} ${l.tip?.slice(0, 12)}`),
      recoverability: lost === 0 ? 'recoverable' : 'not recoverable',
      recovery:
        lost === 0
          ? 'every commit is on another branch'
          : `only until git gc, by hash: ${existing.map((l) => `git branch ${l.ref} ${l.tip?.slice(0, 12)}`).join('; ')}`,
    };
  },
};

registerProbe(gitBranchProbe);
