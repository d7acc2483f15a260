// The rm-tree probe: what `rm`, `rmdir` and `unlink` would delete, with rm's own rules on
// which operands it refuses (directories without -r, `.` and `..`, `/`).

import { lstatSync, readdirSync } from 'node:fs';
import { basename, isAbsolute, join, normalize } from 'node:path';
import type { Invocation } from '../tools/invocation.js';
import { expandGlob } from './fs-glob.js';
import { measureRemoval } from './fs-removal.js';
import { registerProbe } from './registry.js';
import type { Probe } from './types.js';

export interface Operands {
  /** Absolute paths as written (a symlink stays a symlink). */
  paths: string[];
  /** Targets known only when the command runs. */
  unknown: string[];
}

/** Path operands: written values resolved lexically against cwd, globs expanded as the shell would. */
export function pathOperands(invocation: Invocation, cwd: string): Operands {
  const out: Operands = { paths: [], unknown: [] };
  const base = invocation.command.cwd ?? cwd;
  for (const target of invocation.targets) {
    if (target.kind !== 'path' && target.kind !== 'device') continue;
    if (target.value !== undefined) {
      const path = isAbsolute(target.value) ? target.value : join(base, target.value);
      // `rm -r link/` goes through the link to what it points at.
      const through =
        target.value.endsWith('/') &&
        lstatSync(path.replace(/\/+$/, ''), { throwIfNoEntry: false })?.isSymbolicLink();
      out.paths.push(
        through && target.resolved !== undefined ? target.resolved : normalize(path).replace(/(.)\/+$/, '$1'),
      );
    } else if (target.pattern !== undefined && target.dynamic === 'glob') {
      out.paths.push(...expandGlob(target.pattern, base));
    } else out.unknown.push(target.pattern ?? target.dynamic ?? 'a dynamic path');
  }
  return out;
}

function isEmptyDir(path: string): boolean {
  try {
    return readdirSync(path).length === 0;
  } catch {
    return false;
  }
}

/** Splits operands into what rm would delete and notes on what it would refuse. */
export function rmSelection(
  invocation: Invocation,
  paths: readonly string[],
): { paths: string[]; notes: string[] } {
  const has = (name: string) => invocation.flags[name] !== undefined;
  const program = invocation.program.split('/').pop();
  const recursive = program === 'rm' && has('recursive');
  const kept: string[] = [];
  const refused: string[] = [];
  for (const path of paths) {
    const stat = lstatSync(path, { throwIfNoEntry: false });
    if (stat === undefined) continue;
    const name = basename(path);
    if (program === 'rm' && (name === '.' || name === '..')) refused.push(`${path} ('.' or '..')`);
    else if (path === '/' && recursive && !has('no-preserve-root')) refused.push('/ (preserve-root)');
    else if (!stat.isDirectory()) {
      if (program !== 'rmdir') kept.push(path);
      else refused.push(`${path} (not a directory)`);
    } else if (recursive) kept.push(path);
    else if ((program === 'rmdir' || (program === 'rm' && has('dir'))) && isEmptyDir(path)) kept.push(path);
    else refused.push(`${path} (a directory${program === 'rm' ? ' without -r' : ''})`);
  }
  const notes =
    refused.length > 0
      ? [`rm refuses ${refused.slice(0, 3).join(', ')}${refused.length > 3 ? '…' : ''}`]
      : [];
  return { paths: kept, notes };
}

export const rmTreeProbe: Probe = {
  name: 'rm-tree',
  async measure(subject, ctx) {
    const operands = pathOperands(subject.invocation, ctx.cwd);
    const selected = rmSelection(subject.invocation, operands.paths);
    return measureRemoval(selected.paths, ctx, {
      recurse: true,
      notes: selected.notes,
      unknown: operands.unknown,
    });
  },
};

registerProbe(rmTreeProbe);
