// Builds the classification of PostgreSQL statements whose meaning sits in one node:
// DELETE/UPDATE with their WHERE, ALTER TABLE, DROP of every kind, SET.

import { child, dottedName, list, objectTypeName, rangeVarName, stmtNoun } from './pg-names.js';
import { whereStateOf } from './pg-where.js';
import type { PgNode } from './postgres.js';
import type { SqlEffect, SqlStatement } from './types.js';

export function statement(
  kind: string,
  effect: SqlEffect,
  text: string,
  extra: Partial<SqlStatement> = {},
): SqlStatement {
  return { kind, effect, objects: [], text, facts: {}, ...extra };
}

export function dml(type: string, node: PgNode, text: string): SqlStatement {
  const verb = type === 'DeleteStmt' ? 'delete' : 'update';
  const table = rangeVarName(child(node, 'relation'));
  const where = whereStateOf(node.whereClause);
  const effect = where === 'present' ? 'write' : 'destroy';
  return statement(verb, effect, text, {
    objects: table === undefined ? [] : [table],
    objectType: 'table',
    where,
    ast: { [type]: node },
    ...(where === 'present'
      ? {}
      : {
          reason:
            where === 'absent'
              ? `${verb.toUpperCase()} without WHERE touches every row`
              : `${verb.toUpperCase()} with a WHERE that is always true touches every row`,
        }),
  });
}

export function alterTable(node: PgNode, text: string): SqlStatement {
  const table = rangeVarName(child(node, 'relation'));
  const objectType = objectTypeName(node.objtype);
  const subtypes = list(node, 'cmds').map((c) => String(child(c, 'AlterTableCmd')?.subtype ?? ''));
  const drops = subtypes.filter((s) => s.startsWith('AT_Drop'));
  const cascade = list(node, 'cmds').some((c) => child(c, 'AlterTableCmd')?.behavior === 'DROP_CASCADE');
  const base = { objects: table === undefined ? [] : [table], objectType, cascade };
  if (drops.length > 0) {
    const what = (drops[0] as string)
      .replace('AT_Drop', '')
      .replace(/([a-z])([A-Z])/g, '$1-$2')
      .toLowerCase();
    return statement(`alter-drop-${what || 'object'}`, 'destroy', text, {
      ...base,
      facts: { 'sql.alter-drop': true },
    });
  }
  const retype = subtypes.includes('AT_AlterColumnType');
  return statement(`alter-${objectType}`, 'write', text, {
    ...base,
    facts: retype ? { 'sql.alter-type': true } : {},
  });
}

export function drop(type: string, node: PgNode, text: string): SqlStatement {
  const cascade = node.behavior === 'DROP_CASCADE';
  if (type === 'DropStmt') {
    const objectType = objectTypeName(node.removeType);
    const objects = list(node, 'objects').map((o) => dottedName(o) ?? '?');
    return statement(`drop-${objectType}`, 'destroy', text, { objects, objectType, cascade });
  }
  if (type === 'DropdbStmt')
    return statement('drop-database', 'destroy', text, {
      objects: [String(node.dbname)],
      objectType: 'database',
    });
  if (type === 'DropRoleStmt') {
    const roles = list(node, 'roles').map((r) => String(child(r, 'RoleSpec')?.rolename ?? '?'));
    return statement('drop-role', 'destroy', text, { objects: roles, objectType: 'role' });
  }
  const noun = stmtNoun(type, 'Drop');
  const name =
    typeof node.tablespacename === 'string'
      ? node.tablespacename
      : typeof node.subname === 'string'
        ? node.subname
        : dottedName(node);
  return statement(`drop-${noun}`, 'destroy', text, {
    objects: name === undefined ? [] : [name],
    objectType: noun,
    cascade,
  });
}

export function setVariable(node: PgNode, text: string): SqlStatement {
  const name = String(node.name ?? '').toLowerCase();
  if (name === 'session_replication_role')
    return statement('set-session-replication-role', 'destroy', text, {
      facts: { 'sql.setting': name },
      reason: 'session_replication_role disables triggers and foreign-key checks',
    });
  return statement('set', 'read', text, name ? { facts: { 'sql.setting': name } } : {});
}
