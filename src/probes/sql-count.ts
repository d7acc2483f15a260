// Builds `SELECT count(*)` for a parsed DELETE or UPDATE: the same target relation, the same
// USING/FROM items and the same WHERE, as a SelectStmt node rendered to SQL. The text is
// parsed again and its tree compared with the one built, so what runs is what was parsed.

import { parsePostgres } from '../tools/sql/postgres.js';
import { type Node, nodes, UnsupportedSql, unwrap } from './sql-deparse.js';
import { deparseSelect } from './sql-deparse-select.js';

export type CountQuery = { ok: true; sql: string; table: string } | { ok: false; reason: string };

/** Fields the parser fills in that say where or how text was written, not what it means. */
const presentational = new Set([
  'location',
  'stmt_location',
  'stmt_len',
  'list_start',
  'list_end',
  'rexpr_list_start',
  'rexpr_list_end',
  'funcformat',
  'row_format',
]);

function normalized(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalized);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    if (!presentational.has(key)) out[key] = normalized((value as Record<string, unknown>)[key]);
  }
  return out;
}

export function sameTree(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalized(a)) === JSON.stringify(normalized(b));
}

/** pg_catalog's count, whatever a search_path might put first. */
function countStar(): Node {
  return {
    ResTarget: {
      val: {
        FuncCall: {
          funcname: [{ String: { sval: 'pg_catalog' } }, { String: { sval: 'count' } }],
          agg_star: true,
        },
      },
    },
  };
}

function tableName(relation: Node): string {
  const schema = relation.schemaname === undefined ? '' : `${relation.schemaname}.`;
  return `${schema}${relation.relname}`;
}

/**
 * `DELETE FROM t USING u WHERE c` removes each row of t once however many rows of u match,
 * so the count is `SELECT count(*) FROM t WHERE EXISTS (SELECT 1 FROM u WHERE c)`, not a
 * count over the join. UPDATE … FROM is the same.
 */
export function countSelectFor(statement: Node): { select: Node; table: string } | { reason: string } {
  const [type, node] = unwrap(statement);
  if (type !== 'DeleteStmt' && type !== 'UpdateStmt') return { reason: `not a DELETE or UPDATE (${type})` };
  if (node.withClause !== undefined) return { reason: 'a WITH clause before the statement is not measured' };
  const relation = node.relation as Node | undefined;
  if (relation === undefined) return { reason: 'no target table' };
  if (relation.catalogname !== undefined) return { reason: 'a three-part table name' };
  const others = nodes(type === 'DeleteStmt' ? node.usingClause : node.fromClause);
  const where = node.whereClause as Node | undefined;
  if (where !== undefined && 'CurrentOfExpr' in where) return { reason: 'WHERE CURRENT OF a cursor' };
  let filter: Node | undefined = where;
  if (others.length > 0) {
    const inner: Node = {
      targetList: [{ ResTarget: { val: { A_Const: { ival: { ival: 1 } } } } }],
      fromClause: others,
      ...(where === undefined ? {} : { whereClause: where }),
      limitOption: 'LIMIT_OPTION_DEFAULT',
      op: 'SETOP_NONE',
    };
    filter = { SubLink: { subLinkType: 'EXISTS_SUBLINK', subselect: { SelectStmt: inner } } };
  }
  const select: Node = {
    targetList: [countStar()],
    fromClause: [{ RangeVar: { ...relation } }],
    ...(filter === undefined ? {} : { whereClause: filter }),
    limitOption: 'LIMIT_OPTION_DEFAULT',
    op: 'SETOP_NONE',
  };
  return { select, table: tableName(relation) };
}

/** The count query as SQL text, or why it cannot be built safely. */
export function countQueryFor(statement: Node): CountQuery {
  const built = countSelectFor(statement);
  if ('reason' in built) return { ok: false, reason: built.reason };
  let sql: string;
  try {
    sql = deparseSelect(built.select);
  } catch (error) {
    if (error instanceof UnsupportedSql) return { ok: false, reason: error.message };
    throw error;
  }
  const reparsed = parsePostgres(sql);
  const back = reparsed.ok ? reparsed.stmts[0]?.stmt : undefined;
  const backSelect = back === undefined ? undefined : (back as Node).SelectStmt;
  if (
    reparsed.ok &&
    reparsed.stmts.length === 1 &&
    backSelect !== undefined &&
    sameTree(backSelect, built.select)
  ) {
    return { ok: true, sql, table: built.table };
  }
  return { ok: false, reason: 'the count query did not rebuild the same WHERE exactly' };
}
