// The environment the real program gets: the caller's own, with what the launcher set aside
// (NODE_EXTRA_CA_CERTS) handed back and airlock's per-invocation variables removed.

import { SHIM_DEPTH_VAR } from './shim-depth.js';

/** Where bin/airlock parks NODE_EXTRA_CA_CERTS so airlock's own Node start-up skips the CA store. */
export const SAVED_EXTRA_CA_VAR = 'AIRLOCK_SAVED_NODE_EXTRA_CA_CERTS';
/** The name bin/airlock was invoked as (a shim's program name, or `airlock`). */
export const INVOKED_AS_VAR = 'AIRLOCK_INVOKED_AS';

/**
 * Builds the child's environment. `depth` is this process's hop count; the child sees one more,
 * so a shim reached from inside the child knows it is nested (see shim-depth.ts).
 */
export function childEnvironment(env: NodeJS.ProcessEnv, depth: number): NodeJS.ProcessEnv {
  const child: NodeJS.ProcessEnv = { ...env };
  const saved = child[SAVED_EXTRA_CA_VAR];
  // A value the caller set directly (airlock started without the launcher) wins over a saved one.
  if (saved !== undefined && child.NODE_EXTRA_CA_CERTS === undefined) child.NODE_EXTRA_CA_CERTS = saved;
  delete child[SAVED_EXTRA_CA_VAR];
  // Stale in the child: a nested airlock started without the launcher would think it is this shim.
  delete child[INVOKED_AS_VAR];
  // The launcher counts its own restarts (a shim named node); JavaScript ran, so that loop is over.
  delete child.AIRLOCK_LAUNCH_DEPTH;
  delete child.AIRLOCK_LAUNCHER;
  child[SHIM_DEPTH_VAR] = String(depth + 1);
  return child;
}
