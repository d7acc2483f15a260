// Looks inside a DO block: every static SQL statement and expression of the PL/pgSQL body
// is classified; EXECUTE of a string literal is parsed; EXECUTE of anything else is unknown.

import { parsePlPgSqlBody } from './postgres.js';
import type { SqlStatement } from './types.js';
import { unknownStatement } from './types.js';

type Rec = Record<string, unknown>;

/** `'DROP TABLE t'` → `DROP TABLE t`; undefined when the expression is not one literal. */
function literalOf(expr: string): string | undefined {
  const s = expr.trim();
  if (s.length < 2 || !s.startsWith("'") || !s.endsWith("'")) return undefined;
  const inner = s.slice(1, -1);
  // A quote that is not doubled would end the literal early: `'a' || x || 'b'`.
  if (inner.replace(/''/g, '').includes("'")) return undefined;
  return inner.replace(/''/g, "'");
}

/** SQL text for an expression: statements as they are, expressions and assignments as SELECTs. */
function sqlOfExpr(expr: Rec): string {
  const query = String(expr.query ?? '');
  const mode = Number(expr.parseMode ?? 0);
  if (mode === 0) return query;
  if (mode >= 3) {
    const assign = query.indexOf(':=');
    const eq = query.indexOf('=');
    const at = assign >= 0 ? assign + 2 : eq >= 0 ? eq + 1 : 0;
    return `SELECT ${query.slice(at)}`;
  }
  return `SELECT ${query}`;
}

export function classifyDoBody(
  body: string,
  text: string,
  classifyText: (sql: string) => SqlStatement[],
): SqlStatement[] {
  const parsed = parsePlPgSqlBody(body);
  if (!parsed.ok) return [unknownStatement(text, `the DO block does not parse: ${parsed.error}`)];
  const found: SqlStatement[] = [];
  const mark = (list: SqlStatement[]): void => {
    for (const s of list) found.push({ ...s, facts: Object.assign({}, s.facts, { 'sql.in-do': true }) });
  };
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const v of value) visit(v);
      return;
    }
    for (const [key, inner] of Object.entries(value as Rec)) {
      if (key === 'PLpgSQL_stmt_dynexecute' || key === 'PLpgSQL_stmt_dynfors') {
        const query = ((inner as Rec).query as Rec | undefined)?.PLpgSQL_expr as Rec | undefined;
        const literal = literalOf(String(query?.query ?? ''));
        if (literal === undefined)
          found.push({
            ...unknownStatement(
              text,
              `EXECUTE of SQL built at run time: ${String(query?.query ?? '')}`,
              'do-dynamic',
            ),
            facts: { 'sql.in-do': true, 'sql.dynamic': true },
          });
        else mark(classifyText(literal));
        visit((inner as Rec).body);
        visit((inner as Rec).params);
        continue;
      }
      if (key === 'dynquery') {
        found.push({
          ...unknownStatement(text, 'a query built at run time', 'do-dynamic'),
          facts: { 'sql.in-do': true, 'sql.dynamic': true },
        });
        continue;
      }
      if (key === 'PLpgSQL_expr') {
        const sql = sqlOfExpr(inner as Rec);
        if (sql.trim() !== '')
          mark(classifyText(sql).filter((s) => s.effect !== 'read' || s.kind !== 'select'));
        continue;
      }
      visit(inner);
    }
  };
  visit(parsed.tree);
  return found;
}
