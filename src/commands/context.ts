// Gathers what the pure pipeline needs from the real world: environment, cwd, file
// system, policy and packs. Every entry (check, shim, sh, hook) builds it here.

import { existsSync } from 'node:fs';
import type { Pack, PackProblem } from '../classify/rule.js';
import { loadConfig } from '../config/load.js';
import { airlockPaths } from '../config/paths.js';
import { type EvaluateOptions, findProjectRoot } from '../decide/evaluate.js';
import type { Policy } from '../decide/policy.js';
import type { FsView } from '../tools/invocation.js';
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

/**
 * The real file system with answers remembered. `check` runs nothing, so within one run the
 * answers cannot change because of us; a batch of thousands of lines then stats each path once.
 */
export function rememberingFs(fs: FsView): FsView {
  const realpaths = new Map<string, string | undefined>();
  const stats = new Map<string, ReturnType<FsView['stat']>>();
  const texts = new Map<string, string | undefined>();
  return {
    realpath(path) {
      if (!realpaths.has(path)) realpaths.set(path, fs.realpath(path));
      return realpaths.get(path);
    },
    stat(path) {
      if (!stats.has(path)) stats.set(path, fs.stat(path));
      return stats.get(path);
    },
    readText(path, limit) {
      const key = `${limit}:${path}`;
      if (!texts.has(key)) texts.set(key, fs.readText(path, limit));
      return texts.get(key);
    },
  };
}

/**
 * The same inputs a guarded run would use: the user's and the project's config (found from
 * `cwd`), their extra packs, and the real file system with answers remembered.
 */
export function buildRunContext(env: Record<string, string | undefined>, cwd: string): RunContext {
  const loaded = loadConfig({ cwd, env });
  const policy: Policy = loaded.config;
  const { packs, problems } = allPacks(loaded.config.packs);
  const fs = rememberingFs(realFs);
  return {
    options: {
      env,
      cwd,
      packs,
      policy,
      fs,
      airlockPaths: [...airlockPaths(env), ...protectedProjectFiles(loaded.files.project)],
      projectRoot: findProjectRoot(cwd, fs),
    },
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

/** Project config files are airlock's own (an agent deleting one drops its production marks); package.json is not. */
export function protectedProjectFiles(files: readonly string[]): string[] {
  return files.filter((file) => !file.endsWith('/package.json'));
}
