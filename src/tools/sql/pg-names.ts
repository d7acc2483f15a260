// Reads object names out of libpg-query nodes: `schema.table`, function names, roles.

import type { PgNode } from './postgres.js';

export function child(node: unknown, key: string): PgNode | undefined {
  const v = (node as PgNode | undefined)?.[key];
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as PgNode) : undefined;
}

export function list(node: unknown, key: string): PgNode[] {
  const v = (node as PgNode | undefined)?.[key];
  return Array.isArray(v) ? (v as PgNode[]) : [];
}

/** The single key of a wrapped node (`{ DropStmt: {…} }` → `DropStmt`). */
export function nodeType(node: PgNode): string {
  return Object.keys(node)[0] ?? '';
}

/** `catalog.schema.relation` as written, from a RangeVar (bare or wrapped). */
export function rangeVarName(node: PgNode | undefined): string | undefined {
  const rv = child(node, 'RangeVar') ?? node;
  if (rv === undefined || typeof rv.relname !== 'string') return undefined;
  return [rv.catalogname, rv.schemaname, rv.relname].filter((p) => typeof p === 'string').join('.');
}

/** All String values under a node, joined with dots (`{List:{items:[s, t]}}` → `s.t`). */
export function dottedName(node: PgNode | undefined): string | undefined {
  if (node === undefined) return undefined;
  const parts: string[] = [];
  const visit = (n: unknown): void => {
    if (n === null || typeof n !== 'object') return;
    if (Array.isArray(n)) {
      for (const x of n) visit(x);
      return;
    }
    const rec = n as PgNode;
    const s = child(rec, 'String');
    if (s !== undefined && typeof s.sval === 'string') {
      parts.push(s.sval);
      return;
    }
    if (typeof rec.rolename === 'string') {
      parts.push(rec.rolename);
      return;
    }
    const rv = rangeVarName(rec);
    if (rv !== undefined) {
      parts.push(rv);
      return;
    }
    for (const [k, v] of Object.entries(rec))
      if (k !== 'objargs' && k !== 'objfuncargs' && k !== 'typeName') visit(v);
  };
  visit(node);
  return parts.length > 0 ? parts.join('.') : undefined;
}

/** `OBJECT_MATVIEW` → `matview`, `OBJECT_FOREIGN_TABLE` → `foreign-table`. */
export function objectTypeName(objtype: unknown): string {
  return typeof objtype === 'string'
    ? objtype
        .replace(/^OBJECT_/, '')
        .toLowerCase()
        .replace(/_/g, '-')
    : 'object';
}

/** `DropTableSpaceStmt` → `tablespace`, `CreateExtensionStmt` → `extension`. */
export function stmtNoun(type: string, prefix: string): string {
  return type
    .slice(prefix.length)
    .replace(/Stmt$/, '')
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .toLowerCase();
}

/** The name of a called function (`pg_catalog.pg_terminate_backend` → `pg_terminate_backend`). */
export function functionName(call: PgNode): string {
  const names = list(call, 'funcname');
  const last = names[names.length - 1];
  return String(child(last, 'String')?.sval ?? '').toLowerCase();
}
