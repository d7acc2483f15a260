// Counts airlock hops through the environment, so a chain of shims calling each other (a loop
// nobody meant to build) stops after a few steps instead of forking thousands of processes.

import { exitCodes } from './exit-codes.js';

export const SHIM_DEPTH_VAR = 'AIRLOCK_SHIM_DEPTH';
/**
 * Legitimate nesting is shallow (make → git → hook → rm is 3 hops through shims); a loop
 * reaches any bound within milliseconds, so 8 costs nothing real and stops a loop early.
 */
export const MAX_SHIM_DEPTH = 8;

export type DepthCheck =
  | { ok: true; depth: number }
  | { ok: false; depth: number; exitCode: typeof exitCodes.shimLoop; message: string };

/** The hop count carried by `env`; anything that is not a small non-negative integer counts as 0. */
export function readShimDepth(env: NodeJS.ProcessEnv): number {
  const raw = env[SHIM_DEPTH_VAR];
  if (raw === undefined || !/^[0-9]{1,6}$/.test(raw)) return 0;
  return Number(raw);
}

/** Refuses once the hop count carried by `env` has reached the bound. */
export function checkShimDepth(env: NodeJS.ProcessEnv, program: string): DepthCheck {
  const depth = readShimDepth(env);
  if (depth < MAX_SHIM_DEPTH) return { ok: true, depth };
  return {
    ok: false,
    depth,
    exitCode: exitCodes.shimLoop,
    message:
      `airlock: ${program}: refusing to run: ${depth} nested airlock calls (${SHIM_DEPTH_VAR}), ` +
      'probably a shim that resolves to itself; check PATH and `airlock shims list`\n',
  };
}
