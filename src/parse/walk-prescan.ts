// A quick pass over a script before walking it: which variables it assigns and whether it
// changes directory, so loops and functions can mark those uncertain up front.

import type { Command, Word } from './ast.js';
import type { ScriptFacts } from './walk-types.js';

const DECLARING = new Set([
  'export',
  'declare',
  'typeset',
  'local',
  'readonly',
  'read',
  'mapfile',
  'readarray',
  'unset',
  'getopts',
  'printf',
]);
const CHANGING_DIR = new Set(['cd', 'pushd', 'popd']);

export interface Effects {
  assigned: Set<string>;
  changesDir: boolean;
}

export function prescanScript(body: Command): ScriptFacts {
  const assigned = new Set<string>();
  const functionAssigned = new Set<string>();
  let functionChangesDir = false;
  const effects: Effects = { assigned, changesDir: false };
  collectEffects(body, effects, (fn) => {
    const inner: Effects = { assigned: functionAssigned, changesDir: false };
    collectEffects(fn, inner);
    if (inner.changesDir) functionChangesDir = true;
  });
  for (const name of functionAssigned) assigned.add(name);
  return {
    assigned,
    changesDir: effects.changesDir || functionChangesDir,
    functionAssigned,
    functionChangesDir,
  };
}

/** Variables a command may assign and whether it may change directory (substitutions excluded: they run in subshells). */
export function collectEffects(
  command: Command,
  effects: Effects,
  onFunction?: (body: Command) => void,
): void {
  const stack: Command[] = [command];
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.type) {
      case 'Simple':
        for (const assignment of node.assignments) effects.assigned.add(assignment.name);
        collectBuiltinEffects(node.words, effects);
        break;
      case 'Pipeline':
        stack.push(...node.commands);
        break;
      case 'AndOr':
        stack.push(node.left, node.right);
        break;
      case 'List':
        for (const item of node.items) stack.push(item.command);
        break;
      case 'Subshell':
      case 'Group':
        stack.push(node.body);
        break;
      case 'Function':
        onFunction?.(node.body);
        if (onFunction === undefined) stack.push(node.body);
        break;
      case 'If':
        for (const clause of node.clauses) stack.push(clause.condition, clause.body);
        if (node.elseBody) stack.push(node.elseBody);
        break;
      case 'For':
      case 'Select':
        effects.assigned.add(node.variable);
        stack.push(node.body);
        break;
      case 'ArithFor':
        stack.push(node.body);
        break;
      case 'While':
        stack.push(node.condition, node.body);
        break;
      case 'Case':
        for (const item of node.items) stack.push(item.body);
        break;
      case 'Coproc':
        stack.push(node.body);
        break;
      default:
        break;
    }
  }
}

function collectBuiltinEffects(words: Word[], effects: Effects): void {
  const first = words[0]?.text;
  if (first === undefined) return;
  const name = first.startsWith('\\') ? first.slice(1) : first;
  if (CHANGING_DIR.has(name)) effects.changesDir = true;
  if (!DECLARING.has(name)) return;
  for (const word of words.slice(1)) {
    const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(word.text);
    if (match) effects.assigned.add(match[0]);
  }
}
