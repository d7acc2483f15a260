// The file-size probe: how much an overwrite destroys (dd of=, shred, truncate, a redirect,
// mv/cp/ln over an existing file), and whether git still has the content.

import { lstatSync } from 'node:fs';
import { formatBytes, formatCount } from './fs-format.js';
import { splitByGit } from './fs-git-split.js';
import { registerProbe } from './registry.js';
import { pathOperands } from './rm-tree.js';
import type { Probe } from './types.js';

/** mv, cp and ln overwrite only their destination, the last path the recognizer lists. */
const lastOnly = new Set(['mv', 'cp', 'ln']);

export const fileSizeProbe: Probe = {
  name: 'file-size',
  async measure(subject, ctx) {
    const inv = subject.invocation;
    const operands = pathOperands(inv, ctx.cwd);
    const candidates = lastOnly.has(inv.tool) ? operands.paths.slice(-1) : operands.paths;
    const files = candidates.filter((p) => lstatSync(p, { throwIfNoEntry: false })?.isFile() === true);
    const bytes = files.reduce((n, p) => n + (lstatSync(p, { throwIfNoEntry: false })?.size ?? 0), 0);
    const git = await splitByGit(ctx, files);
    const committed = files.length > 0 && git.tracked === files.length && git.modified === 0;
    const gitPart =
      git.repos.length > 0
        ? `; ${git.tracked} tracked (${git.modified} with uncommitted changes)`
        : '; not in git';
    return {
      summary:
        files.length === 0
          ? 'no existing file is overwritten'
          : `overwrites ${formatCount(files.length, 'file')}, ${formatBytes(bytes)}${gitPart}`,
      counts: { files: files.length, bytes, tracked: git.tracked, modified: git.modified },
      items: files.slice(0, ctx.maxItems),
      recoverability:
        files.length === 0 || committed
          ? 'recoverable'
          : operands.unknown.length > 0
            ? 'unknown'
            : 'not recoverable',
      recovery:
        files.length === 0
          ? 'nothing is lost'
          : committed
            ? 'committed: git checkout -- PATH restores it'
            : 'the old content is not kept anywhere',
    };
  },
};

registerProbe(fileSizeProbe);
