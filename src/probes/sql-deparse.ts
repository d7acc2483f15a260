// Turns libpg-query expression nodes back into SQL text, fully parenthesized, for the
// queries probes build from a parsed statement. Anything it does not know is an error, and
// callers re-parse the result and compare trees, so a wrong rendering is never run.

import { deparseFromItem, deparseSelect } from './sql-deparse-select.js';

export type Node = Record<string, unknown>;

export class UnsupportedSql extends Error {}

export function fail(what: string): never {
  throw new UnsupportedSql(`cannot rebuild ${what}`);
}

/** The only node inside a one-key wrapper (`{ColumnRef: {...}}` → ['ColumnRef', {...}]). */
export function unwrap(node: unknown): [string, Node] {
  if (node === null || typeof node !== 'object') fail('an empty node');
  const keys = Object.keys(node as object);
  if (keys.length !== 1) fail('an unexpected node shape');
  const type = keys[0] as string;
  return [type, (node as Record<string, Node>)[type] as Node];
}

export function nodes(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** `[{String: {sval: 'a'}}, …]` → `"a"."b"`. */
export function qualifiedName(list: unknown): string {
  return nodes(list)
    .map((n) => {
      const [type, inner] = unwrap(n);
      if (type !== 'String') fail(`a ${type} in a name`);
      return ident(String(inner.sval ?? ''));
    })
    .join('.');
}

function operatorName(list: unknown): string {
  const parts = nodes(list).map((n) => String(unwrap(n)[1].sval ?? ''));
  const op = parts.pop() ?? fail('an operator');
  return parts.length === 0 ? `OPERATOR(${op})` : `OPERATOR(${parts.map(ident).join('.')}.${op})`;
}

function constant(node: Node): string {
  if (node.isnull === true) return 'NULL';
  if (node.ival !== undefined) return String((node.ival as Node).ival ?? 0);
  if (node.fval !== undefined) return String((node.fval as Node).fval);
  if (node.boolval !== undefined) return (node.boolval as Node).boolval === true ? 'TRUE' : 'FALSE';
  if (node.sval !== undefined) return literal(String((node.sval as Node).sval ?? ''));
  if (node.bsval !== undefined) {
    const bits = String((node.bsval as Node).bsval ?? '');
    return `${bits.slice(0, 1).toUpperCase()}'${bits.slice(1)}'`;
  }
  return fail('a constant');
}

export function typeName(node: Node): string {
  if (node.setof === true || node.pct_type === true) fail('a %TYPE or SETOF type');
  const mods = nodes(node.typmods);
  let text = qualifiedName(node.names);
  if (mods.length > 0) text += `(${mods.map(expr).join(', ')})`;
  for (const _ of nodes(node.arrayBounds)) text += '[]';
  return text;
}

const likeWords: Record<string, string> = {
  '~~': 'LIKE',
  '!~~': 'NOT LIKE',
  '~~*': 'ILIKE',
  '!~~*': 'NOT ILIKE',
};
const betweenWords: Record<string, string> = {
  AEXPR_BETWEEN: 'BETWEEN',
  AEXPR_NOT_BETWEEN: 'NOT BETWEEN',
  AEXPR_BETWEEN_SYM: 'BETWEEN SYMMETRIC',
  AEXPR_NOT_BETWEEN_SYM: 'NOT BETWEEN SYMMETRIC',
};

function list(value: unknown): string {
  const [type, inner] = unwrap(value);
  if (type !== 'List') return expr(value);
  return nodes(inner.items).map(expr).join(', ');
}

function aExpr(node: Node): string {
  const kind = String(node.kind);
  const left = node.lexpr === undefined ? undefined : `(${expr(node.lexpr)})`;
  const name = nodes(node.name).map((n) => String(unwrap(n)[1].sval ?? ''));
  switch (kind) {
    case 'AEXPR_OP':
      return left === undefined
        ? `${operatorName(node.name)} (${expr(node.rexpr)})`
        : `${left} ${operatorName(node.name)} (${expr(node.rexpr)})`;
    case 'AEXPR_OP_ANY':
    case 'AEXPR_OP_ALL':
      return `${left} ${operatorName(node.name)} ${kind === 'AEXPR_OP_ANY' ? 'ANY' : 'ALL'} (${expr(node.rexpr)})`;
    case 'AEXPR_DISTINCT':
      return `${left} IS DISTINCT FROM (${expr(node.rexpr)})`;
    case 'AEXPR_NOT_DISTINCT':
      return `${left} IS NOT DISTINCT FROM (${expr(node.rexpr)})`;
    case 'AEXPR_NULLIF':
      return `NULLIF(${expr(node.lexpr)}, ${expr(node.rexpr)})`;
    case 'AEXPR_IN':
      return `${left} ${name[0] === '<>' ? 'NOT IN' : 'IN'} (${list(node.rexpr)})`;
    case 'AEXPR_LIKE':
    case 'AEXPR_ILIKE': {
      const word = likeWords[name[0] ?? ''] ?? fail(`the ${name[0]} pattern operator`);
      return `${left} ${word} (${expr(node.rexpr)})`;
    }
    default: {
      const word = betweenWords[kind] ?? fail(`a ${kind} expression`);
      const [low, high] = nodes(unwrap(node.rexpr)[1].items);
      return `${left} ${word} (${expr(low)}) AND (${expr(high)})`;
    }
  }
}

const subLinkWords: Record<string, string> = { ANY_SUBLINK: 'ANY', ALL_SUBLINK: 'ALL' };

function subLink(node: Node): string {
  const select = `(${deparseSelect(unwrap(node.subselect)[1])})`;
  switch (node.subLinkType) {
    case 'EXISTS_SUBLINK':
      return `EXISTS ${select}`;
    case 'EXPR_SUBLINK':
      return select;
    case 'ARRAY_SUBLINK':
      return `ARRAY ${select}`;
    default: {
      const word = subLinkWords[String(node.subLinkType)] ?? fail(`a ${node.subLinkType}`);
      // `x IN (SELECT …)` is ANY with no operator name; both parse back to the same node.
      const op = node.operName === undefined ? 'IN' : `${operatorName(node.operName)} ${word}`;
      return `(${expr(node.testexpr)}) ${op} ${select}`;
    }
  }
}

const sqlValueFunctions: Record<string, string> = {
  SVFOP_CURRENT_DATE: 'CURRENT_DATE',
  SVFOP_CURRENT_TIME: 'CURRENT_TIME',
  SVFOP_CURRENT_TIME_N: 'CURRENT_TIME',
  SVFOP_CURRENT_TIMESTAMP: 'CURRENT_TIMESTAMP',
  SVFOP_CURRENT_TIMESTAMP_N: 'CURRENT_TIMESTAMP',
  SVFOP_LOCALTIME: 'LOCALTIME',
  SVFOP_LOCALTIME_N: 'LOCALTIME',
  SVFOP_LOCALTIMESTAMP: 'LOCALTIMESTAMP',
  SVFOP_LOCALTIMESTAMP_N: 'LOCALTIMESTAMP',
  SVFOP_CURRENT_ROLE: 'CURRENT_ROLE',
  SVFOP_CURRENT_USER: 'CURRENT_USER',
  SVFOP_USER: 'USER',
  SVFOP_SESSION_USER: 'SESSION_USER',
  SVFOP_CURRENT_CATALOG: 'CURRENT_CATALOG',
  SVFOP_CURRENT_SCHEMA: 'CURRENT_SCHEMA',
};

function funcCall(node: Node): string {
  if (node.over !== undefined || node.agg_within_group === true) fail('a window or ordered-set call');
  const name = qualifiedName(node.funcname);
  if (node.agg_star === true) return `${name}(*)`;
  const args = nodes(node.args).map(expr);
  if (node.func_variadic === true && args.length > 0)
    args[args.length - 1] = `VARIADIC ${args[args.length - 1]}`;
  let text = `${name}(${node.agg_distinct === true ? 'DISTINCT ' : ''}${args.join(', ')}`;
  const order = nodes(node.agg_order);
  if (order.length > 0) fail('an aggregate ORDER BY');
  text += ')';
  if (node.agg_filter !== undefined) text += ` FILTER (WHERE ${expr(node.agg_filter)})`;
  return text;
}

function caseExpr(node: Node): string {
  let text = 'CASE';
  if (node.arg !== undefined) text += ` (${expr(node.arg)})`;
  for (const when of nodes(node.args)) {
    const [, w] = unwrap(when);
    text += ` WHEN (${expr(w.expr)}) THEN (${expr(w.result)})`;
  }
  if (node.defresult !== undefined) text += ` ELSE (${expr(node.defresult)})`;
  return `${text} END`;
}

function indirection(node: Node): string {
  let text = `(${expr(node.arg)})`;
  for (const step of nodes(node.indirection)) {
    const [type, inner] = unwrap(step);
    if (type === 'String') text += `.${ident(String(inner.sval ?? ''))}`;
    else if (type === 'A_Star') text += '.*';
    else if (type === 'A_Indices') {
      const lower = inner.lidx === undefined ? '' : expr(inner.lidx);
      const upper = inner.uidx === undefined ? '' : expr(inner.uidx);
      text += inner.is_slice === true ? `[${lower}:${upper}]` : `[${upper}]`;
    } else fail(`a ${type} indirection`);
  }
  return text;
}

function columnRef(node: Node): string {
  return nodes(node.fields)
    .map((field) => {
      const [type, inner] = unwrap(field);
      if (type === 'A_Star') return '*';
      if (type !== 'String') fail(`a ${type} in a column name`);
      return ident(String(inner.sval ?? ''));
    })
    .join('.');
}

export function expr(value: unknown): string {
  const [type, node] = unwrap(value);
  switch (type) {
    case 'ColumnRef':
      return columnRef(node);
    case 'A_Const':
      return constant(node);
    case 'A_Expr':
      return aExpr(node);
    case 'BoolExpr': {
      const args = nodes(node.args).map((a) => `(${expr(a)})`);
      if (node.boolop === 'NOT_EXPR') return `NOT ${args[0]}`;
      return args.join(node.boolop === 'AND_EXPR' ? ' AND ' : ' OR ');
    }
    case 'NullTest':
      return `(${expr(node.arg)}) ${node.nulltesttype === 'IS_NULL' ? 'IS NULL' : 'IS NOT NULL'}`;
    case 'BooleanTest':
      return `(${expr(node.arg)}) ${String(node.booltesttype).replaceAll('_', ' ')}`;
    case 'TypeCast':
      return `CAST((${expr(node.arg)}) AS ${typeName(node.typeName as Node)})`;
    case 'CollateClause':
      return `(${expr(node.arg)}) COLLATE ${qualifiedName(node.collname)}`;
    case 'FuncCall':
      return funcCall(node);
    case 'SubLink':
      return subLink(node);
    case 'CaseExpr':
      return caseExpr(node);
    case 'CoalesceExpr':
      return `COALESCE(${nodes(node.args).map(expr).join(', ')})`;
    case 'MinMaxExpr':
      return `${node.op === 'IS_GREATEST' ? 'GREATEST' : 'LEAST'}(${nodes(node.args).map(expr).join(', ')})`;
    case 'A_ArrayExpr':
      return `ARRAY[${nodes(node.elements).map(expr).join(', ')}]`;
    case 'RowExpr':
      return `ROW(${nodes(node.args).map(expr).join(', ')})`;
    case 'A_Indirection':
      return indirection(node);
    case 'SQLValueFunction': {
      const word = sqlValueFunctions[String(node.op)] ?? fail(`the ${node.op} value`);
      return node.typmod !== undefined && node.typmod !== -1 ? `${word}(${node.typmod})` : word;
    }
    case 'RangeVar':
    case 'JoinExpr':
    case 'RangeSubselect':
      return deparseFromItem(value);
    default:
      return fail(`a ${type}`);
  }
}
