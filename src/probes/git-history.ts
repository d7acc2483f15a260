// The git-history probe: what rewriting or pruning history touches (filter-branch/filter-repo:
// every commit on every ref; reflog expire/delete: commits only the reflog still reaches;
// gc --prune=now / prune: the unreachable objects deleted now).

import { formatCount } from './fs-format.js';
import type { ProbeResult } from './fs-removal.js';
import { gitRunner, lines } from './git-run.js';
import { registerProbe } from './registry.js';
import type { Probe } from './types.js';

export const gitHistoryProbe: Probe = {
  name: 'git-history',
  async measure(subject, ctx): Promise<ProbeResult> {
    const inv = subject.invocation;
    const git = gitRunner(inv, ctx);
    const verb = inv.subcommand[0];
    if (verb === 'filter-branch' || verb === 'filter-repo') {
      const [commits, refs] = await Promise.all([
        git(['rev-list', '--all', '--count']),
        git(['for-each-ref', '--format=x']),
      ]);
      return {
        summary: `rewrites up to ${formatCount(Number(commits.trim()), 'commit')} on ${formatCount(lines(refs).length, 'ref')}`,
        counts: { commits: Number(commits.trim()), refs: lines(refs).length },
        recoverability: verb === 'filter-branch' ? 'recoverable' : 'not recoverable',
        recovery:
          verb === 'filter-branch'
            ? 'the old refs stay under refs/original/ until removed'
            : 'filter-repo keeps no backup: clone --mirror first',
      };
    }
    if (verb === 'reflog') {
      const only = await git(['rev-list', '--count', '--reflog', '--not', '--all']);
      const count = Number(only.trim());
      return {
        summary: `${formatCount(count, 'commit')} reachable only through the reflog become unrecoverable`,
        counts: { commits: count },
        recoverability: count === 0 ? 'recoverable' : 'not recoverable',
        recovery: count === 0 ? 'every commit is on a ref' : 'those commits are lost at the next gc',
      };
    }
    // gc --prune=now and prune: exactly what `git prune --dry-run` lists.
    const pruned = lines(await git(['prune', '--dry-run', ...(verb === 'gc' ? ['--expire=now'] : [])]));
    const commits = pruned.filter((l) => l.endsWith(' commit')).length;
    return {
      summary: `deletes ${formatCount(pruned.length, 'unreachable object')} (${formatCount(commits, 'commit')}) now`,
      counts: { objects: pruned.length, commits },
      recoverability: pruned.length === 0 ? 'recoverable' : 'not recoverable',
      recovery:
        pruned.length === 0 ? 'nothing unreachable to lose' : 'unreachable objects are deleted for good',
    };
  },
};

registerProbe(gitHistoryProbe);
