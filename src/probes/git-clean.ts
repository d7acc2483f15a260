// The git-clean probe: `git clean -n` with the command's own flags gives the exact list of
// what would go; the files under each listed directory are then counted.

import { isAbsolute, join } from 'node:path';
import { formatCount } from './fs-format.js';
import { measureRemoval } from './fs-removal.js';
import { gitRunner, lines } from './git-run.js';
import { registerProbe } from './registry.js';
import type { Probe } from './types.js';

/** The dry-run twin of a `git clean` invocation: every selecting flag kept, -f/-i dropped, -n added. */
export function cleanDryRunArgs(
  flags: Readonly<Record<string, string[]>>,
  pathspecs: readonly string[],
): string[] {
  const args = ['clean', '--dry-run'];
  // -ff also removes nested repositories; the dry run must see the same.
  for (const _ of flags.force ?? []) args.push('--force');
  if (flags.directories) args.push('-d');
  if (flags.ignored) args.push('-x');
  if (flags['only-ignored']) args.push('-X');
  for (const pattern of flags.exclude ?? []) args.push(`--exclude=${pattern}`);
  return [...args, '--', ...pathspecs];
}

export const gitCleanProbe: Probe = {
  name: 'git-clean',
  async measure(subject, ctx) {
    const inv = subject.invocation;
    const git = gitRunner(inv, ctx);
    const specs = inv.targets.filter((t) => t.kind === 'path' && (t.value ?? t.pattern) !== undefined);
    // Without pathspecs the recognizer names the whole work tree, which git clean does not need.
    const pathspecs = inv.positionals.length === 0 ? [] : specs.map((t) => (t.value ?? t.pattern) as string);
    const listed = lines(await git(cleanDryRunArgs(inv.flags, pathspecs)))
      .filter((l) => l.startsWith('Would remove '))
      .map((l) => l.slice('Would remove '.length).replace(/\/$/, ''));
    const paths = listed.map((p) => (isAbsolute(p) ? p : join(git.dir, p)));
    const removal = await measureRemoval(paths, ctx, { recurse: true });
    return {
      ...removal,
      summary: `git clean removes ${formatCount(listed.length, 'entry', 'entries')}: ${removal.summary}`,
      counts: { ...removal.counts, entries: listed.length },
      recoverability: listed.length === 0 ? 'recoverable' : 'not recoverable',
      recovery: listed.length === 0 ? 'nothing is removed' : 'untracked and ignored files are not in git',
    };
  },
};

registerProbe(gitCleanProbe);
