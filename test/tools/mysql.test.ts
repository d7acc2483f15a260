import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateLineFully } from '../../src/decide/evaluate.js';
import type { Invocation } from '../../src/tools/invocation.js';
import { realFs } from '../../src/tools/real-fs.js';
import { prepareSqlParsers } from '../../src/tools/sql/index.js';

const dir = mkdtempSync(join(tmpdir(), 'airlock-mysql-rec-'));

beforeAll(async () => {
  await prepareSqlParsers(['mysql']);
});

function sql(line: string, env: Record<string, string> = {}): Invocation[] {
  const result = evaluateLineFully(line, {
    env: { HOME: dir, PATH: '/usr/bin:/bin', ...env },
    cwd: dir,
    fs: realFs,
    packs: [],
  });
  return result.invocations.filter((i) => i.tool === 'mysql');
}
const kinds = (list: Invocation[]) =>
  list.map((i) => `${i.facts['sql.effect'] ?? '-'}:${i.subcommand.join(' ')}`);
const hint = (i: Invocation | undefined, kind: string) => i?.envHints.find((h) => h.kind === kind)?.value;

describe('mysql recognizer', () => {
  it.each([
    ["mysql -e 'SELECT 1; DROP TABLE users'", ['read:sql select', 'destroy:sql drop-table']],
    ["mysql --execute='TRUNCATE TABLE x'", ['destroy:sql truncate']],
    ["mysql shop <<< 'DELETE FROM t LIMIT 10'", ['destroy:sql delete']],
    ["echo '/*!50000 DROP TABLE t */ SELECT 1' | mysql", ['unknown:sql executable-comment']],
    ["mariadb -e 'REPLACE INTO t VALUES (1)'", ['write:sql replace']],
    ["mysql -uroot -psecret -e 'SET GLOBAL read_only=0'", ['destroy:sql set-global']],
    [
      "mysql --init-command='SET FOREIGN_KEY_CHECKS=0' -e 'SELECT 1'",
      ['destroy:sql set-checks-off', 'read:sql select'],
    ],
    ["mysql -e 'system rm -rf /'", ['unknown:sql client-shell']],
    ['mysql -e "SELECT sys_exec(\'rm -rf /var/lib/mysql\')"', ['unknown:sql call-sys-exec']],
    ['mysql -e "SELECT \'sys_exec(1)\', COUNT(*) FROM t"', ['read:sql select']],
  ])('%s', (line, expected) => {
    expect(kinds(sql(line))).toEqual(expected);
  });

  it('reads a < redirect', () => {
    writeFileSync(join(dir, 'd.sql'), 'DROP DATABASE shop;\n');
    expect(kinds(sql('mysql < d.sql'))).toEqual(['destroy:sql drop-database']);
  });

  it('parses statements in a row together, and each alone when the batch disagrees', () => {
    writeFileSync(
      join(dir, 'seed.sql'),
      "INSERT INTO t VALUES (1, 'a;b');\nUPDATE t SET a = 2 WHERE id = 1;\nDROP TABLE u;\n",
    );
    expect(kinds(sql('mysql < seed.sql'))).toEqual([
      'write:sql insert',
      'write:sql update',
      'destroy:sql drop-table',
    ]);
    writeFileSync(join(dir, 'mixed.sql'), 'SELECT 1;\nSELEC 2;\nDELETE FROM t;\nSHOW TABLES;\n');
    expect(kinds(sql('mysql < mixed.sql'))).toEqual([
      'read:sql select',
      'unknown:sql parse-error',
      'destroy:sql delete',
      'read:sql show',
    ]);
  });

  it('judges the first 5,000 statements and calls the rest unknown, without a stall', () => {
    writeFileSync(join(dir, 'long.sql'), `${'INSERT INTO t VALUES (1);\n'.repeat(6000)}DROP TABLE t;\n`);
    const started = performance.now();
    const list = sql('mysql < long.sql');
    expect(performance.now() - started).toBeLessThan(3000);
    expect(list).toHaveLength(102);
    expect(kinds(list.slice(100))).toEqual(['write:sql insert', 'unknown:sql too-many-statements']);
  });

  it('finds the host and database', () => {
    const [a] = sql("mysql -h prod-db.internal -D orders -e 'SELECT 1'");
    expect([hint(a, 'db-host'), hint(a, 'db-name')]).toEqual(['prod-db.internal', 'orders']);
    const [b] = sql("mysql shop -e 'SELECT 1'");
    expect([hint(b, 'db-host'), hint(b, 'db-name')]).toEqual(['localhost', 'shop']);
    writeFileSync(join(dir, 'my.cnf'), '[client]\nhost = db.stg.internal\n');
    expect(hint(sql("mysql --defaults-file=my.cnf -e 'SELECT 1'")[0], 'db-host')).toBe('db.stg.internal');
  });

  it('takes the host from MYSQL_HOST, prefix assignments included', () => {
    expect(hint(sql("MYSQL_HOST=db.prod.internal mysql -e 'SELECT 1'")[0], 'db-host')).toBe(
      'db.prod.internal',
    );
    expect(hint(sql("mysql -e 'SELECT 1'", { MYSQL_HOST: 'db.stg' })[0], 'db-host')).toBe('db.stg');
    expect(hint(sql("MYSQL_HOST=db.prod mysql -h localhost -e 'SELECT 1'")[0], 'db-host')).toBe('localhost');
    const [dynamic] = sql("MYSQL_HOST=$(pick) mysql -e 'SELECT 1'");
    expect(dynamic?.envHints.find((h) => h.kind === 'db-host')).toEqual({
      kind: 'db-host',
      source: 'MYSQL_HOST is assigned at run time',
    });
  });

  it('judges mysqladmin commands as the statements they run', () => {
    expect(kinds(sql('mysqladmin -u root -f drop shop'))).toEqual(['destroy:sql drop-database']);
    expect(sql('mysqladmin drop shop')[0]?.targets).toEqual([{ kind: 'database', value: 'shop' }]);
    expect(kinds(sql('mysqladmin -h db.internal -c 3 -i 1 proc stat'))).toEqual([
      'read:sql show',
      'read:sql show',
    ]);
    expect(kinds(sql('mysqladmin kill 4,5 shutdown'))).toEqual(['destroy:sql kill', 'destroy:sql shutdown']);
    expect(kinds(sql('mariadb-admin flush-logs create x'))).toEqual([
      'write:sql flush',
      'write:sql create-database',
    ]);
    const [password] = sql('mysqladmin password s3cret');
    expect(password?.facts['sql.text']).toBe('mysqladmin password');
    expect(kinds(sql('mysqladmin frobnicate'))).toEqual(['unknown:sql admin-unknown']);
    expect(kinds(sql('mysqladmin s'))).toEqual(['unknown:sql admin-unknown']);
    expect(hint(sql('mysqladmin -h db.prod.internal shutdown')[0], 'db-host')).toBe('db.prod.internal');
    expect(sql('mysqladmin -u root')[0]?.subcommand).toEqual(['admin']);
  });

  it('calls a client with nothing to run a session', () => {
    expect(sql('mysql -h db.internal')[0]?.subcommand).toEqual(['session']);
  });
});
