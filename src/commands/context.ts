// Gathers what the pure pipeline needs from the real world: environment, cwd, file
// system, policy and packs. Every entry (check, shim, sh, hook) builds it here.

import { existsSync } from 'node:fs';
import type { Pack, PackProblem } from '../classify/rule.js';
import type { EvaluateOptions } from '../decide/evaluate.js';
import { defaultPolicy, type Policy } from '../decide/policy.js';
import { realFs } from '../tools/real-fs.js';
import { allPacks } from './packs.js';

/** Variables the launcher sets for airlock itself; the commands airlock judges never see them. */
const internalVariables = [
  'AIRLOCK_SAVED_NODE_EXTRA_CA_CERTS',
  'AIRLOCK_INVOKED_AS',
  'AIRLOCK_LAUNCHER',
] as const;

/** The caller's environment as the guarded command will see it. */
export function callerEnv(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const copy: Record<string, string | undefined> = { ...env };
  if (env.AIRLOCK_SAVED_NODE_EXTRA_CA_CERTS !== undefined) {
    copy.NODE_EXTRA_CA_CERTS = env.AIRLOCK_SAVED_NODE_EXTRA_CA_CERTS;
  }
  for (const name of internalVariables) delete copy[name];
  return copy;
}

export interface RunContext {
  options: EvaluateOptions;
  packs: Pack[];
  policy: Policy;
  problems: PackProblem[];
}

export function buildRunContext(env: Record<string, string | undefined>, cwd: string): RunContext {
  const policy = defaultPolicy;
  const { packs, problems } = allPacks([]);
  return {
    options: { env, cwd, packs, policy, fs: realFs, airlockPaths: [] },
    packs,
    policy,
    problems,
  };
}

/** The launcher script shims link to: bin/airlock, wherever airlock is installed. */
export function launcherPath(env: NodeJS.ProcessEnv): string {
  if (env.AIRLOCK_LAUNCHER) return env.AIRLOCK_LAUNCHER;
  // Run without the launcher: from dist/airlock.cjs or from src/commands/ in the source tree.
  const candidates = ['../bin/airlock', '../../bin/airlock'].map((p) => new URL(p, import.meta.url).pathname);
  return candidates.find((p) => existsSync(p)) ?? (candidates[0] as string);
}
