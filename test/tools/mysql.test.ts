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
  ])('%s', (line, expected) => {
    expect(kinds(sql(line))).toEqual(expected);
  });

  it('reads a < redirect', () => {
    writeFileSync(join(dir, 'd.sql'), 'DROP DATABASE shop;\n');
    expect(kinds(sql('mysql < d.sql'))).toEqual(['destroy:sql drop-database']);
  });

  it('finds the host and database', () => {
    const [a] = sql("mysql -h prod-db.internal -D orders -e 'SELECT 1'");
    expect([hint(a, 'db-host'), hint(a, 'db-name')]).toEqual(['prod-db.internal', 'orders']);
    const [b] = sql("mysql shop -e 'SELECT 1'");
    expect([hint(b, 'db-host'), hint(b, 'db-name')]).toEqual(['localhost', 'shop']);
    writeFileSync(join(dir, 'my.cnf'), '[client]\nhost = db.stg.internal\n');
    expect(hint(sql("mysql --defaults-file=my.cnf -e 'SELECT 1'")[0], 'db-host')).toBe('db.stg.internal');
  });

  it('calls a client with nothing to run a session', () => {
    expect(sql('mysql -h db.internal')[0]?.subcommand).toEqual(['session']);
  });
});
