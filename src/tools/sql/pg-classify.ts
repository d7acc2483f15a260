// Classifies one parsed PostgreSQL statement: read, write or destroy, the objects it
// touches, its WHERE state, and what it does below the top level.

import { child, dottedName, list, nodeType, rangeVarName, stmtNoun } from './pg-names.js';
import { nestedStatements } from './pg-nested.js';
import { alterTable, dml, drop, setVariable, statement } from './pg-shapes.js';
import type { PgNode } from './postgres.js';
import type { SqlStatement } from './types.js';

export interface PgContext {
  /** Classifies SQL text found inside a statement (a DO block's static or literal SQL). */
  classifyText(sql: string): SqlStatement[];
  /** Classifies a DO block body. */
  classifyDoBody(body: string, text: string): SqlStatement[];
  /** Names of statements PREPAREd earlier in the same input. */
  prepared: Set<string>;
}

const READ_TYPES = new Set([
  'VariableShowStmt',
  'TransactionStmt',
  'DiscardStmt',
  'ListenStmt',
  'UnlistenStmt',
  'DeallocateStmt',
  'FetchStmt',
  'ClosePortalStmt',
  'ConstraintsSetStmt',
  'CheckPointStmt',
]);

const WRITE_TYPES: Record<string, string> = {
  VacuumStmt: 'vacuum',
  ReindexStmt: 'reindex',
  ClusterStmt: 'cluster',
  CommentStmt: 'comment',
  RefreshMatViewStmt: 'refresh-materialized-view',
  GrantStmt: 'grant',
  GrantRoleStmt: 'grant-role',
  AlterDefaultPrivilegesStmt: 'alter-default-privileges',
  LockStmt: 'lock',
  NotifyStmt: 'notify',
  SecLabelStmt: 'security-label',
  ImportForeignSchemaStmt: 'import-foreign-schema',
  IndexStmt: 'create-index',
  ViewStmt: 'create-view',
  DefineStmt: 'create',
  CompositeTypeStmt: 'create-type',
  RuleStmt: 'create-rule',
  RenameStmt: 'rename',
  CreateStmt: 'create-table',
  ReassignOwnedStmt: 'reassign-owned',
  LoadStmt: 'load',
  CreateTableAsStmt: 'create-table-as',
};

function copy(node: PgNode, text: string, ctx: PgContext): SqlStatement[] {
  const table = rangeVarName(child(node, 'relation'));
  const objects = table === undefined ? [] : [table];
  const inner = child(node, 'query');
  const nested =
    inner === undefined ? [] : classifyPgNode(inner, text, ctx).filter((s) => s.effect !== 'read');
  if (node.is_program === true) {
    const program = String(node.filename ?? '');
    return [
      statement('copy-program', 'destroy', text, {
        objects,
        objectType: 'table',
        facts: { 'sql.program': program },
        reason: `COPY … PROGRAM runs a shell command on the server: ${program}`,
      }),
      ...nested,
    ];
  }
  if (node.is_from === true)
    return [statement('copy-from', 'write', text, { objects, objectType: 'table' }), ...nested];
  if (typeof node.filename === 'string')
    return [
      statement('copy-to-file', 'write', text, {
        objects: [node.filename],
        objectType: 'file',
        facts: { 'sql.server-file': node.filename },
      }),
      ...nested,
    ];
  return [statement('copy-to-stdout', 'read', text, { objects }), ...nested];
}

function explain(node: PgNode, text: string, ctx: PgContext): SqlStatement[] {
  const analyze = list(node, 'options').some((o) => {
    const d = child(o, 'DefElem');
    if (d?.defname !== 'analyze') return false;
    const arg = dottedName(child(d, 'arg'));
    const b = child(child(d, 'arg'), 'Boolean');
    return !(arg === 'false' || arg === 'off' || arg === '0' || (b !== undefined && b.boolval !== true));
  });
  const query = child(node, 'query');
  // EXPLAIN without ANALYZE only plans; EXPLAIN ANALYZE runs the statement for real.
  if (!analyze || query === undefined) return [statement('explain', 'read', text)];
  return classifyPgNode(query, text, ctx).map((s) => ({
    ...s,
    facts: Object.assign({}, s.facts, { 'sql.explain-analyze': true }),
  }));
}

function byType(type: string, node: PgNode, text: string, ctx: PgContext): SqlStatement[] {
  switch (type) {
    case 'SelectStmt': {
      const into = child(node, 'intoClause');
      if (into !== undefined) {
        const t = rangeVarName(child(into, 'rel'));
        return [
          statement('select-into', 'destroy', text, {
            objects: t === undefined ? [] : [t],
            objectType: 'table',
            reason: 'SELECT … INTO creates a table',
          }),
        ];
      }
      return [statement('select', 'read', text, { ast: { SelectStmt: node } })];
    }
    case 'DeleteStmt':
    case 'UpdateStmt':
      return [dml(type, node, text)];
    case 'InsertStmt': {
      const t = rangeVarName(child(node, 'relation'));
      return [
        statement('insert', 'write', text, { objects: t === undefined ? [] : [t], objectType: 'table' }),
      ];
    }
    case 'MergeStmt': {
      const t = rangeVarName(child(node, 'relation'));
      const deletes = list(node, 'mergeWhenClauses').some(
        (c) => child(c, 'MergeWhenClause')?.commandType === 'CMD_DELETE',
      );
      return [
        statement('merge', deletes ? 'destroy' : 'write', text, {
          objects: t === undefined ? [] : [t],
          objectType: 'table',
          facts: deletes ? { 'sql.merge-delete': true } : {},
        }),
      ];
    }
    case 'TruncateStmt': {
      const objects = list(node, 'relations').map((r) => rangeVarName(r) ?? '?');
      return [
        statement('truncate', 'destroy', text, {
          objects,
          objectType: 'table',
          cascade: node.behavior === 'DROP_CASCADE',
        }),
      ];
    }
    case 'AlterTableStmt':
      return [alterTable(node, text)];
    case 'AlterSystemStmt':
      return [
        statement('alter-system', 'destroy', text, {
          reason: 'ALTER SYSTEM changes the server configuration for every session',
        }),
      ];
    case 'CopyStmt':
      return copy(node, text, ctx);
    case 'ExplainStmt':
      return explain(node, text, ctx);
    case 'VariableSetStmt':
      return [setVariable(node, text)];
    case 'DoStmt': {
      const body = list(node, 'args')
        .map((a) => child(a, 'DefElem'))
        .find((d) => d?.defname === 'as');
      const language = list(node, 'args')
        .map((a) => child(a, 'DefElem'))
        .find((d) => d?.defname === 'language');
      const lang = dottedName(child(language, 'arg'));
      if (lang !== undefined && lang.toLowerCase() !== 'plpgsql')
        return [statement('do', 'unknown', text, { reason: `DO block in ${lang} cannot be inspected` })];
      return [
        statement('do', 'write', text, { reason: 'DO runs procedural code' }),
        ...ctx.classifyDoBody(String(dottedName(child(body, 'arg')) ?? ''), text),
      ];
    }
    case 'PrepareStmt': {
      ctx.prepared.add(String(node.name ?? ''));
      const q = child(node, 'query');
      return q === undefined
        ? [statement('prepare', 'read', text)]
        : classifyPgNode(q, text, ctx).map((s) => ({
            ...s,
            facts: Object.assign({}, s.facts, { 'sql.prepared': true }),
          }));
    }
    case 'ExecuteStmt':
      return ctx.prepared.has(String(node.name ?? ''))
        ? [statement('execute-prepared', 'read', text)]
        : [
            statement('execute-prepared', 'unknown', text, {
              reason: `EXECUTE ${String(node.name)} runs a statement prepared elsewhere`,
            }),
          ];
    case 'DeclareCursorStmt': {
      const q = child(node, 'query');
      return q === undefined ? [statement('declare-cursor', 'read', text)] : classifyPgNode(q, text, ctx);
    }
    case 'CallStmt':
      return [
        statement('call', 'unknown', text, {
          reason: 'CALL runs a stored procedure whose body is not visible here',
        }),
      ];
    case 'CreateFunctionStmt': {
      const replace = node.replace === true;
      return [
        statement(replace ? 'create-or-replace-function' : 'create-function', 'write', text, {
          objects: [dottedName({ n: node.funcname } as PgNode) ?? '?'],
          objectType: 'function',
          facts: replace ? { 'sql.replace': true } : {},
        }),
      ];
    }
  }
  if (READ_TYPES.has(type))
    return [statement(type === 'TransactionStmt' ? 'transaction' : stmtNoun(type, ''), 'read', text)];
  if (type.startsWith('Drop')) return [drop(type, node, text)];
  const replace = node.replace === true;
  const facts: Record<string, boolean> = replace ? { 'sql.replace': true } : {};
  const writeKind = WRITE_TYPES[type];
  const target =
    rangeVarName(child(node, 'relation')) ??
    rangeVarName(child(child(node, 'into'), 'rel')) ??
    rangeVarName(child(node, 'view'));
  const objects = target === undefined ? [] : [target];
  if (writeKind !== undefined)
    return [
      statement(replace ? writeKind.replace('create-', 'create-or-replace-') : writeKind, 'write', text, {
        objects,
        facts,
      }),
    ];
  if (type.startsWith('Create') || type.startsWith('Alter'))
    return [
      statement(
        `${type.startsWith('Create') ? 'create' : 'alter'}-${stmtNoun(type, type.startsWith('Create') ? 'Create' : 'Alter')}`,
        'write',
        text,
        { objects, facts },
      ),
    ];
  return [
    statement('unknown', 'unknown', text, {
      reason: `${type} is a statement type airlock does not classify`,
    }),
  ];
}

/** Classifies one statement node (`{ DeleteStmt: {…} }`), nested effects flattened after it. */
export function classifyPgNode(wrapped: PgNode, text: string, ctx: PgContext): SqlStatement[] {
  const type = nodeType(wrapped);
  const node = (wrapped[type] ?? {}) as PgNode;
  const own = byType(type, node, text, ctx);
  const walks = [
    'SelectStmt',
    'InsertStmt',
    'UpdateStmt',
    'DeleteStmt',
    'MergeStmt',
    'CreateTableAsStmt',
    'CallStmt',
  ];
  if (!walks.includes(type)) return own;
  const nested = nestedStatements(wrapped, text, (n, t) => classifyPgNode(n, t, ctx));
  return [...own, ...nested];
}
