// Finds what a PostgreSQL statement does below its top level: data-modifying CTEs
// (`WITH x AS (DELETE …) SELECT …`) and calls to functions that act on the server.

import { once } from '../../once.js';
import { child, functionName, list } from './pg-names.js';
import type { PgNode } from './postgres.js';
import type { SqlEffect, SqlStatement } from './types.js';

/** Server functions whose call is more than a read. */
const FUNCTIONS = once(
  (): Record<string, { effect: SqlEffect; reason: string }> => ({
    pg_terminate_backend: { effect: 'destroy', reason: 'terminates server sessions' },
    pg_cancel_backend: { effect: 'write', reason: 'cancels running queries' },
    lo_unlink: { effect: 'destroy', reason: 'deletes a large object' },
    pg_drop_replication_slot: { effect: 'destroy', reason: 'drops a replication slot' },
    pg_replication_origin_drop: { effect: 'destroy', reason: 'drops a replication origin' },
    pg_file_unlink: { effect: 'destroy', reason: 'deletes a file on the server' },
    pg_promote: { effect: 'write', reason: 'promotes a standby server' },
    pg_reload_conf: { effect: 'write', reason: 'reloads the server configuration' },
    pg_rotate_logfile: { effect: 'write', reason: 'rotates the server log' },
    pg_switch_wal: { effect: 'write', reason: 'switches the write-ahead log' },
    pg_create_restore_point: { effect: 'write', reason: 'creates a restore point' },
    pg_create_physical_replication_slot: { effect: 'write', reason: 'creates a replication slot' },
    pg_create_logical_replication_slot: { effect: 'write', reason: 'creates a replication slot' },
    pg_stat_reset: { effect: 'write', reason: 'resets statistics' },
    pg_file_write: { effect: 'write', reason: 'writes a file on the server' },
    pg_file_rename: { effect: 'write', reason: 'renames a file on the server' },
    lo_import: { effect: 'write', reason: 'imports a server file as a large object' },
    lo_export: { effect: 'write', reason: 'writes a large object to a server file' },
    lo_from_bytea: { effect: 'write', reason: 'creates a large object' },
    lo_put: { effect: 'write', reason: 'writes into a large object' },
    set_config: { effect: 'write', reason: 'changes a server setting' },
    setval: { effect: 'write', reason: 'resets a sequence' },
    dblink_exec: { effect: 'unknown', reason: 'runs SQL text on another server' },
    dblink: { effect: 'unknown', reason: 'runs SQL text on another server' },
    query_to_xml: { effect: 'unknown', reason: 'runs SQL text built at run time' },
    query_to_xml_and_xmlschema: { effect: 'unknown', reason: 'runs SQL text built at run time' },
    query_to_xmlschema: { effect: 'unknown', reason: 'runs SQL text built at run time' },
  }),
);

const DML = new Set(['InsertStmt', 'UpdateStmt', 'DeleteStmt', 'MergeStmt']);

/** Classifies a nested data-modifying statement as if it ran on its own. */
export type ClassifyNode = (node: PgNode, text: string) => SqlStatement[];

/** Everything a statement does below its own top level, flattened. */
export function nestedStatements(root: PgNode, text: string, classify: ClassifyNode): SqlStatement[] {
  const found: SqlStatement[] = [];
  const visit = (value: unknown, isRoot: boolean): void => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const v of value) visit(v, false);
      return;
    }
    const node = value as PgNode;
    for (const [key, inner] of Object.entries(node)) {
      if (!isRoot && DML.has(key)) {
        for (const s of classify({ [key]: inner }, text)) {
          found.push({ ...s, facts: Object.assign({}, s.facts, { 'sql.in-cte': true }) });
        }
        continue;
      }
      if (key === 'FuncCall') {
        const call = child(node, 'FuncCall') as PgNode;
        const name = functionName(call);
        const known = FUNCTIONS()[name];
        if (known !== undefined) {
          const call: SqlStatement = {
            kind: `call-${name.replace(/_/g, '-')}`,
            effect: known.effect,
            objects: [name],
            objectType: 'function',
            text,
            facts: { 'sql.function': name },
            reason: `${name}() ${known.reason}`,
          };
          found.push(call);
        }
        for (const arg of list(call, 'args')) visit(arg, false);
        continue;
      }
      visit(inner, false);
    }
  };
  visit(root, true);
  return found;
}
