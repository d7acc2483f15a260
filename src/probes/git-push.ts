// The git-push probe: the commits on the remote-tracking branch that a force push overwrites
// or a delete removes, as of the last fetch (the remote may have moved on since).

import type { Invocation } from '../tools/invocation.js';
import { formatCount } from './fs-format.js';
import { type GitRunner, gitRunner, lines } from './git-run.js';
import { registerProbe } from './registry.js';
import type { Probe } from './types.js';

interface Update {
  /** Local source (empty for a delete). */
  src: string;
  /** Remote branch name. */
  dst: string;
}

const strip = (ref: string) => ref.replace(/^\+/, '').replace(/^refs\/heads\//, '');

async function current(git: GitRunner): Promise<string | undefined> {
  const r = await git.tryRun(['symbolic-ref', '-q', '--short', 'HEAD']);
  return r.ok ? r.stdout.trim() : undefined;
}

async function config(git: GitRunner, key: string): Promise<string | undefined> {
  const r = await git.tryRun(['config', '--get', key]);
  return r.ok ? r.stdout.trim() : undefined;
}

async function updatesOf(inv: Invocation, git: GitRunner, branch: string | undefined): Promise<Update[]> {
  const refspecs = inv.positionals.slice(1);
  const deleting = inv.flags.delete !== undefined;
  if (refspecs.length === 0) {
    if (branch === undefined) return [];
    const merge = await config(git, `branch.${branch}.merge`);
    return [{ src: branch, dst: strip(merge ?? branch) }];
  }
  return refspecs.map((spec) => {
    const clean = spec.replace(/^\+/, '');
    if (deleting) return { src: '', dst: strip(clean) };
    const colon = clean.indexOf(':');
    const src = colon === -1 ? clean : clean.slice(0, colon);
    const dst = colon === -1 ? src : clean.slice(colon + 1);
    return {
      src: src === 'HEAD' ? (branch ?? 'HEAD') : src,
      dst: strip(dst === 'HEAD' ? (branch ?? 'HEAD') : dst),
    };
  });
}

async function mirrorDeletes(git: GitRunner, remote: string): Promise<string[]> {
  const remoteRefs = lines(
    await git(['for-each-ref', '--format=%(refname:lstrip=3)', `refs/remotes/${remote}/`]),
  );
  const local = new Set(lines(await git(['for-each-ref', '--format=%(refname:lstrip=2)', 'refs/heads/'])));
  return remoteRefs.filter((r) => r !== 'HEAD' && !local.has(r));
}

export const gitPushProbe: Probe = {
  name: 'git-push',
  async measure(subject, ctx) {
    const inv = subject.invocation;
    const git = gitRunner(inv, ctx);
    const branch = await current(git);
    const remote =
      inv.positionals[0] ?? (branch ? await config(git, `branch.${branch}.remote`) : undefined) ?? 'origin';
    const updates = await updatesOf(inv, git, branch);
    if (inv.flags.mirror !== undefined || inv.flags.prune !== undefined)
      for (const dst of await mirrorDeletes(git, remote)) updates.push({ src: '', dst });
    const parts: string[] = [];
    const items: string[] = [];
    let lost = 0;
    let unknown = 0;
    for (const u of updates) {
      const tracking = `refs/remotes/${remote}/${u.dst}`;
      const tip = await git.tryRun(['rev-parse', '--verify', '-q', tracking]);
      if (!tip.ok) {
        unknown++;
        parts.push(
          `${remote}/${u.dst}: no remote-tracking branch (run git fetch to see what the remote has)`,
        );
        continue;
      }
      const range =
        u.src === ''
          ? [tracking, '--not', `--exclude=${remote}/${u.dst}`, '--remotes', '--branches', '--tags']
          : [`${u.src}..${tracking}`];
      const count = Number((await git(['rev-list', '--count', ...range])).trim());
      lost += count;
      const verb = u.src === '' ? 'deletes' : 'overwrites';
      parts.push(`${verb} ${formatCount(count, 'commit')} on ${remote}/${u.dst}`);
      items.push(`${remote}/${u.dst} was ${tip.stdout.trim().slice(0, 12)}`);
    }
    return {
      summary: `${parts.join('; ') || 'nothing to push'} (as of the last fetch; the remote may have more)`,
      counts: { commits: lost, refs: updates.length, unknownRefs: unknown },
      items,
      recoverability:
        lost === 0 && unknown === 0 ? 'recoverable' : unknown > 0 ? 'unknown' : 'not recoverable',
      recovery:
        lost === 0 && unknown === 0
          ? 'no remote commit is lost'
          : `push the old tip back while you still have it: ${items.map((i) => i.replace(' was ', ' ← ')).join(', ')}`,
    };
  },
};

registerProbe(gitPushProbe);
