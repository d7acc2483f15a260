import { beforeAll, describe, expect, it } from 'vitest';
import { countQueryFor } from '../../src/probes/sql-count.js';
import { loadPostgresParser, parsePostgres } from '../../src/tools/sql/postgres.js';

beforeAll(async () => {
  await loadPostgresParser();
});

function statement(sql: string): Record<string, unknown> {
  const parsed = parsePostgres(sql);
  if (!parsed.ok || parsed.stmts[0] === undefined) throw new Error(`does not parse: ${sql}`);
  return parsed.stmts[0].stmt;
}

describe('count query built from the parsed statement', () => {
  const cases: [string, string][] = [
    ['DELETE FROM users', 'SELECT "pg_catalog"."count"(*) FROM "users"'],
    [
      'DELETE FROM public.users WHERE id = 3',
      'SELECT "pg_catalog"."count"(*) FROM "public"."users" WHERE ("id") OPERATOR(=) (3)',
    ],
    [
      'delete from ONLY t AS x where x.a is null',
      'SELECT "pg_catalog"."count"(*) FROM ONLY "t" AS "x" WHERE ("x"."a") IS NULL',
    ],
    [
      "UPDATE t SET a = 1 FROM s WHERE s.id = t.id AND s.name LIKE 'a%'",
      `SELECT "pg_catalog"."count"(*) FROM "t" WHERE EXISTS (SELECT 1 FROM "s" WHERE (("s"."id") OPERATOR(=) ("t"."id")) AND (("s"."name") LIKE ('a%')))`,
    ],
  ];
  it.each(cases)('%s', (sql, expected) => {
    const built = countQueryFor(statement(sql));
    expect(built).toEqual({ ok: true, sql: expected, table: expect.any(String) });
  });

  const roundTrips = [
    "DELETE FROM orders o USING users u WHERE o.user_id = u.id AND u.banned AND o.created_at < now() - interval '30 days' AND o.status IN ('a','b') AND NOT (o.y LIKE 'z%') AND o.id = ANY(ARRAY[1,2]) AND EXISTS (SELECT 1 FROM t WHERE t.a = o.id) RETURNING *",
    "UPDATE ONLY t AS x SET a = 1 WHERE x.c::text = 'it''s' AND x.d BETWEEN 1 AND 2.5 AND x.e IS NOT TRUE AND CURRENT_DATE > x.f AND x.g = -3 AND x.h = true AND x.i IS DISTINCT FROM null",
    'DELETE FROM t WHERE a NOT IN (SELECT b FROM u WHERE u.c > 0 ORDER BY b DESC LIMIT 10) OR coalesce(t.d, 0) = 0',
    "DELETE FROM t WHERE CASE WHEN a > 1 THEN 'x' ELSE 'y' END = 'x' AND lower(name) ILIKE '%Q%' AND (a, b) = (1, 2)",
    'DELETE FROM t WHERE a = (SELECT max(b) FROM u JOIN v ON u.id = v.id LEFT JOIN w USING (id))',
    "DELETE FROM t WHERE ts < CURRENT_TIMESTAMP(3) AND x::varchar(10) = 'a' AND y = ANY(SELECT z FROM q) AND n % 2 = 0 AND NOT b",
    'DELETE FROM t WHERE EXTRACT(year FROM ts) = 2020 AND arr[1] = 2 AND greatest(a, b) > 3 AND nullif(a, 0) IS NOT NULL',
  ];
  it.each(roundTrips)('%s rebuilds the same tree', (sql) => {
    const built = countQueryFor(statement(sql));
    expect(built.ok, JSON.stringify(built)).toBe(true);
  });

  const refused: [string, RegExp][] = [
    ['DELETE FROM t WHERE CURRENT OF c', /CURRENT OF/],
    ['WITH x AS (SELECT 1) DELETE FROM t WHERE a IN (SELECT * FROM x)', /WITH/],
    ['DELETE FROM t WHERE a = $1', /ParamRef/],
    ['DELETE FROM t WHERE a IN (SELECT sum(b) OVER () FROM u)', /window/],
    ['SELECT 1', /not a DELETE/],
  ];
  it.each(refused)('%s is refused, not guessed', (sql, why) => {
    const built = countQueryFor(statement(sql));
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.reason).toMatch(why);
  });
});
