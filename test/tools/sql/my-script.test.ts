import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { realFs } from '../../../src/tools/real-fs.js';
import { classifyClientScript } from '../../../src/tools/sql/my-script.js';
import { splitClientScript } from '../../../src/tools/sql/my-split.js';
import { loadSqlDialect, type SqlDialect } from '../../../src/tools/sql/mysql.js';
import { readScriptFile } from '../../../src/tools/sql/read-script.js';

beforeAll(async () => {
  await Promise.all([loadSqlDialect('mysql'), loadSqlDialect('sqlite'), loadSqlDialect('mariadb')]);
});

const dir = mkdtempSync(join(tmpdir(), 'airlock-mysql-'));
const opts = { cwd: dir, readScript: (p: string) => readScriptFile(realFs, p) };

function kinds(text: string, dialect: SqlDialect = 'mysql'): string[] {
  return classifyClientScript(text, dialect, opts).map((s) => `${s.effect}:${s.kind}`);
}

const mysqlCases: [string, string[]][] = [
  ['SELECT 1', ['read:select']],
  ['SHOW TABLES', ['read:show']],
  ['DESCRIBE t', ['read:show']],
  ['EXPLAIN SELECT * FROM t', ['read:show']],
  ['USE shop', ['read:client-connect']],
  ['BEGIN; COMMIT', ['read:transaction', 'read:transaction']],
  ['SET NAMES utf8mb4', ['read:set']],
  ['INSERT INTO t VALUES (1)', ['write:insert']],
  ['REPLACE INTO t VALUES (1)', ['write:replace']],
  ['UPDATE t SET a=1 WHERE id=3', ['write:update']],
  ['UPDATE t SET a=1 WHERE id=3 ORDER BY id LIMIT 1', ['write:update']],
  ["LOAD DATA INFILE '/x' INTO TABLE t", ['write:load-data']],
  ['ALTER TABLE t ENGINE=InnoDB', ['write:alter-table']],
  ['ALTER TABLE t ADD COLUMN c int', ['write:alter-table']],
  ['RENAME TABLE a TO b', ['write:rename']],
  ['CREATE TABLE t (a int)', ['write:create-table']],
  ['CREATE OR REPLACE VIEW v AS SELECT 1', ['write:create-or-replace-view']],
  ['GRANT ALL ON *.* TO u', ['write:grant']],
  ["SELECT * FROM t INTO OUTFILE '/tmp/x'", ['write:select-into-outfile']],
  ['OPTIMIZE TABLE t', ['write:maintenance']],
  ['DELETE FROM `t` LIMIT 10', ['destroy:delete']],
  ['DELETE FROM t', ['destroy:delete']],
  ['DELETE FROM t WHERE 1=1', ['destroy:delete']],
  ['DELETE FROM t WHERE true', ['destroy:delete']],
  ['DELETE FROM t WHERE NOT 0', ['destroy:delete']],
  ['UPDATE t SET a=1 WHERE id=id', ['destroy:update']],
  ["DELETE FROM t WHERE name LIKE '%'", ['destroy:delete']],
  ['DROP TABLE IF EXISTS a, b', ['destroy:drop-table']],
  ['DROP DATABASE shop', ['destroy:drop-database']],
  ['DROP INDEX i ON t', ['destroy:drop-index']],
  ['DROP USER bob', ['destroy:drop-user']],
  ['TRUNCATE TABLE x', ['destroy:truncate']],
  ['ALTER TABLE t DROP COLUMN c', ['destroy:alter-drop-column']],
  ['SET GLOBAL read_only=0', ['destroy:set-global']],
  ['SET PERSIST max_connections=10', ['destroy:set-global']],
  ['SET FOREIGN_KEY_CHECKS=0', ['destroy:set-checks-off']],
  ['KILL 42', ['destroy:kill']],
  ['PURGE BINARY LOGS BEFORE NOW()', ['destroy:purge-logs']],
  ['SELECT 1; DROP TABLE users', ['read:select', 'destroy:drop-table']],
  ["SELECT 'a;DROP TABLE x'", ['read:select']],
  ['/*!50000 DROP TABLE t */ SELECT 1', ['unknown:executable-comment']],
  ['SELECT /*+ MAX_EXECUTION_TIME(1) */ 1', ['unknown:executable-comment']],
  ['/*M!100100 DROP TABLE t */ SELECT 1', ['unknown:executable-comment']],
  ['SELECT 1 /* plain comment */', ['read:select']],
  ['SELECT 1 -- trailing\n', ['read:select']],
  ['SELECT 1 # hash comment', ['read:select']],
  ['SELEC 1', ['unknown:parse-error']],
  ['EXPLAIN ANALYZE DELETE FROM t', ['unknown:explain-analyze']],
  ['BEGIN NOT ATOMIC DELETE FROM t; END', ['unknown:compound-block', 'read:transaction']],
  ['CALL cleanup()', ['unknown:call']],
  ['system rm -rf /', ['unknown:client-shell']],
  ['\\! rm -rf /', ['unknown:client-shell']],
  ['tee /tmp/out.log', ['write:client-output-file']],
  ['pager less', ['unknown:client-shell']],
  [
    'DELIMITER //\nCREATE TABLE t (a int)//\nDELIMITER ;\nDROP TABLE t;',
    ['read:client-delimiter', 'write:create-table', 'read:client-delimiter', 'destroy:drop-table'],
  ],
  ['SELECT 1\\G', ['read:select']],
];

const sqliteCases: [string, string[]][] = [
  ['SELECT * FROM t', ['read:select']],
  ['.tables', ['read:client-tables']],
  ['.schema t', ['read:client-schema']],
  ['PRAGMA table_info(t)', ['write:pragma-set']],
  ['PRAGMA foreign_keys', ['read:pragma']],
  ['PRAGMA foreign_keys=off', ['write:pragma-set']],
  ['VACUUM', ['write:vacuum']],
  ['BEGIN; COMMIT;', ['read:transaction', 'read:transaction']],
  ['INSERT OR REPLACE INTO t VALUES(1)', ['write:replace']],
  ["ATTACH DATABASE 'x.db' AS x", ['write:attach']],
  ['.import data.csv t', ['write:client-import']],
  ['.output out.txt', ['write:client-output-file']],
  ['.once |cat', ['unknown:client-pipe']],
  ['.shell rm -rf /', ['unknown:client-shell']],
  ['.system ls', ['unknown:client-shell']],
  ['.restore backup.db', ['destroy:client-restore']],
  ['.load ./evil.so', ['unknown:client-load-extension']],
  ['DELETE FROM t', ['destroy:delete']],
  ['DELETE FROM t WHERE 1', ['destroy:delete']],
  ['DELETE FROM t WHERE id = 3', ['write:delete']],
  ['DROP TABLE IF EXISTS t', ['destroy:drop-table']],
  ['DROP VIEW v', ['destroy:drop-view']],
  ['ALTER TABLE t RENAME TO u', ['write:rename']],
  ['UPDATE t SET a=1', ['destroy:update']],
  ['.frobnicate', ['unknown:client-unknown']],
];

describe('classifyClientScript (mysql)', () => {
  it.each(mysqlCases)('%s', (sql, expected) => {
    expect(kinds(sql)).toEqual(expected);
  });
  it('parses MariaDB syntax with the mariadb build', () => {
    expect(
      classifyClientScript('DELETE FROM t LIMIT 3', 'mariadb', opts).map((s) => s.reason ?? s.kind),
    ).toEqual(['DELETE without WHERE touches every row']);
  });
  it('keeps objects and WHERE state', () => {
    const [del] = classifyClientScript('DELETE FROM shop.orders WHERE 1=1 LIMIT 5', 'mysql', opts);
    expect(del).toMatchObject({
      objects: ['shop.orders'],
      where: 'always-true',
      facts: { 'sql.limit': true },
    });
  });
  it('follows source FILE and reports unreadable ones', () => {
    writeFileSync(join(dir, 'inc.sql'), 'TRUNCATE TABLE logs;\n');
    expect(kinds('source inc.sql\nSELECT 1;')).toEqual([
      'read:client-include',
      'destroy:truncate',
      'read:select',
    ]);
    expect(kinds('source missing.sql')).toEqual(['read:client-include', 'unknown:client-include']);
  });
  it('records the database chosen by use', () => {
    const list = classifyClientScript('USE prod_shop; DROP TABLE t', 'mysql', opts);
    expect(list[1]?.connection).toEqual({ dbname: 'prod_shop' });
  });
});

describe('classifyClientScript (sqlite)', () => {
  it.each(sqliteCases)('%s', (sql, expected) => {
    expect(kinds(sql, 'sqlite')).toEqual(expected);
  });
  it('follows .read FILE', () => {
    writeFileSync(join(dir, 'drop.sql'), 'DROP TABLE t;\n');
    expect(kinds('.read drop.sql', 'sqlite')).toEqual(['read:client-include', 'destroy:drop-table']);
  });
});

describe('splitClientScript', () => {
  it('keeps delimiters inside quotes and comments', () => {
    const pieces = splitClientScript('SELECT \';\'; -- a;b\nSELECT "x;"; /* ; */ SELECT `a;b`', 'mysql');
    expect(pieces.map((p) => (p.kind === 'sql' ? p.text : p.name))).toEqual([
      "SELECT ';'",
      '-- a;b\nSELECT "x;"',
      '/* ; */ SELECT `a;b`',
    ]);
  });
  it('sees a mysql backslash escape inside a string', () => {
    expect(splitClientScript("SELECT 'it\\'s;'; SELECT 2", 'mysql')).toHaveLength(2);
  });
});
