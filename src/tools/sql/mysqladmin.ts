// mysqladmin's commands (`drop shop`, `shutdown`, `flush-logs`…) as the statements they
// amount to, so the mysql pack judges them like the SQL they stand for.

import { once } from '../../once.js';
import type { SqlEffect, SqlStatement } from './types.js';
import { unknownStatement } from './types.js';

interface AdminCommand {
  kind: string;
  effect: SqlEffect;
  /** Takes the next word as its argument (a database, thread ids, a password). */
  argument?: 'database' | 'threads' | 'secret';
}

const commands = once(
  (): Record<string, AdminCommand> => ({
    create: { kind: 'create-database', effect: 'write', argument: 'database' },
    drop: { kind: 'drop-database', effect: 'destroy', argument: 'database' },
    shutdown: { kind: 'shutdown', effect: 'destroy' },
    kill: { kind: 'kill', effect: 'destroy', argument: 'threads' },
    password: { kind: 'set-password', effect: 'write', argument: 'secret' },
    'old-password': { kind: 'set-password', effect: 'write', argument: 'secret' },
    'flush-hosts': { kind: 'flush', effect: 'write' },
    'flush-logs': { kind: 'flush', effect: 'write' },
    'flush-privileges': { kind: 'flush', effect: 'write' },
    'flush-status': { kind: 'flush', effect: 'write' },
    'flush-tables': { kind: 'flush', effect: 'write' },
    'flush-threads': { kind: 'flush', effect: 'write' },
    refresh: { kind: 'flush', effect: 'write' },
    reload: { kind: 'flush', effect: 'write' },
    'start-replica': { kind: 'start-replica', effect: 'write' },
    'start-slave': { kind: 'start-replica', effect: 'write' },
    'stop-replica': { kind: 'stop-replica', effect: 'write' },
    'stop-slave': { kind: 'stop-replica', effect: 'write' },
    status: { kind: 'show', effect: 'read' },
    'extended-status': { kind: 'show', effect: 'read' },
    processlist: { kind: 'show', effect: 'read' },
    variables: { kind: 'show', effect: 'read' },
    version: { kind: 'show', effect: 'read' },
    ping: { kind: 'show', effect: 'read' },
    debug: { kind: 'show', effect: 'read' },
  }),
);

/** mysqladmin accepts any unambiguous prefix of a command name (`proc` for processlist). */
function lookup(word: string): [string, AdminCommand] | undefined {
  const name = word.toLowerCase();
  const exact = commands()[name];
  if (exact !== undefined) return [name, exact];
  const matches = Object.keys(commands()).filter((c) => c.startsWith(name));
  const only = matches.length === 1 ? matches[0] : undefined;
  return only === undefined ? undefined : [only, commands()[only] as AdminCommand];
}

/** The statements a list of mysqladmin command words runs, in order. */
export function mysqladminStatements(words: readonly string[]): SqlStatement[] {
  const out: SqlStatement[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const found = lookup(word);
    if (found === undefined) {
      out.push(unknownStatement(word, 'not a mysqladmin command airlock knows', 'admin-unknown'));
      continue;
    }
    const [name, command] = found;
    const arg = command.argument === undefined ? undefined : words[++i];
    const shown = command.argument === 'secret' ? name : [name, arg].filter(Boolean).join(' ');
    out.push({
      kind: command.kind,
      effect: command.effect,
      objects: command.argument === 'database' && arg !== undefined ? [arg] : [],
      ...(command.argument === 'database' ? { objectType: 'database' } : {}),
      text: `mysqladmin ${shown}`,
      facts: { 'sql.admin-command': name },
    });
  }
  return out;
}
