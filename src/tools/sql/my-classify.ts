// Classifies one MySQL/MariaDB or SQLite statement from node-sql-parser's tree, with a
// keyword table for the statements its grammar does not cover (PRAGMA, VACUUM, KILL…).

import { withCallHazards } from './my-calls.js';
import type { MyNode } from './mysql.js';
import type { SqlEffect, SqlStatement, WhereState } from './types.js';

type Truth = 'true' | 'false' | 'unknown';

function rec(v: unknown): MyNode | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as MyNode) : undefined;
}

function constant(node: MyNode): string | undefined {
  if (node.type === 'number') return String(Number(node.value));
  if (node.type === 'bool') return node.value === true ? 'true' : 'false';
  if (node.type === 'single_quote_string' || node.type === 'double_quote_string' || node.type === 'string')
    return `'${String(node.value)}'`;
  if (node.type === 'column_ref') return `col:${String(node.table ?? '')}.${JSON.stringify(node.column)}`;
  return undefined;
}

function truth(v: unknown): Truth {
  const node = rec(v);
  if (node === undefined) return 'unknown';
  if (node.type === 'number') return Number(node.value) !== 0 ? 'true' : 'false';
  if (node.type === 'bool') return node.value === true ? 'true' : 'false';
  if (node.type === 'unary_expr' && String(node.operator).toUpperCase() === 'NOT') {
    const t = truth(node.expr);
    return t === 'true' ? 'false' : t === 'false' ? 'true' : 'unknown';
  }
  if (node.type === 'binary_expr') {
    const op = String(node.operator).toUpperCase();
    if (op === 'OR' || op === 'AND') {
      const l = truth(node.left);
      const r = truth(node.right);
      if (op === 'OR')
        return l === 'true' || r === 'true' ? 'true' : l === 'false' && r === 'false' ? 'false' : 'unknown';
      return l === 'true' && r === 'true' ? 'true' : l === 'false' || r === 'false' ? 'false' : 'unknown';
    }
    const left = rec(node.left);
    const right = rec(node.right);
    const l = left === undefined ? undefined : constant(left);
    const r = right === undefined ? undefined : constant(right);
    if (l === undefined || r === undefined) return 'unknown';
    if (op === '=' || op === '<=>')
      return l === r ? 'true' : l.startsWith('col:') || r.startsWith('col:') ? 'unknown' : 'false';
    if (op === 'LIKE' && r === "'%'") return 'true';
  }
  return 'unknown';
}

export function myWhereState(where: unknown): WhereState {
  if (where === null || where === undefined) return 'absent';
  return truth(where) === 'true' ? 'always-true' : 'present';
}

function tableNames(v: unknown): string[] {
  const items = Array.isArray(v) ? v.flat() : v === undefined || v === null ? [] : [v];
  const out: string[] = [];
  for (const item of items) {
    const r = rec(item);
    if (r === undefined) {
      if (typeof item === 'string') out.push(item);
      continue;
    }
    const name = typeof r.table === 'string' ? r.table : typeof r.column === 'string' ? r.column : undefined;
    if (name !== undefined) out.push(typeof r.db === 'string' && r.db !== '' ? `${r.db}.${name}` : name);
  }
  return out;
}

function make(
  kind: string,
  effect: SqlEffect,
  text: string,
  extra: Partial<SqlStatement> = {},
): SqlStatement {
  return { kind, effect, objects: [], text, facts: {}, ...extra };
}

/** Statements node-sql-parser does not parse, by their leading words. */
const KEYWORDS: [RegExp, string, SqlEffect][] = [
  [/^begin\s+not\s+atomic\b/i, 'compound-block', 'unknown'],
  [/^set\s+(names|character\s+set|charset)\b/i, 'set', 'read'],
  [/^(begin|start\s+transaction|commit|end|rollback|savepoint|release)\b/i, 'transaction', 'read'],
  [/^(explain\s+analy[sz]e)\b/i, 'explain-analyze', 'unknown'],
  [/^(explain|describe|desc|show|help|checksum\s+table|check\s+table)\b/i, 'show', 'read'],
  [/^pragma\s+[\w.]+\s*(=|\()/i, 'pragma-set', 'write'],
  [/^pragma\b/i, 'pragma', 'read'],
  [/^vacuum\b/i, 'vacuum', 'write'],
  [/^(analy[sz]e|optimize|repair|reindex)\b/i, 'maintenance', 'write'],
  [/^detach\b/i, 'detach', 'read'],
  [/^flush\b/i, 'flush', 'write'],
  [/^kill\b/i, 'kill', 'destroy'],
  [/^shutdown\b/i, 'shutdown', 'destroy'],
  [
    /^(reset\s+(master|binary\s+logs|slave|replica)|purge\s+(binary|master)\s+logs)\b/i,
    'purge-logs',
    'destroy',
  ],
  [/^drop\s+user\b/i, 'drop-user', 'destroy'],
  [/^(create|alter)\s+user\b/i, 'user', 'write'],
  [
    /^(change\s+(master|replication)|start\s+(slave|replica)|stop\s+(slave|replica))\b/i,
    'replication',
    'write',
  ],
];

export function classifyByKeyword(text: string): SqlStatement | undefined {
  for (let i = 0; i < KEYWORDS.length; i++) {
    const entry = KEYWORDS[i] as (typeof KEYWORDS)[number];
    if (entry[0].test(text)) {
      const kind = entry[1];
      const effect = entry[2];
      const extra =
        effect === 'unknown'
          ? {
              reason:
                kind === 'compound-block'
                  ? 'a compound statement block cannot be inspected'
                  : 'EXPLAIN ANALYZE runs the statement',
            }
          : {};
      return make(kind, effect, text, extra);
    }
  }
  return undefined;
}

const SESSION_HAZARDS = new Set(['foreign_key_checks', 'sql_log_bin', 'unique_checks', 'sql_safe_updates']);

function classifySet(node: MyNode, text: string): SqlStatement {
  const keyword = String(node.keyword ?? '').toUpperCase();
  const names = (Array.isArray(node.expr) ? node.expr : []).map((e) =>
    String(rec(rec(e)?.left)?.name ?? '').toLowerCase(),
  );
  if (keyword === 'GLOBAL' || keyword === 'PERSIST' || keyword === 'PERSIST_ONLY')
    return make('set-global', 'destroy', text, {
      reason: `SET ${keyword} changes the server for every session`,
      facts: { 'sql.setting': names.join(',') },
    });
  const hazard = names.find((n) => SESSION_HAZARDS.has(n));
  if (hazard !== undefined)
    return make('set-checks-off', 'destroy', text, {
      reason: `${hazard} turns off integrity checks or logging`,
      facts: { 'sql.setting': hazard },
    });
  return make('set', 'read', text);
}

function classifyAlter(node: MyNode, text: string): SqlStatement {
  const objects = tableNames(node.table);
  const actions = (Array.isArray(node.expr) ? node.expr : []).map((e) => rec(e) ?? {});
  const drop = actions.find((a) => a.action === 'drop');
  if (drop !== undefined)
    return make(`alter-drop-${String(drop.resource ?? 'object')}`, 'destroy', text, {
      objects,
      objectType: 'table',
      facts: { 'sql.alter-drop': true },
    });
  if (actions.some((a) => a.action === 'rename'))
    return make('rename', 'write', text, { objects, objectType: 'table' });
  return make('alter-table', 'write', text, { objects, objectType: 'table' });
}

function classifyShape(node: MyNode, text: string): SqlStatement {
  const type = String(node.type ?? '').toLowerCase();
  switch (type) {
    case 'select': {
      const into = rec(node.into);
      if (into?.type === 'into' && rec(into.expr)?.type !== 'var')
        return make('select-into-outfile', 'write', text, {
          reason: 'SELECT … INTO OUTFILE writes a file on the server',
        });
      return make('select', 'read', text, { ast: node });
    }
    case 'show':
    case 'desc':
    case 'explain':
    case 'use':
    case 'transaction':
      return make(type === 'use' ? 'use' : type, 'read', text);
    case 'insert':
    case 'replace': {
      const orReplace = Array.isArray(node.or) && JSON.stringify(node.or).toUpperCase().includes('REPLACE');
      const replace = type === 'replace' || orReplace;
      return make(replace ? 'replace' : 'insert', 'write', text, {
        objects: tableNames(node.table),
        objectType: 'table',
        facts: replace ? { 'sql.replace': true } : {},
      });
    }
    case 'update':
    case 'delete': {
      const where = myWhereState(node.where);
      const limit = rec(node.limit)?.value;
      const facts: Record<string, boolean> =
        Array.isArray(limit) && limit.length > 0 ? { 'sql.limit': true } : {};
      const reason =
        where === 'present'
          ? undefined
          : `${type.toUpperCase()} ${where === 'absent' ? 'without WHERE' : 'with a WHERE that is always true'} touches every row`;
      return make(type, where === 'present' ? 'write' : 'destroy', text, {
        objects: tableNames(node.table),
        objectType: 'table',
        where,
        facts,
        ast: node,
        ...(reason === undefined ? {} : { reason }),
      });
    }
    case 'drop': {
      const keyword = String(node.keyword ?? 'object').toLowerCase();
      return make(`drop-${keyword}`, 'destroy', text, {
        objects: tableNames(node.name),
        objectType: keyword,
      });
    }
    case 'truncate':
      return make('truncate', 'destroy', text, { objects: tableNames(node.name), objectType: 'table' });
    case 'alter':
      return classifyAlter(node, text);
    case 'rename':
      return make('rename', 'write', text, { objects: tableNames(node.table), objectType: 'table' });
    case 'create': {
      const keyword = String(node.keyword ?? 'object').toLowerCase();
      const replace = typeof node.replace === 'string' || node.ignore_replace === 'replace';
      return make(replace ? `create-or-replace-${keyword}` : `create-${keyword}`, 'write', text, {
        objects: tableNames(node.table),
        objectType: keyword,
        facts: replace ? { 'sql.replace': true } : {},
      });
    }
    case 'set':
      return classifySet(node, text);
    case 'grant':
    case 'revoke':
      return make('grant', 'write', text);
    case 'load_data':
      return make('load-data', 'write', text, { objects: tableNames(node.table), objectType: 'table' });
    case 'lock':
    case 'unlock':
      return make('lock', 'write', text);
    case 'attach':
      return make('attach', 'write', text, { reason: 'ATTACH opens (or creates) another database file' });
    case 'call':
      return make('call', 'unknown', text, {
        reason: 'CALL runs a stored procedure whose body is not visible here',
      });
  }
  return make('unknown', 'unknown', text, {
    reason: `${type || 'this'} statement is not one airlock classifies`,
  });
}

/** One parsed statement, judged by its shape and then by the functions it calls. */
export function classifyMyNode(node: MyNode, text: string): SqlStatement {
  return withCallHazards(classifyShape(node, text), node);
}
