// Renders SELECT statements and FROM items from libpg-query nodes (the half of the
// deparser that subqueries and the probes' own count queries need).

import { expr, fail, ident, type Node, nodes, unwrap } from './sql-deparse.js';

function alias(value: unknown): string {
  if (value === undefined) return '';
  const node = value as Node;
  const columns = nodes(node.colnames).map((c) => ident(String(unwrap(c)[1].sval ?? '')));
  return ` AS ${ident(String(node.aliasname ?? ''))}${columns.length > 0 ? `(${columns.join(', ')})` : ''}`;
}

function rangeVar(node: Node): string {
  if (node.catalogname !== undefined) fail('a three-part table name');
  const name =
    node.schemaname === undefined
      ? ident(String(node.relname))
      : `${ident(String(node.schemaname))}.${ident(String(node.relname))}`;
  return `${node.inh === true ? '' : 'ONLY '}${name}${alias(node.alias)}`;
}

const joinWords: Record<string, string> = {
  JOIN_INNER: 'JOIN',
  JOIN_LEFT: 'LEFT JOIN',
  JOIN_FULL: 'FULL JOIN',
  JOIN_RIGHT: 'RIGHT JOIN',
};

function join(node: Node): string {
  const word = joinWords[String(node.jointype)] ?? fail(`a ${node.jointype}`);
  const left = deparseFromItem(node.larg);
  const right = deparseFromItem(node.rarg);
  const using = nodes(node.usingClause).map((u) => ident(String(unwrap(u)[1].sval ?? '')));
  if (node.join_using_alias !== undefined) fail('a JOIN USING alias');
  let text = `${left} ${node.isNatural === true ? 'NATURAL ' : ''}${word} ${right}`;
  if (using.length > 0) text += ` USING (${using.join(', ')})`;
  else if (node.quals !== undefined) text += ` ON (${expr(node.quals)})`;
  else if (node.isNatural !== true && word === 'JOIN') text = `${left} CROSS JOIN ${right}`;
  return node.alias === undefined ? `(${text})` : `(${text})${alias(node.alias)}`;
}

export function deparseFromItem(value: unknown): string {
  const [type, node] = unwrap(value);
  if (type === 'RangeVar') return rangeVar(node);
  if (type === 'JoinExpr') return join(node);
  if (type === 'RangeSubselect')
    return `${node.lateral === true ? 'LATERAL ' : ''}(${deparseSelect(unwrap(node.subquery)[1])})${alias(node.alias)}`;
  return fail(`a ${type} in FROM`);
}

function target(value: unknown): string {
  const [, node] = unwrap(value);
  const text = expr(node.val);
  return node.name === undefined ? text : `${text} AS ${ident(String(node.name))}`;
}

function sortBy(value: unknown): string {
  const [, node] = unwrap(value);
  if (node.useOp !== undefined) fail('ORDER BY … USING');
  let text = `(${expr(node.node)})`;
  if (node.sortby_dir === 'SORTBY_ASC') text += ' ASC';
  if (node.sortby_dir === 'SORTBY_DESC') text += ' DESC';
  if (node.sortby_nulls === 'SORTBY_NULLS_FIRST') text += ' NULLS FIRST';
  if (node.sortby_nulls === 'SORTBY_NULLS_LAST') text += ' NULLS LAST';
  return text;
}

const setWords: Record<string, string> = {
  SETOP_UNION: 'UNION',
  SETOP_INTERSECT: 'INTERSECT',
  SETOP_EXCEPT: 'EXCEPT',
};

export function deparseSelect(node: Node): string {
  if (node.withClause !== undefined || node.intoClause !== undefined || node.lockingClause !== undefined)
    fail('WITH, INTO or FOR UPDATE in a subquery');
  if (node.windowClause !== undefined) fail('a WINDOW clause');
  const op = String(node.op ?? 'SETOP_NONE');
  if (op !== 'SETOP_NONE') {
    const word = setWords[op] ?? fail(`a ${op}`);
    const left = deparseSelect(unwrap(node.larg)[1] ?? fail('a set operation'));
    const right = deparseSelect(unwrap(node.rarg)[1] ?? fail('a set operation'));
    return `(${left}) ${word}${node.all === true ? ' ALL' : ''} (${right})`;
  }
  const values = nodes(node.valuesLists);
  if (values.length > 0)
    return `VALUES ${values.map((row) => `(${nodes(unwrap(row)[1].items).map(expr).join(', ')})`).join(', ')}`;
  const distinct =
    node.distinctClause === undefined
      ? ''
      : nodes(node.distinctClause).length === 0
        ? 'DISTINCT '
        : fail('DISTINCT ON');
  let text = `SELECT ${distinct}${nodes(node.targetList).map(target).join(', ')}`;
  const from = nodes(node.fromClause);
  if (from.length > 0) text += ` FROM ${from.map(deparseFromItem).join(', ')}`;
  if (node.whereClause !== undefined) text += ` WHERE ${expr(node.whereClause)}`;
  const group = nodes(node.groupClause);
  if (group.length > 0) text += ` GROUP BY ${group.map((g) => `(${expr(g)})`).join(', ')}`;
  if (node.havingClause !== undefined) text += ` HAVING ${expr(node.havingClause)}`;
  const sort = nodes(node.sortClause);
  if (sort.length > 0) text += ` ORDER BY ${sort.map(sortBy).join(', ')}`;
  if (node.limitCount !== undefined) {
    if (node.limitOption === 'LIMIT_OPTION_WITH_TIES') fail('FETCH … WITH TIES');
    text += ` LIMIT (${expr(node.limitCount)})`;
  }
  if (node.limitOffset !== undefined) text += ` OFFSET (${expr(node.limitOffset)})`;
  return text;
}
