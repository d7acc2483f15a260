// Function calls that act outside the query in MySQL and the sqlite3 shell: `writefile()`
// overwrites any file, `load_extension()` and `sys_exec()` run native code or a shell.
// A statement that reads like a SELECT is judged by the worst call inside it.

import { once } from '../../once.js';
import type { MyNode } from './mysql.js';
import type { SqlEffect, SqlStatement } from './types.js';

interface CallHazard {
  effect: SqlEffect;
  reason: string;
}

const hazards = once(
  (): Record<string, CallHazard> => ({
    // sqlite3 shell built-ins
    writefile: { effect: 'destroy', reason: 'writefile() writes a file on disk, replacing what was there' },
    load_extension: { effect: 'unknown', reason: 'load_extension() loads native code into the shell' },
    edit: { effect: 'unknown', reason: 'edit() opens an editor and returns what is saved' },
    // lib_mysqludf_sys, the usual shell-out UDFs
    sys_exec: { effect: 'unknown', reason: 'sys_exec() runs a shell command on the server' },
    sys_eval: { effect: 'unknown', reason: 'sys_eval() runs a shell command on the server' },
    sys_set: { effect: 'write', reason: 'sys_set() changes the server environment' },
  }),
);

/** A bound on the walk; a 1 MB statement (the most airlock reads) has a few hundred thousand nodes. */
const MAX_NODES = 2_000_000;

function functionName(node: MyNode): string | undefined {
  const name = node.name;
  if (typeof name === 'string') return name.toLowerCase();
  const parts = (name as { name?: unknown } | null)?.name;
  if (!Array.isArray(parts)) return undefined;
  const last = parts[parts.length - 1] as { value?: unknown } | undefined;
  return typeof last?.value === 'string' ? last.value.toLowerCase() : undefined;
}

/** The hazardous calls in a parsed statement, or 'too-large' when the tree was not walked whole. */
function findCalls(root: MyNode, maxNodes: number): string[] | 'too-large' {
  const found: string[] = [];
  const stack: unknown[] = [root];
  let visited = 0;
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object') continue;
    if (++visited > maxNodes) return 'too-large';
    if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
      continue;
    }
    const node = value as MyNode;
    if (node.type === 'function' || node.type === 'aggr_func') {
      const name = functionName(node);
      if (name !== undefined && Object.hasOwn(hazards(), name)) found.push(name);
    }
    for (const child of Object.values(node))
      if (child !== null && typeof child === 'object') stack.push(child);
  }
  return found;
}

const rank: Record<SqlEffect, number> = { read: 0, write: 1, destroy: 2, unknown: 3 };

/** The statement, made as strict as the worst hazardous call in it. */
export function withCallHazards(statement: SqlStatement, node: MyNode, maxNodes = MAX_NODES): SqlStatement {
  const calls = findCalls(node, maxNodes);
  if (calls === 'too-large')
    return {
      ...statement,
      kind: 'too-large',
      effect: 'unknown',
      reason: 'the statement is too large to inspect',
    };
  let worst: [string, CallHazard] | undefined;
  for (const name of calls) {
    const hazard = hazards()[name] as CallHazard;
    if (worst === undefined || rank[hazard.effect] > rank[worst[1].effect]) worst = [name, hazard];
  }
  if (worst === undefined || rank[worst[1].effect] <= rank[statement.effect]) return statement;
  return {
    ...statement,
    kind: `call-${worst[0].replace(/_/g, '-')}`,
    effect: worst[1].effect,
    reason: worst[1].reason,
    facts: Object.assign({}, statement.facts, { 'sql.function': worst[0] }),
  };
}
