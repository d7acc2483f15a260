// Parameter expansion against the tracked state: `$X`, `${X:-word}`, `${#X}` and friends when
// the variable's state is known; everything else is reported dynamic with a reason.

import type { ParamPart, Word } from './ast.js';
import type { ShellState } from './expand-state.js';

export type Expanded = { value: string; dynamic?: undefined } | { value?: undefined; dynamic: string };

/** Evaluates an operator's word (`default` in `${X:-default}`) without field splitting. */
export type EvaluateArg = (word: Word) => Expanded;

const ALWAYS_DYNAMIC = new Set([
  'RANDOM',
  'SRANDOM',
  'SECONDS',
  'LINENO',
  'BASHPID',
  'EPOCHSECONDS',
  'EPOCHREALTIME',
  'PPID',
  'BASH_COMMAND',
  'REPLY',
]);

type VarState = { kind: 'set'; value: string } | { kind: 'unset' } | { kind: 'unknown'; reason: string };

function lookup(name: string, state: ShellState): VarState {
  if (/^\d+$/.test(name)) {
    const positional = state.positional;
    const index = Number(name);
    if (positional !== undefined && index >= positional.length) return { kind: 'unset' };
    const value = positional?.[index];
    if (value !== undefined) return { kind: 'set', value };
    return { kind: 'unknown', reason: `$${name} is a positional parameter` };
  }
  if (!/^[A-Za-z_]/.test(name)) return { kind: 'unknown', reason: `$${name} is a special parameter` };
  if (ALWAYS_DYNAMIC.has(name)) return { kind: 'unknown', reason: `$${name} changes at run time` };
  if (name === 'PWD' && !state.vars.has('PWD')) {
    return state.cwd === undefined
      ? { kind: 'unknown', reason: 'the working directory is not known' }
      : { kind: 'set', value: state.cwd };
  }
  if (!state.vars.has(name)) return { kind: 'unset' };
  const value = state.vars.get(name);
  return value === undefined
    ? { kind: 'unknown', reason: `$${name} is not known statically` }
    : { kind: 'set', value };
}

export function expandParam(part: ParamPart, state: ShellState, evaluateArg: EvaluateArg): Expanded {
  const name = part.name;
  if (part.indirect) return { dynamic: `\${!${name}} is an indirect expansion` };
  if (part.index !== undefined) return { dynamic: `\${${name}[${part.index}]} is an array element` };
  const found = lookup(name, state);
  if (found.kind === 'unknown') return { dynamic: found.reason };
  if (part.length) {
    return found.kind === 'set' ? { value: String([...found.value].length) } : { value: '0' };
  }
  const op = part.op;
  if (op === undefined)
    return found.kind === 'set' ? { value: found.value } : { dynamic: `$${name} is not set` };
  const arg = (): Expanded => (part.arg === undefined ? { value: '' } : evaluateArg(part.arg));
  const isSet = found.kind === 'set';
  const value = found.kind === 'set' ? found.value : '';
  // With a colon, an empty value counts as unset.
  const usable = op.startsWith(':') ? isSet && value !== '' : isSet;
  switch (op) {
    case ':-':
    case '-':
      return usable ? { value } : arg();
    case ':=':
    case '=': {
      if (usable) return { value };
      const assigned = arg();
      state.vars.set(name, assigned.value);
      return assigned;
    }
    case ':+':
    case '+':
      return usable ? arg() : { value: '' };
    case ':?':
    case '?':
      // Unset here aborts the command, so whatever it would be is not worth guessing.
      return usable ? { value } : { dynamic: `$${name} is not set (the command would fail)` };
    default:
      return isSet ? removeAffix(op, value, part, arg) : { dynamic: `$${name} is not set` };
  }
}

/** `${X#prefix}` and `${X%suffix}` with a plain (glob-free) pattern; other operators are dynamic. */
function removeAffix(op: string, value: string, part: ParamPart, arg: () => Expanded): Expanded {
  const reason = { dynamic: `\${${part.name}${op}…} is not evaluated statically` };
  if (op !== '#' && op !== '##' && op !== '%' && op !== '%%') return reason;
  const pattern = arg();
  if (pattern.value === undefined) return pattern;
  if (/[*?[\\]/.test(pattern.value)) return reason;
  if (op.startsWith('#')) {
    return { value: value.startsWith(pattern.value) ? value.slice(pattern.value.length) : value };
  }
  return {
    value: value.endsWith(pattern.value) ? value.slice(0, value.length - pattern.value.length) : value,
  };
}
