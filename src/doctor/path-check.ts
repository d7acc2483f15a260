// Whether the shims stand in front of the guarded programs: installed, first in PATH, and no
// guarded program found in a PATH directory that comes before them.

import { accessSync, constants, existsSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { listShims, shimPathLine } from '../exec/shims.js';
import { type DoctorFinding, type DoctorInput, showPath } from './types.js';

function realOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function executable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function pathFindings(input: DoctorInput): DoctorFinding[] {
  const { env, home, shimDir } = input;
  const out: DoctorFinding[] = [];
  const where = showPath(shimDir, home);
  const shims = listShims({
    dir: shimDir,
    env: env as NodeJS.ProcessEnv,
    launcherPaths: input.launcherPaths,
  });
  if (!existsSync(shimDir) || shims.length === 0) {
    out.push({
      area: 'path',
      kind: 'shims-missing',
      severity: 'high',
      location: where,
      detail:
        'no airlock shims are installed: scripts, Makefiles and npm scripts reach the real programs directly',
      fix: 'airlock shims install',
    });
    return out;
  }
  const entries = (env.PATH ?? '').split(':');
  const shimReal = realOr(shimDir);
  const position = entries.findIndex((e) => e !== '' && isAbsolute(e) && realOr(e) === shimReal);
  const line = shimPathLine(shimDir, env.SHELL ?? 'sh');
  if (position === -1) {
    out.push({
      area: 'path',
      kind: 'shims-not-in-path',
      severity: 'high',
      location: 'environment PATH',
      detail: `the shim directory ${where} is not in PATH`,
      fix: `add to your shell profile: ${line}`,
    });
    return out;
  }
  const shimmed = new Set(shims.map((s) => s.name));
  const bypass: string[] = [];
  for (const program of input.guarded) {
    if (!shimmed.has(program)) continue;
    for (const dir of entries.slice(0, position)) {
      if (dir === '' || !isAbsolute(dir)) continue;
      if (executable(join(dir, program))) {
        bypass.push(`${program} (${showPath(join(dir, program), home)})`);
        break;
      }
    }
  }
  if (bypass.length > 0) {
    out.push({
      area: 'path',
      kind: 'shim-bypass',
      severity: 'high',
      location: 'environment PATH',
      detail: `found before the shims: ${bypass.join(', ')}`,
      fix: `put the shims first in PATH: ${line}`,
    });
  }
  const missing = input.guarded.filter(
    (p) => !shimmed.has(p) && entries.some((d) => d !== '' && isAbsolute(d) && executable(join(d, p))),
  );
  if (missing.length > 0) {
    out.push({
      area: 'path',
      kind: 'shim-missing-for',
      severity: 'medium',
      location: where,
      detail: `guarded programs on PATH without a shim: ${missing.join(', ')}`,
      fix: 'airlock shims install',
    });
  }
  if (bypass.length === 0) {
    out.push({
      area: 'path',
      kind: 'shims-in-front',
      severity: 'info',
      location: 'environment PATH',
      detail: `${shims.length} shims in ${where}${position === 0 ? ', first in PATH' : `, entry ${position + 1} in PATH with no guarded program before it`}`,
    });
  }
  return out;
}
