// The shell state the line analysis tracks while walking: variables, exports, working directory.

import type { ShellEnv } from './command.js';

const UNSET: unique symbol = Symbol('unset');

/**
 * Variables as the walk knows them, layered over the inherited environment so that cloning a
 * state for every branch and subshell costs only the changes. A name whose value is
 * `undefined` holds a value that cannot be known statically; a missing name is unset.
 */
export class Variables {
  /** Made on the first change: most lines assign nothing. */
  private changes: Map<string, string | undefined | typeof UNSET> | undefined;

  constructor(
    readonly base: ShellEnv,
    changes?: Map<string, string | undefined | typeof UNSET>,
  ) {
    this.changes = changes;
  }

  has(name: string): boolean {
    const change = this.changes?.get(name);
    if (change !== undefined || this.changes?.has(name)) return change !== UNSET;
    return Object.hasOwn(this.base, name);
  }

  get(name: string): string | undefined {
    if (this.changes === undefined || !this.changes.has(name)) return this.base[name];
    const change = this.changes.get(name);
    return change === UNSET ? undefined : change;
  }

  set(name: string, value: string | undefined): void {
    this.changes ??= new Map();
    this.changes.set(name, value);
  }

  delete(name: string): void {
    this.changes ??= new Map();
    this.changes.set(name, UNSET);
  }

  /** Whether anything was assigned or unset since the base environment. */
  changed(): boolean {
    return this.changes !== undefined && this.changes.size > 0;
  }

  /** Names assigned or unset since the base environment. */
  changedNames(): Iterable<string> {
    return this.changes === undefined ? [] : this.changes.keys();
  }

  clone(): Variables {
    return new Variables(this.base, this.changes === undefined ? undefined : new Map(this.changes));
  }
}

export interface ShellState {
  vars: Variables;
  /**
   * Names exported beyond the inherited environment, and inherited names un-exported. These
   * sets start as one shared empty set, replaced on the first addition (addName): most lines
   * export nothing, and states are cloned for every pipeline element and subshell.
   */
  exported: ReadonlySet<string>;
  unexported: ReadonlySet<string>;
  cwd: string | undefined;
  /** `$0`, `$1`… when known (`sh -c '…' name arg`); otherwise positional parameters are dynamic. */
  positional: (string | undefined)[] | undefined;
  /** Functions defined so far in the line. */
  functions: ReadonlySet<string>;
}

const NONE: ReadonlySet<string> = new Set();

type NameSet = 'exported' | 'unexported' | 'functions';

export function addName(state: ShellState, set: NameSet, name: string): void {
  const names = state[set];
  if (names === NONE) state[set] = new Set([name]);
  else (names as Set<string>).add(name);
}

export function deleteName(state: ShellState, set: NameSet, name: string): void {
  if (state[set].has(name)) (state[set] as Set<string>).delete(name);
}

const copied = (names: ReadonlySet<string>): ReadonlySet<string> =>
  names.size === 0 ? NONE : new Set(names);

export function createState(env: ShellEnv, cwd: string | undefined): ShellState {
  return {
    vars: new Variables(env),
    exported: NONE,
    unexported: NONE,
    cwd,
    positional: undefined,
    functions: NONE,
  };
}

export function cloneState(state: ShellState): ShellState {
  return {
    vars: state.vars.clone(),
    exported: copied(state.exported),
    unexported: copied(state.unexported),
    cwd: state.cwd,
    positional: state.positional,
    functions: copied(state.functions),
  };
}

/**
 * After a branch, loop or function that may or may not have run: whatever it changed is
 * uncertain afterwards, so mark it unknown rather than guess either way.
 */
export function mergeUncertain(target: ShellState, branch: ShellState): void {
  for (const name of branch.vars.changedNames()) {
    if (target.vars.has(name) !== branch.vars.has(name) || target.vars.get(name) !== branch.vars.get(name)) {
      target.vars.set(name, undefined);
    }
  }
  for (const name of branch.exported) addName(target, 'exported', name);
  if (branch.cwd !== target.cwd) target.cwd = undefined;
  for (const name of branch.functions) addName(target, 'functions', name);
}

export function isExported(state: ShellState, name: string): boolean {
  if (state.unexported.has(name)) return false;
  return state.exported.has(name) || Object.hasOwn(state.vars.base, name);
}

/**
 * The environment a command sees: exported variables (unknown values stay as `undefined`).
 * Shared with the base environment when nothing exported changed, so treat it as read-only.
 */
export function exportedEnv(state: ShellState): ShellEnv {
  const base = state.vars.base;
  // Most commands run in the environment they inherited: no iterators to walk.
  if (!state.vars.changed() && state.exported.size === 0 && state.unexported.size === 0) return base;
  let env: Record<string, string | undefined> | undefined;
  const put = (name: string): void => {
    env ??= { ...base };
    if (state.vars.has(name) && isExported(state, name)) env[name] = state.vars.get(name);
    else delete env[name];
  };
  for (const name of state.vars.changedNames())
    if (isExported(state, name) || Object.hasOwn(base, name)) put(name);
  for (const name of state.exported) put(name);
  for (const name of state.unexported) put(name);
  return env ?? base;
}
