// The git-stash probe: which stash entries `stash drop` / `stash clear` delete, and how much
// work each holds (files and lines, untracked files stored with it).

import { formatCount } from './fs-format.js';
import type { ProbeResult } from './fs-removal.js';
import { gitRunner, parseNumstat } from './git-run.js';
import { registerProbe } from './registry.js';
import type { Probe } from './types.js';

export const gitStashProbe: Probe = {
  name: 'git-stash',
  async measure(subject, ctx): Promise<ProbeResult> {
    const inv = subject.invocation;
    const git = gitRunner(inv, ctx);
    const listed = await git(['stash', 'list', '--format=%gd%x00%H%x00%s']);
    const all = listed
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => {
        const [name, sha, message] = l.split('\0') as [string, string, string];
        return { name, sha, message };
      });
    const which = inv.subcommand[1] === 'clear' ? undefined : (inv.positionals[0] ?? 'stash@{0}');
    const normalized = which === undefined ? undefined : /^\d+$/.test(which) ? `stash@{${which}}` : which;
    const dropped =
      normalized === undefined
        ? all
        : all.filter((s) => s.name === normalized || s.sha.startsWith(normalized));
    if (dropped.length === 0) {
      return {
        summary: `no stash ${normalized ?? ''} to drop`.trim(),
        counts: { stashes: 0 },
        recoverability: 'recoverable',
        recovery: 'nothing is lost',
      };
    }
    let files = 0;
    let added = 0;
    let removed = 0;
    let untracked = 0;
    for (const stash of dropped) {
      const stat = parseNumstat(await git(['diff', '--numstat', '-z', `${stash.sha}^1`, stash.sha]), 0);
      files += stat.files;
      added += stat.added;
      removed += stat.removed;
      const third = await git.tryRun(['ls-tree', '-r', '--name-only', `${stash.sha}^3`]);
      if (third.ok) untracked += third.stdout.split('\n').filter((l) => l !== '').length;
    }
    const extra = untracked > 0 ? ` and ${formatCount(untracked, 'untracked file')}` : '';
    return {
      summary: `drops ${formatCount(dropped.length, 'stash', 'stashes')}: ${formatCount(files, 'file')} changed (+${added} −${removed} lines)${extra}`,
      counts: { stashes: dropped.length, files, linesAdded: added, linesRemoved: removed, untracked },
      items: dropped.slice(0, ctx.maxItems).map((s) => `${s.name} ${s.sha.slice(0, 12)} ${s.message}`),
      recoverability: 'not recoverable',
      recovery: `only until git gc, by hash: git stash store ${dropped[0]?.sha.slice(0, 12)}`,
    };
  },
};

registerProbe(gitStashProbe);
