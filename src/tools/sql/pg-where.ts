// Decides whether a PostgreSQL WHERE clause can limit anything: `WHERE 1=1`, `WHERE true`
// and `WHERE id = id` select every row as surely as no WHERE at all.

import type { PgNode } from './postgres.js';
import type { WhereState } from './types.js';

type Truth = 'true' | 'false' | 'unknown';

function child(node: unknown, key: string): PgNode | undefined {
  const v = (node as PgNode | undefined)?.[key];
  return v !== null && typeof v === 'object' ? (v as PgNode) : undefined;
}

/** A constant's value as a comparable string (`1`, `'a'`, `true`), else undefined. */
function constantOf(node: PgNode | undefined): string | undefined {
  if (node === undefined) return undefined;
  const cast = child(node, 'TypeCast');
  if (cast !== undefined) return constantOf(child(cast, 'arg'));
  const c = child(node, 'A_Const');
  if (c === undefined) return undefined;
  if (c.isnull === true) return 'null';
  const ival = child(c, 'ival');
  if (ival !== undefined) return String(ival.ival ?? 0);
  const fval = child(c, 'fval');
  if (fval !== undefined) return String(Number(fval.fval));
  const boolval = child(c, 'boolval');
  if (boolval !== undefined) return boolval.boolval === true ? 'true' : 'false';
  const sval = child(c, 'sval');
  if (sval !== undefined) return `'${String(sval.sval ?? '')}'`;
  return undefined;
}

function truthOfConstant(value: string): Truth {
  if (value === 'true' || value === "'t'" || value === "'true'" || value === "'on'" || value === "'yes'")
    return 'true';
  if (value === 'false' || value === "'f'" || value === "'false'" || value === '0' || value === 'null')
    return 'false';
  const n = Number(value);
  return Number.isFinite(n) && n !== 0 ? 'true' : 'unknown';
}

function sameColumn(a: PgNode | undefined, b: PgNode | undefined): boolean {
  const ca = child(a, 'ColumnRef');
  const cb = child(b, 'ColumnRef');
  return ca !== undefined && cb !== undefined && JSON.stringify(ca.fields) === JSON.stringify(cb.fields);
}

function compare(op: string, left: string, right: string): Truth {
  const ln = Number(left);
  const rn = Number(right);
  const numeric = Number.isFinite(ln) && Number.isFinite(rn) && !left.startsWith("'");
  const cmp = numeric ? Math.sign(ln - rn) : left === right ? 0 : undefined;
  if (cmp === undefined) return op === '=' ? 'false' : op === '<>' || op === '!=' ? 'true' : 'unknown';
  const table: Record<string, boolean> = {
    '=': cmp === 0,
    '<>': cmp !== 0,
    '!=': cmp !== 0,
    '<': cmp < 0,
    '>': cmp > 0,
    '<=': cmp <= 0,
    '>=': cmp >= 0,
  };
  const result = table[op];
  return result === undefined ? 'unknown' : result ? 'true' : 'false';
}

function operatorOf(expr: PgNode): string | undefined {
  const names = expr.name as PgNode[] | undefined;
  const last = names?.[names.length - 1];
  return child(last, 'String')?.sval as string | undefined;
}

function truthOfExpr(expr: PgNode): Truth {
  const op = operatorOf(expr);
  const left = child(expr, 'lexpr');
  const right = child(expr, 'rexpr');
  if (expr.kind === 'AEXPR_OP' && op !== undefined) {
    if (sameColumn(left, right)) return ['=', '<=', '>='].includes(op) ? 'true' : 'unknown';
    const l = constantOf(left);
    const r = constantOf(right);
    if (l !== undefined && r !== undefined) return compare(op, l, r);
  }
  if (
    (expr.kind === 'AEXPR_LIKE' || expr.kind === 'AEXPR_ILIKE') &&
    op?.startsWith('~~') &&
    !op.includes('!')
  ) {
    if (constantOf(right) === "'%'") return 'true';
  }
  return 'unknown';
}

/** `x IS NULL OR x IS NOT NULL` over the same argument. */
function coversNulls(args: PgNode[]): boolean {
  const tests = args.map((a) => child(a, 'NullTest')).filter((t): t is PgNode => t !== undefined);
  const seen = new Map<string, Set<unknown>>();
  for (const t of tests) {
    const key = JSON.stringify(t.arg, (k, v) => (k === 'location' ? undefined : v));
    const kinds = seen.get(key) ?? new Set();
    kinds.add(t.nulltesttype);
    seen.set(key, kinds);
    if (kinds.size === 2) return true;
  }
  return false;
}

function truthOf(node: PgNode | undefined): Truth {
  if (node === undefined) return 'unknown';
  const constant = constantOf(node);
  if (constant !== undefined) return truthOfConstant(constant);
  const expr = child(node, 'A_Expr');
  if (expr !== undefined) return truthOfExpr(expr);
  const bool = child(node, 'BoolExpr');
  if (bool !== undefined) {
    const args = ((bool.args as PgNode[] | undefined) ?? []) as PgNode[];
    const truths = args.map(truthOf);
    if (bool.boolop === 'OR_EXPR') {
      if (truths.includes('true') || coversNulls(args)) return 'true';
      return truths.every((t) => t === 'false') ? 'false' : 'unknown';
    }
    if (bool.boolop === 'AND_EXPR') {
      if (truths.includes('false')) return 'false';
      return truths.every((t) => t === 'true') ? 'true' : 'unknown';
    }
    if (bool.boolop === 'NOT_EXPR') {
      const t = truths[0];
      return t === 'true' ? 'false' : t === 'false' ? 'true' : 'unknown';
    }
  }
  const test = child(node, 'BooleanTest');
  if (test !== undefined) {
    const t = truthOf(child(test, 'arg'));
    if (t === 'unknown') return 'unknown';
    const wantsTrue = test.booltesttype === 'IS_TRUE' || test.booltesttype === 'IS_NOT_FALSE';
    return (t === 'true') === wantsTrue ? 'true' : 'false';
  }
  return 'unknown';
}

/** The WHERE state of an UPDATE or DELETE. */
export function whereStateOf(whereClause: unknown): WhereState {
  if (whereClause === undefined || whereClause === null) return 'absent';
  return truthOf(whereClause as PgNode) === 'true' ? 'always-true' : 'present';
}
