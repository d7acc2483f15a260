// The shell state the line analysis tracks while walking: variables, exports, working directory.

import type { ShellEnv } from './command.js';

/**
 * Variables as the walk knows them. A name mapped to `undefined` holds a value that cannot be
 * known statically; a missing name is unset.
 */
export interface ShellState {
  vars: Map<string, string | undefined>;
  exported: Set<string>;
  cwd: string | undefined;
  /** `$0`, `$1`… when known (`sh -c '…' name arg`); otherwise positional parameters are dynamic. */
  positional: (string | undefined)[] | undefined;
  /** Functions defined so far in the line. */
  functions: Set<string>;
}

export function createState(env: ShellEnv, cwd: string | undefined): ShellState {
  const vars = new Map<string, string | undefined>();
  for (const key of Object.keys(env)) vars.set(key, env[key]);
  return { vars, exported: new Set(vars.keys()), cwd, positional: undefined, functions: new Set() };
}

export function cloneState(state: ShellState): ShellState {
  return {
    vars: new Map(state.vars),
    exported: new Set(state.exported),
    cwd: state.cwd,
    positional: state.positional,
    functions: new Set(state.functions),
  };
}

/**
 * After a branch, loop or function that may or may not have run: whatever it changed is
 * uncertain afterwards, so mark it unknown rather than guess either way.
 */
export function mergeUncertain(target: ShellState, branch: ShellState): void {
  for (const [name, value] of branch.vars) {
    if (!target.vars.has(name) || target.vars.get(name) !== value) target.vars.set(name, undefined);
  }
  for (const name of target.vars.keys()) {
    if (!branch.vars.has(name)) target.vars.set(name, undefined);
  }
  for (const name of branch.exported) target.exported.add(name);
  if (branch.cwd !== target.cwd) target.cwd = undefined;
  for (const name of branch.functions) target.functions.add(name);
}

/** The environment a command sees: exported variables (unknown values stay as `undefined`). */
export function exportedEnv(state: ShellState): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const name of state.exported) {
    if (state.vars.has(name)) env[name] = state.vars.get(name);
  }
  return env;
}
