// What `{}` stands for in `find DIR -name NAME … -exec CMD {} +`: entries named NAME below
// DIR, and nothing else, when the expression only narrows that selection. Then a delete of
// `node_modules` or `__pycache__` directories found by name is judged by that name.

import { isAbsolute, posix } from 'node:path';
import type { SimpleCommand } from '../parse/command.js';
import type { RecognizeContext, Target } from './invocation.js';
import { resolvePath } from './paths.js';

/** Tests that only narrow what `-name` selects; anything else (-o, !, -path, -L…) may widen it. */
const NARROWING = new Set([
  '-type',
  '-prune',
  '-maxdepth',
  '-mindepth',
  '-mtime',
  '-mmin',
  '-atime',
  '-amin',
  '-ctime',
  '-cmin',
  '-newer',
  '-empty',
  '-xdev',
  '-mount',
  '-depth',
  '-print',
  '-size',
  '-user',
  '-group',
  '-perm',
]);
const WITH_VALUE = new Set(
  ['-type', '-maxdepth', '-mindepth', '-mtime', '-mmin', '-atime', '-amin', '-ctime', '-cmin'].concat([
    '-newer',
    '-size',
    '-user',
    '-group',
    '-perm',
  ]),
);
const EXEC_ACTIONS = new Set(['-exec', '-execdir', '-ok', '-okdir']);
/** Static, unquoted-safe words only: anything with `$`, quotes or wildcards is not read. */
const PLAIN = /^[A-Za-z0-9_.@%+,:=-]+$/;
const PLAIN_PATH = /^[A-Za-z0-9_.@%+,:=/~-]+$/;

/** The start directory and the name find selects, from its arguments up to the action. */
function selection(args: readonly string[]): { start: string; name: string } | undefined {
  const [start, ...rest] = args;
  const action = rest.pop();
  if (start === undefined || action === undefined || !EXEC_ACTIONS.has(action)) return undefined;
  if (!PLAIN_PATH.test(start) || start.startsWith('-')) return undefined;
  let name: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i]!;
    if (word === '-name') {
      const value = rest[++i];
      if (name !== undefined || value === undefined || !PLAIN.test(value) || value === '.' || value === '..')
        return undefined;
      name = value;
    } else if (NARROWING.has(word)) {
      if (WITH_VALUE.has(word)) i++;
    } else return undefined;
  }
  return name === undefined ? undefined : { start, name };
}

/**
 * The target `{}` stands for in a command run by `find -exec`, as a pattern `DIR/**\/NAME`
 * whose resolved form keeps NAME (find does not follow links, so every match is an entry
 * named NAME below DIR). Undefined when that is not what the find selects.
 */
export function foundTarget(command: SimpleCommand, ctx: RecognizeContext): Target | undefined {
  if (command.origin[command.origin.length - 1]?.kind !== 'find -exec') return undefined;
  const find = command.wrappers[command.wrappers.length - 1];
  if (find?.name !== 'find' || find.args.some((arg) => arg === '-L' || arg === '-H' || arg === '-follow'))
    return undefined;
  const chosen = selection(find.args);
  const cwd = command.cwd;
  if (chosen === undefined || (cwd === undefined && !isAbsolute(chosen.start))) return undefined;
  const base = resolvePath(chosen.start, cwd ?? '/', ctx.fs);
  return {
    kind: 'path',
    pattern: `${chosen.start.replace(/\/+$/, '')}/**/${chosen.name}`,
    dynamic: `an entry named ${chosen.name} found by find`,
    resolved: `${posix.join(base, '**')}/${chosen.name}`,
  };
}
