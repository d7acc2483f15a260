// `airlock undo ID` for a kubectl delete: re-creates the saved objects with the real kubectl
// (past the shims), on the cluster the delete went to.

import { existsSync } from 'node:fs';
import { execProbeCommand } from '../probes/exec.js';
import type { ProbeContext } from '../probes/types.js';
import { type KubectlManifest, type KubectlUndoResult, undoKubectlDelete } from './kubectl-manifests.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Runs helper commands (kubectl get/create) with the caller's environment, shims skipped. */
export function realExec(
  env: Env,
  cwd: string,
  shimDirs: readonly string[],
  extraEnv: NodeJS.ProcessEnv = {},
): ProbeContext['exec'] {
  const signal = new AbortController().signal;
  return (program, args, options = {}) =>
    execProbeCommand(program, args, {
      ...options,
      env: { ...extraEnv, ...options.env },
      cwd: options.cwd ?? cwd,
      signal,
      shimDirs,
      baseEnv: env as NodeJS.ProcessEnv,
    });
}

export function recreateKubectlObjects(
  ctx: { env: Env; shimDirs?: readonly string[] },
  manifest: KubectlManifest,
): Promise<KubectlUndoResult> {
  const kubeconfig = manifest.kubeconfig === undefined ? {} : { KUBECONFIG: manifest.kubeconfig };
  const cwd = existsSync(manifest.cwd) ? manifest.cwd : process.cwd();
  const exec = realExec(ctx.env, cwd, ctx.shimDirs ?? [], kubeconfig);
  return undoKubectlDelete(manifest.dir, manifest.id, exec);
}
