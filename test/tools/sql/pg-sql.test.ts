import { beforeAll, describe, expect, it } from 'vitest';
import { classifyPostgresSql } from '../../../src/tools/sql/pg-sql.js';
import { loadPostgresParser } from '../../../src/tools/sql/postgres.js';
import type { SqlStatement } from '../../../src/tools/sql/types.js';

beforeAll(async () => {
  await loadPostgresParser();
});

/** `effect:kind` of each classified statement, in order. */
function summary(sql: string): string[] {
  return classifyPostgresSql(sql).map((s) => `${s.effect}:${s.kind}`);
}

function strongest(list: SqlStatement[]): string {
  const order = ['read', 'write', 'destroy', 'unknown'];
  return list.reduce((acc, s) => (order.indexOf(s.effect) > order.indexOf(acc) ? s.effect : acc), 'read');
}

// [sql, strongest effect, kinds that must appear]
const cases: [string, string, string[]][] = [
  // reads
  ['SELECT 1', 'read', ['select']],
  ["SELECT 'a;DROP TABLE x'", 'read', ['select']],
  ['SELECT * FROM users WHERE id = 1 FOR UPDATE', 'read', ['select']],
  ['SHOW search_path', 'read', ['variable-show']],
  ['EXPLAIN DELETE FROM t', 'read', ['explain']],
  ['EXPLAIN (ANALYZE false) DELETE FROM t', 'read', ['explain']],
  ['EXPLAIN SELECT * FROM t', 'read', ['explain']],
  ['TABLE users', 'read', ['select']],
  ['VALUES (1), (2)', 'read', ['select']],
  ['BEGIN', 'read', ['transaction']],
  ['BEGIN READ ONLY; SELECT 1; COMMIT', 'read', ['transaction', 'select', 'transaction']],
  ['ROLLBACK', 'read', ['transaction']],
  ['SET statement_timeout = 1000', 'read', ['set']],
  ['SET search_path TO app, public', 'read', ['set']],
  ['RESET ALL', 'read', ['set']],
  ['LISTEN chan', 'read', ['listen']],
  ['DISCARD ALL', 'read', ['discard']],
  ['COPY users TO STDOUT', 'read', ['copy-to-stdout']],
  ['COPY (SELECT * FROM users) TO STDOUT WITH CSV', 'read', ['copy-to-stdout']],
  ['WITH x AS (SELECT 1) SELECT * FROM x', 'read', ['select']],
  ['SELECT count(*) FROM pg_stat_activity', 'read', ['select']],
  ['  ;;  ', 'read', []],
  ['-- only a comment', 'read', []],
  // writes
  ['INSERT INTO t VALUES (1)', 'write', ['insert']],
  ['INSERT INTO t SELECT * FROM s ON CONFLICT DO NOTHING', 'write', ['insert']],
  ['UPDATE t SET a = 1 WHERE id = 5', 'write', ['update']],
  ['DELETE FROM sessions WHERE expires < now()', 'write', ['delete']],
  ['DELETE FROM t WHERE id IN (SELECT id FROM u WHERE banned)', 'write', ['delete']],
  ['DELETE FROM t WHERE a = b', 'write', ['delete']],
  ['UPDATE t SET a = 1 WHERE 1 = 0', 'write', ['update']],
  ['CREATE TABLE t (a int)', 'write', ['create-table']],
  ['CREATE TABLE IF NOT EXISTS s.t (a int primary key)', 'write', ['create-table']],
  ['CREATE INDEX CONCURRENTLY i ON t (a)', 'write', ['create-index']],
  ['CREATE VIEW v AS SELECT 1', 'write', ['create-view']],
  ['CREATE OR REPLACE VIEW v AS SELECT 1', 'write', ['create-or-replace-view']],
  [
    'CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$',
    'write',
    ['create-or-replace-function'],
  ],
  ['CREATE FUNCTION f() RETURNS void LANGUAGE sql AS $$ DELETE FROM t $$', 'write', ['create-function']],
  ['CREATE SCHEMA app', 'write', ['create-schema']],
  ['CREATE EXTENSION pgcrypto', 'write', ['create-extension']],
  ['CREATE ROLE bob LOGIN', 'write', ['create-role']],
  ['CREATE DATABASE shop', 'write', ['create-db']],
  ['CREATE SEQUENCE s', 'write', ['create-seq']],
  ['CREATE MATERIALIZED VIEW mv AS SELECT 1', 'write', ['create-table-as']],
  ['ALTER TABLE t ADD COLUMN c int', 'write', ['alter-table']],
  ['ALTER TABLE t ALTER COLUMN c TYPE bigint', 'write', ['alter-table']],
  ['ALTER TABLE t RENAME TO u', 'write', ['rename']],
  ['ALTER TABLE t RENAME COLUMN a TO b', 'write', ['rename']],
  ['ALTER ROLE bob WITH PASSWORD NULL', 'write', ['alter-role']],
  ['GRANT ALL ON t TO public', 'write', ['grant']],
  ['REVOKE SELECT ON t FROM bob', 'write', ['grant']],
  ['GRANT admin TO bob', 'write', ['grant-role']],
  ['COPY t FROM STDIN', 'write', ['copy-from']],
  ["COPY t FROM '/x'", 'write', ['copy-from']],
  ["COPY t TO '/tmp/out.csv'", 'write', ['copy-to-file']],
  ['VACUUM FULL', 'write', ['vacuum']],
  ['VACUUM ANALYZE t', 'write', ['vacuum']],
  ['ANALYZE t', 'write', ['vacuum']],
  ['REINDEX TABLE t', 'write', ['reindex']],
  ['CLUSTER t USING i', 'write', ['cluster']],
  ["COMMENT ON TABLE t IS 'x'", 'write', ['comment']],
  ['REFRESH MATERIALIZED VIEW mv', 'write', ['refresh-materialized-view']],
  ['LOCK TABLE t', 'write', ['lock']],
  ["NOTIFY chan, 'x'", 'write', ['notify']],
  ['SELECT pg_cancel_backend(123)', 'write', ['select', 'call-pg-cancel-backend']],
  ["SELECT setval('s', 1)", 'write', ['call-setval']],
  ['MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET a = s.a', 'write', ['merge']],
  ['DO $$ BEGIN RAISE NOTICE $m$hi$m$; END $$', 'write', ['do']],
  ['DO $$ BEGIN PERFORM 1; END $$', 'write', ['do']],
  ['PREPARE p AS SELECT 1; EXECUTE p', 'read', ['select', 'execute-prepared']],
  // destroys
  ['SELECT 1; DROP TABLE users', 'destroy', ['select', 'drop-table']],
  ['dRoP/**/TABLE x', 'destroy', ['drop-table']],
  ['DROP TABLE IF EXISTS a, b CASCADE', 'destroy', ['drop-table']],
  ['DROP DATABASE prod', 'destroy', ['drop-database']],
  ['DROP DATABASE IF EXISTS shop WITH (FORCE)', 'destroy', ['drop-database']],
  ['DROP SCHEMA app CASCADE', 'destroy', ['drop-schema']],
  ['DROP INDEX CONCURRENTLY i', 'destroy', ['drop-index']],
  ['DROP VIEW v', 'destroy', ['drop-view']],
  ['DROP MATERIALIZED VIEW mv', 'destroy', ['drop-matview']],
  ['DROP FUNCTION f(int)', 'destroy', ['drop-function']],
  ['DROP ROLE bob', 'destroy', ['drop-role']],
  ['DROP USER bob', 'destroy', ['drop-role']],
  ['DROP TABLESPACE ts', 'destroy', ['drop-table-space']],
  ['DROP OWNED BY bob', 'destroy', ['drop-owned']],
  ['DROP EXTENSION pgcrypto', 'destroy', ['drop-extension']],
  ['DROP SEQUENCE s', 'destroy', ['drop-sequence']],
  ['DROP TYPE mood', 'destroy', ['drop-type']],
  ['DROP TRIGGER tr ON t', 'destroy', ['drop-trigger']],
  ['DROP SUBSCRIPTION sub', 'destroy', ['drop-subscription']],
  ['TRUNCATE t', 'destroy', ['truncate']],
  ['TRUNCATE t CASCADE', 'destroy', ['truncate']],
  ['TRUNCATE TABLE a, b RESTART IDENTITY', 'destroy', ['truncate']],
  ['ALTER TABLE t DROP COLUMN c', 'destroy', ['alter-drop-column']],
  ['ALTER TABLE t DROP CONSTRAINT c_fk', 'destroy', ['alter-drop-constraint']],
  ['ALTER TABLE t DROP COLUMN c, ADD COLUMN d int', 'destroy', ['alter-drop-column']],
  ['DELETE FROM t', 'destroy', ['delete']],
  ['UPDATE t SET a=1', 'destroy', ['update']],
  ['DELETE FROM t WHERE 1=1', 'destroy', ['delete']],
  ['DELETE FROM t WHERE true', 'destroy', ['delete']],
  ["DELETE FROM t WHERE 'a'='a'", 'destroy', ['delete']],
  ['DELETE FROM t WHERE id = id', 'destroy', ['delete']],
  ['DELETE FROM t WHERE 1', 'destroy', ['delete']],
  ['DELETE FROM t WHERE NOT false', 'destroy', ['delete']],
  ['DELETE FROM t WHERE x IS NULL OR x IS NOT NULL', 'destroy', ['delete']],
  ['DELETE FROM t WHERE a = 5 OR 1 = 1', 'destroy', ['delete']],
  ['DELETE FROM t WHERE 2 > 1', 'destroy', ['delete']],
  ["DELETE FROM t WHERE 't'::boolean", 'destroy', ['delete']],
  ["DELETE FROM t WHERE name LIKE '%'", 'destroy', ['delete']],
  ['UPDATE t SET a = 1 WHERE true AND 1 = 1', 'destroy', ['update']],
  ['WITH x AS (DELETE FROM t RETURNING *) SELECT * FROM x', 'destroy', ['select', 'delete']],
  ['WITH x AS (UPDATE t SET a = 1 WHERE id = 3 RETURNING *) SELECT * FROM x', 'write', ['select', 'update']],
  ['INSERT INTO log WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d', 'destroy', ['insert', 'delete']],
  ['EXPLAIN ANALYZE DELETE FROM t', 'destroy', ['delete']],
  ['EXPLAIN (ANALYZE, BUFFERS) UPDATE t SET a = 1', 'destroy', ['update']],
  ['EXPLAIN ANALYZE SELECT 1', 'read', ['select']],
  ['SELECT * INTO t2 FROM t', 'destroy', ['select-into']],
  ["COPY t TO PROGRAM 'rm -rf /'", 'destroy', ['copy-program']],
  ["COPY t FROM PROGRAM 'curl x'", 'destroy', ['copy-program']],
  [
    'SELECT pg_terminate_backend(pid) FROM pg_stat_activity',
    'destroy',
    ['select', 'call-pg-terminate-backend'],
  ],
  ['SELECT lo_unlink(1234)', 'destroy', ['call-lo-unlink']],
  ["SELECT pg_drop_replication_slot('s')", 'destroy', ['call-pg-drop-replication-slot']],
  ["ALTER SYSTEM SET work_mem = '1GB'", 'destroy', ['alter-system']],
  ['SET session_replication_role = replica', 'destroy', ['set-session-replication-role']],
  ['MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE', 'destroy', ['merge']],
  ['BEGIN; DROP TABLE t; ROLLBACK', 'destroy', ['transaction', 'drop-table', 'transaction']],
  ["DO $$ BEGIN EXECUTE 'DROP TABLE t'; END $$;", 'destroy', ['do', 'drop-table']],
  ['DO $$ BEGIN DELETE FROM t; END $$', 'destroy', ['do', 'delete']],
  ['DO $$ BEGIN IF true THEN TRUNCATE t2; END IF; END $$', 'destroy', ['truncate']],
  [
    'DO $$ DECLARE r record; BEGIN FOR r IN SELECT id FROM t LOOP UPDATE t SET a=1 WHERE id=r.id; END LOOP; END $$',
    'write',
    ['do', 'update'],
  ],
  [
    'DO $$ DECLARE x int; BEGIN x := pg_terminate_backend(5); END $$',
    'destroy',
    ['call-pg-terminate-backend'],
  ],
  ['DO $$ BEGIN PERFORM pg_terminate_backend(5); END $$', 'destroy', ['call-pg-terminate-backend']],
  ["DO $$ BEGIN EXECUTE 'DO $i$ BEGIN EXECUTE ''DROP TABLE z''; END $i$'; END $$", 'destroy', ['drop-table']],
  // unknowns
  ["DO $$ BEGIN EXECUTE 'DELETE FROM ' || tbl; END $$", 'unknown', ['do-dynamic']],
  ["DO $$ BEGIN EXECUTE format('DROP TABLE %I', t); END $$", 'unknown', ['do-dynamic']],
  [
    "DO $$ DECLARE r record; BEGIN FOR r IN EXECUTE 'SELECT ' || x LOOP END LOOP; END $$",
    'unknown',
    ['do-dynamic'],
  ],
  ['DO $$ BEGIN this is not plpgsql; END $$', 'unknown', ['unknown']],
  ['DO LANGUAGE plpython3u $$ import os $$', 'unknown', ['do']],
  ['DROP TABLE :tbl', 'unknown', ['parse-error']],
  ['SELEC 1', 'unknown', ['parse-error']],
  ['CREATE INDEX CONCURRENTLY', 'unknown', ['parse-error']],
  ['\\dt', 'unknown', ['parse-error']],
  ['SELECT 1; DROP TABLE', 'unknown', ['parse-error']],
  ['DELETE FROM `t` LIMIT 10', 'unknown', ['parse-error']],
  ['EXECUTE p', 'unknown', ['execute-prepared']],
  ['CALL do_cleanup()', 'unknown', ['call']],
  ["SELECT dblink_exec('conn', 'DROP TABLE t')", 'unknown', ['call-dblink-exec']],
  ["SELECT query_to_xml('DELETE FROM t RETURNING 1', true, true, '')", 'unknown', ['call-query-to-xml']],
];

describe('classifyPostgresSql', () => {
  it.each(cases)('%s → %s', (sql, effect, kinds) => {
    const result = classifyPostgresSql(sql);
    expect(strongest(result)).toBe(effect);
    const got = result.map((s) => s.kind);
    for (const k of kinds) expect(got).toContain(k);
    if (kinds.length === 0) expect(result).toEqual([]);
  });

  it('has more than a hundred cases', () => {
    expect(cases.length).toBeGreaterThan(100);
  });

  it('keeps each statement text, objects, where and cascade', () => {
    const [sel, drop, del] = classifyPostgresSql(
      'SELECT 1; DROP TABLE app.users CASCADE; DELETE FROM app.t WHERE 1=1',
    );
    expect(sel?.text).toBe('SELECT 1');
    expect(drop).toMatchObject({
      kind: 'drop-table',
      objects: ['app.users'],
      objectType: 'table',
      cascade: true,
      text: 'DROP TABLE app.users CASCADE',
    });
    expect(del).toMatchObject({
      kind: 'delete',
      where: 'always-true',
      objects: ['app.t'],
      text: 'DELETE FROM app.t WHERE 1=1',
    });
  });

  it('slices statement text by UTF-8 byte offsets', () => {
    const list = classifyPostgresSql("SELECT 'ünïcødé'; DROP TABLE ü");
    expect(list.map((s) => s.text)).toEqual(["SELECT 'ünïcødé'", 'DROP TABLE ü']);
  });

  it('keeps the parsed DELETE for a count(*) probe', () => {
    const [del] = classifyPostgresSql('DELETE FROM t WHERE a < 3');
    expect(del?.ast).toHaveProperty('DeleteStmt.whereClause');
    expect(del?.where).toBe('present');
  });

  it('marks nested and analysed statements with facts', () => {
    expect(
      classifyPostgresSql('WITH x AS (DELETE FROM t RETURNING *) SELECT 1')[1]?.facts['sql.in-cte'],
    ).toBe(true);
    expect(classifyPostgresSql('EXPLAIN ANALYZE DELETE FROM t')[0]?.facts['sql.explain-analyze']).toBe(true);
    expect(classifyPostgresSql("COPY t TO PROGRAM 'rm -rf /'")[0]?.facts['sql.program']).toBe('rm -rf /');
    const inDo = classifyPostgresSql('DO $$ BEGIN DELETE FROM t; END $$').find((s) => s.kind === 'delete');
    expect(inDo?.facts['sql.in-do']).toBe(true);
  });

  it('reports the parser message on errors', () => {
    expect(classifyPostgresSql('SELEC 1')[0]?.reason).toMatch(/syntax error at or near "SELEC"/);
  });

  it('summarizes multi-statement input in order', () => {
    expect(summary('SELECT 1; TRUNCATE t; INSERT INTO t VALUES (1)')).toEqual([
      'read:select',
      'destroy:truncate',
      'write:insert',
    ]);
  });
});
