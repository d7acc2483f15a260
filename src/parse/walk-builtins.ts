// Builtins that change the shell the rest of the line runs in: cd, export and friends, read,
// unset, and calls of functions defined in the line.

import { posix } from 'node:path';
import type { ArgWord, SimpleCommand } from './command.js';
import { addName, deleteName, type ShellState } from './expand-state.js';
import type { ScriptFacts } from './walk-types.js';

const DECLARATIONS = new Set(['export', 'declare', 'typeset', 'local', 'readonly']);
const READERS = new Set(['read', 'mapfile', 'readarray', 'getopts']);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function applyBuiltin(command: SimpleCommand, state: ShellState, facts: ScriptFacts): void {
  const program = command.program;
  if (program === undefined) return;
  if (state.functions.has(program)) {
    // A call runs the body now: whatever any function of the line assigns is uncertain after it.
    for (const name of facts.functionAssigned) state.vars.set(name, undefined);
    if (facts.functionChangesDir) state.cwd = undefined;
    return;
  }
  const args = command.argv.slice(1);
  if (program === 'cd') changeDirectory(args, state);
  else if (program === 'pushd' || program === 'popd') state.cwd = undefined;
  else if (DECLARATIONS.has(program)) declare(program, args, state);
  else if (READERS.has(program)) forgetNames(args, state);
  else if (program === 'printf') forgetPrintfTarget(args, state);
  else if (program === 'unset') unset(args, state);
  else if (program === 'set' || program === 'shift') state.positional = undefined;
}

function changeDirectory(args: ArgWord[], state: ShellState): void {
  let i = 0;
  while (i < args.length && /^-[LPe@]+$/.test(args[i]!.value ?? '')) i++;
  if (args[i]?.value === '--') i++;
  const target = args[i];
  const previous = state.cwd;
  let next: string | undefined;
  if (target === undefined) next = state.vars.get('HOME');
  else if (target.value === undefined) next = undefined;
  else if (target.value === '-') next = state.vars.get('OLDPWD');
  else next = resolveDirectory(target.value, state);
  state.cwd = next;
  state.vars.set('OLDPWD', previous);
  if (state.vars.has('PWD')) state.vars.set('PWD', next);
}

function resolveDirectory(dir: string, state: ShellState): string | undefined {
  if (posix.isAbsolute(dir)) return posix.normalize(dir);
  // CDPATH can send a relative `cd` elsewhere.
  const cdpath = state.vars.has('CDPATH') ? state.vars.get('CDPATH') : '';
  const explicit = dir === '.' || dir === '..' || dir.startsWith('./') || dir.startsWith('../');
  if (cdpath !== '' && !explicit) return undefined;
  return state.cwd === undefined ? undefined : posix.resolve(state.cwd, dir);
}

function declare(program: string, args: ArgWord[], state: ShellState): void {
  let unknownValues = false;
  let unexport = false;
  for (const arg of args) {
    const value = arg.value;
    if (value === undefined) {
      // `export $NAME=x` or a dynamic value: the name may still be readable from the text.
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(arg.text)?.[0];
      if (name) state.vars.set(name, undefined);
      continue;
    }
    if (value.startsWith('-') || value.startsWith('+')) {
      // Arrays, integers and name references do not hold a plain string.
      if (/[aAin]/.test(value)) unknownValues = true;
      if (program === 'export' && value.includes('n')) unexport = true;
      continue;
    }
    const equals = value.indexOf('=');
    const name = equals === -1 ? value : value.slice(0, equals).replace(/\+$/, '');
    if (!NAME.test(name)) continue;
    if (equals !== -1) {
      const assigned = value.slice(equals + 1);
      const append = value[equals - 1] === '+';
      const previous = state.vars.has(name) ? state.vars.get(name) : '';
      const next = append ? (previous === undefined ? undefined : previous + assigned) : assigned;
      state.vars.set(name, unknownValues ? undefined : next);
    } else if (unknownValues) state.vars.set(name, undefined);
    if (program === 'export' || program === 'declare' || program === 'typeset') {
      if (unexport) {
        deleteName(state, 'exported', name);
        addName(state, 'unexported', name);
      } else if (
        program === 'export' ||
        args.some((a) => a.value?.startsWith('-') && a.value.includes('x'))
      ) {
        addName(state, 'exported', name);
        deleteName(state, 'unexported', name);
      }
    }
  }
}

function forgetNames(args: ArgWord[], state: ShellState): void {
  for (const arg of args) {
    const value = arg.value ?? '';
    if (NAME.test(value)) state.vars.set(value, undefined);
  }
  state.vars.set('REPLY', undefined);
}

function forgetPrintfTarget(args: ArgWord[], state: ShellState): void {
  const flag = args.findIndex((arg) => arg.value === '-v');
  const name = flag === -1 ? undefined : args[flag + 1]?.value;
  if (name !== undefined && NAME.test(name)) state.vars.set(name, undefined);
}

function unset(args: ArgWord[], state: ShellState): void {
  let functions = false;
  for (const arg of args) {
    const value = arg.value ?? '';
    if (value === '-f') functions = true;
    else if (value === '-v') functions = false;
    else if (functions) deleteName(state, 'functions', value);
    else if (NAME.test(value)) {
      state.vars.delete(value);
    }
  }
}
