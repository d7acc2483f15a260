// Grants an approved `airlock sh` line hands to the shims it runs, so nothing is asked twice.
//
// Design: when a line is approved, each static command inside it that would itself need
// approval at a shim gets a grant bound to the argv-level fingerprint the shim will compute
// (real program, argv, cwd, targets, environments), usable once per occurrence in the line,
// expiring with the normal grant lifetime. The grants are scoped: they carry the hash of a
// fresh secret that only the approved line's process tree receives, as AIRLOCK_GRANT. A shim
// outside that tree (an agent re-running the same argv elsewhere) cannot use them, and a
// command the line builds at run time matches no grant and asks as usual.

import { basename } from 'node:path';
import { loadCrypto } from '../audit/driver.js';
import type { NewGrant } from '../audit/grants.js';
import type { Evaluation } from '../decide/evaluate.js';
import type { LineAnalysis } from '../parse/command.js';
import { fingerprint } from './fingerprint.js';

type Env = Record<string, string | undefined>;

export const GRANT_VARIABLE = 'AIRLOCK_GRANT';

/** How a command inside a line is judged and resolved exactly as its shim will do it. */
export interface ArgvJudge {
  evaluate(argv: string[], env: Env, cwd: string): Evaluation;
  /** The program's real path, shims skipped (what the shim's fingerprint names). */
  resolveProgram(program: string, env: Env, cwd: string): string;
}

/** The fingerprints a shim would compute for the static commands in the line that would ask. */
export function lineCommandFingerprints(analysis: LineAnalysis, judge: ArgvJudge): string[] {
  const out: string[] = [];
  for (const command of analysis.commands) {
    // bash runs a program named by path directly, without a shim: nothing to hand on.
    if (command.programPath !== undefined || command.remote !== undefined || command.cwd === undefined)
      continue;
    const argv: string[] = [];
    for (const word of command.argv) {
      if (word.value === undefined) break;
      argv.push(word.value);
    }
    if (argv.length === 0 || argv.length !== command.argv.length) continue;
    const env: Env = {};
    let known = true;
    for (const [name, value] of Object.entries(command.env)) {
      if (value === undefined) known = false;
      else env[name] = value;
    }
    if (!known) continue;
    // A shim sees its own name as argv[0].
    argv[0] = basename(argv[0] as string);
    const evaluation = judge.evaluate(argv, env, command.cwd);
    if (evaluation.verdict.decision !== 'approve') continue;
    out.push(
      fingerprint({
        program: judge.resolveProgram(argv[0] as string, env, command.cwd),
        subject: { argv },
        cwd: command.cwd,
        evaluation,
      }),
    );
  }
  return out;
}

export function newGrantToken(): string {
  return loadCrypto().randomBytes(24).toString('hex');
}

/** `REQUEST:SECRET` as the shims receive it. */
export function formatGrantToken(requestId: number | undefined, token: string): string {
  return `${requestId ?? 0}:${token}`;
}

export function parseGrantToken(
  value: string | undefined,
): { requestId?: number; token: string } | undefined {
  if (value === undefined) return undefined;
  const colon = value.indexOf(':');
  if (colon <= 0) return undefined;
  const token = value.slice(colon + 1);
  const id = Number(value.slice(0, colon));
  if (!/^[0-9a-f]{16,}$/.test(token) || !Number.isInteger(id)) return undefined;
  return id > 0 ? { requestId: id, token } : { token };
}

/** One scoped grant per distinct fingerprint, with as many uses as the line runs it. */
export function lineGrants(
  fingerprints: readonly string[],
  token: string,
  requestId: number | undefined,
  ttlMs: number,
): NewGrant[] {
  const uses = new Map<string, number>();
  for (const fp of fingerprints) uses.set(fp, (uses.get(fp) ?? 0) + 1);
  return [...uses].map(([fp, count]) => ({
    requestId,
    fingerprint: fp,
    expiresMs: ttlMs,
    usesLeft: count,
    token,
  }));
}
