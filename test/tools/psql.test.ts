import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateLineFully } from '../../src/decide/evaluate.js';
import type { Invocation } from '../../src/tools/invocation.js';
import { realFs } from '../../src/tools/real-fs.js';
import { prepareSqlParsers, sqlPrograms, statementOf } from '../../src/tools/sql/index.js';

const dir = mkdtempSync(join(tmpdir(), 'airlock-psql-'));
const fixtures = new URL('../fixtures/sql/', import.meta.url).pathname;

beforeAll(async () => {
  await prepareSqlParsers(sqlPrograms);
});

function run(line: string, env: Record<string, string> = {}, cwd = dir) {
  return evaluateLineFully(line, {
    env: { HOME: dir, PATH: '/usr/bin:/bin', ...env },
    cwd,
    fs: realFs,
    packs: [],
  });
}

function sql(line: string, env: Record<string, string> = {}, cwd = dir): Invocation[] {
  return run(line, env, cwd).invocations.filter((i) => i.tool === 'psql');
}

const kinds = (list: Invocation[]) =>
  list.map((i) => `${i.facts['sql.effect'] ?? '-'}:${i.subcommand.join(' ')}`);
const hint = (i: Invocation | undefined, kind: string) => i?.envHints.find((h) => h.kind === kind);

describe('psql: where the SQL comes from', () => {
  it.each([
    ["psql -c 'SELECT 1; DROP TABLE users'", ['read:sql select', 'destroy:sql drop-table']],
    ["psql -c 'SELECT 1' -c 'TRUNCATE t'", ['read:sql select', 'destroy:sql truncate']],
    ["psql --command='DELETE FROM t'", ['destroy:sql delete']],
    ["psql <<'EOF'\nDELETE FROM t WHERE id = 3;\nEOF", ['write:sql delete']],
    ["psql <<< 'DROP TABLE t'", ['destroy:sql drop-table']],
    ["echo 'DROP TABLE t' | psql", ['destroy:sql drop-table']],
    ["echo -n 'VACUUM' | psql -d shop", ['write:sql vacuum']],
    ["printf 'TRUNCATE t;\\n' | psql", ['destroy:sql truncate']],
    ['psql -c "\\dt"', []],
    ["psql -c '\\! rm -rf /'", ['unknown:sql meta-shell']],
    ["psql -c 'SELECT 1 \\gexec'", ['read:sql select', 'unknown:sql meta-gexec']],
    ['psql -c \'\\copy t to program "gzip > x"\'', ['unknown:sql meta-copy-program']],
    ["psql -c '\\copy t from data.csv csv'", ['write:sql meta-copy-from']],
    ["psql -c '\\o |mail root'", ['unknown:sql meta-pipe']],
    ["psql -v tbl=users -c 'DROP TABLE :tbl'", ['destroy:sql drop-table']],
    ['psql -c \'DROP TABLE :"tbl"\'', ['unknown:sql parse-error']],
    ["psql -c 'SELECT :DBNAME'", ['unknown:sql dynamic-sql']],
    ["psql -c 'SELECT 1::int, a[1:2] FROM t'", ['read:sql select']],
    ['psql -c "$SQL"', ['unknown:sql parse-error']],
  ])('%s', (line, expected) => {
    const list = sql(line).filter((i) => i.subcommand[0] === 'sql' && i.subcommand.length > 1);
    expect(kinds(list)).toEqual(expected);
  });

  it('reads a pipe from cat FILE and a < redirect', () => {
    writeFileSync(join(dir, 'drop.sql'), 'DROP TABLE a;\n');
    expect(kinds(sql('cat drop.sql | psql'))).toEqual(['destroy:sql drop-table']);
    expect(kinds(sql('psql < drop.sql'))).toEqual(['destroy:sql drop-table']);
    expect(sql('psql < drop.sql')[0]?.facts['sql.file']).toBe(join(dir, 'drop.sql'));
  });

  it('reads -f - from the line, and calls it unknown when the line gives no input', () => {
    writeFileSync(join(dir, 'drop.sql'), 'DROP TABLE a;\n');
    expect(kinds(sql('psql -f - < drop.sql'))).toEqual(['destroy:sql drop-table']);
    const [inv] = sql('psql -d shop -f -');
    expect(kinds([inv as Invocation])).toEqual(['unknown:sql dynamic-input']);
    expect(inv?.unknowns[0]).toMatch(/standard input/);
    expect(run('psql -d shop -f -').verdict.decision).toBe('approve');
  });

  it('follows cat passing on its own heredoc, here-string or redirect', () => {
    expect(kinds(sql("cat <<'EOF' | psql\nDROP TABLE t;\nEOF"))).toEqual(['destroy:sql drop-table']);
    expect(kinds(sql("cat - <<< 'SELECT 1' | psql"))).toEqual(['read:sql select']);
    writeFileSync(join(dir, 'drop.sql'), 'DROP TABLE a;\n');
    expect(kinds(sql('cat < drop.sql | psql'))).toEqual(['destroy:sql drop-table']);
    expect(sql('cat | psql')[0]?.unknowns[0]).toMatch(/does not show/);
  });

  it('treats input from another program as unknown', () => {
    const [inv] = sql('curl http://x/q.sql | psql');
    expect(inv?.unknowns[0]).toMatch(/curl/);
  });

  it('calls a psql with nothing to run an interactive session', () => {
    const [inv] = sql('psql -h db.internal shop');
    expect(inv?.subcommand).toEqual(['session']);
    expect(inv?.facts['sql.interactive']).toBe(true);
    expect(sql('psql -l')[0]?.subcommand).toEqual(['list']);
  });

  it('keeps the statement for a count(*) probe', () => {
    const [inv] = sql("psql -c 'DELETE FROM t WHERE a < 3'");
    expect(inv !== undefined && statementOf(inv)?.ast).toHaveProperty('DeleteStmt');
    expect(inv?.facts['sql.where']).toBe('present');
    expect(inv?.targets).toEqual([{ kind: 'table', value: 't' }]);
  });
});

describe('psql -f', () => {
  it('classifies a SQL file with its includes', () => {
    const list = sql(`psql -f ${join(fixtures, 'cleanup.sql')}`, {}, fixtures);
    expect(kinds(list)).toEqual([
      'read:sql meta-include',
      'read:sql transaction',
      'write:sql alter-table',
      'write:sql update',
      'read:sql transaction',
      'destroy:sql delete',
      'unknown:sql meta-shell',
    ]);
    expect(list[2]?.facts['sql.file']).toBe(join(fixtures, 'migrate.sql'));
  });

  it('gives a binary file a clear unknown', () => {
    writeFileSync(join(dir, 'blob.sql'), Buffer.from([0x44, 0x52, 0x00, 0xff, 0xfe, 0x01]));
    const [inv] = sql('psql -f blob.sql');
    expect(inv?.unknowns[0]).toMatch(/not a text file/);
    expect(run('psql -f blob.sql').verdict.decision).toBe('approve');
  });

  it('gives invalid UTF-8 a clear unknown', () => {
    writeFileSync(join(dir, 'latin1.sql'), Buffer.from("SELECT 'caf\xe9'", 'latin1'));
    expect(sql('psql -f latin1.sql')[0]?.unknowns[0]).toMatch(/not a text file/);
  });

  it('gives a 50 MB file a clear unknown, quickly', () => {
    const big = join(dir, 'big.sql');
    writeFileSync(big, 'INSERT INTO t VALUES (1);\n'.repeat(2_100_000));
    const started = performance.now();
    const [inv] = sql(`psql -f ${big}`);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(inv?.unknowns[0]).toMatch(/larger than the 1 MB airlock reads ahead/);
  });

  it('judges the first 5,000 statements of a long script and calls the rest unknown', () => {
    const long = join(dir, 'long.sql');
    writeFileSync(long, `${'INSERT INTO t VALUES (1);\n'.repeat(6000)}DROP TABLE t;\n`);
    const started = performance.now();
    const list = sql(`psql -f ${long}`);
    expect(performance.now() - started).toBeLessThan(3000);
    // 100 judged one by one, the other 4,900 alike ones in one invocation, then the rest.
    expect(list).toHaveLength(102);
    expect(list[100]?.facts['sql.repeats']).toBe(4900);
    expect(kinds(list.slice(99))).toEqual([
      'write:sql insert',
      'write:sql insert',
      'unknown:sql too-many-statements',
    ]);
    expect(run(`psql -f ${long}`).verdict.decision).toBe('approve');
  });

  it('gives a missing file and a directory a clear unknown', () => {
    expect(sql('psql -f missing.sql')[0]?.unknowns[0]).toMatch(/does not exist/);
    expect(sql(`psql -f ${dir}`)[0]?.unknowns[0]).toMatch(/is a directory/);
    expect(run('psql -f missing.sql').verdict.decision).toBe('approve');
  });

  it('never opens a pipe or a device: a FIFO would block, /dev/stdin would take the input', () => {
    const fifo = join(dir, 'queue.sql');
    execFileSync('mkfifo', [fifo]);
    for (const line of [
      'psql -f queue.sql',
      'psql < queue.sql',
      'cat queue.sql | psql',
      "psql -c '\\i queue.sql'",
    ])
      expect(run(line).verdict.decision, line).toBe('approve');
    expect(sql('psql -f queue.sql')[0]?.unknowns[0]).toMatch(/pipe or device/);
    expect(sql('psql -f /dev/stdin')[0]?.unknowns[0]).toMatch(/device or process file/);
    expect(run('psql -f /dev/stdin').verdict.decision).toBe('approve');
    expect(run('PGSERVICEFILE=queue.sql PGSERVICE=x psql -c "SELECT 1"').verdict.decision).toBe('allow');
  });

  it('judges a symlink by the file it points at', () => {
    const big = join(dir, 'big-target.sql');
    writeFileSync(big, 'DELETE FROM t;\n'.repeat(800_000));
    symlinkSync(big, join(dir, 'link.sql'));
    expect(sql('psql -f link.sql')[0]?.unknowns[0]).toMatch(/larger than the 1 MB airlock reads ahead/);
  });

  it('gives malformed SQL the parser message', () => {
    writeFileSync(join(dir, 'bad.sql'), 'SELEC 1;');
    expect(sql('psql -f bad.sql')[0]?.unknowns[0]).toMatch(/syntax error at or near "SELEC"/);
  });

  it('reports an include it cannot read', () => {
    writeFileSync(join(dir, 'inc.sql'), '\\i nowhere.sql\n');
    expect(kinds(sql('psql -f inc.sql'))).toEqual(['read:sql meta-include', 'unknown:sql meta-include']);
  });
});

describe('psql: connection target', () => {
  beforeAll(() => {
    writeFileSync(join(dir, '.pg_service.conf'), '[live]\nhost=pg.live.example\ndbname=core\n');
  });

  it.each([
    ['psql -c "SELECT 1"', {}, 'unix-socket', undefined],
    ['psql -h prod-db.internal -d orders -c "SELECT 1"', {}, 'prod-db.internal', 'orders'],
    ['psql postgres://app@db.stg.internal:5433/shop -c "SELECT 1"', {}, 'db.stg.internal', 'shop'],
    ['psql "host=10.0.0.5 dbname=billing" -c "SELECT 1"', {}, '10.0.0.5', 'billing'],
    ['psql -h /var/run/postgresql -c "SELECT 1"', {}, 'unix-socket:/var/run/postgresql', undefined],
    ['psql -c "SELECT 1"', { PGHOST: 'prod-db', PGDATABASE: 'main' }, 'prod-db', 'main'],
    ['psql -h localhost -c "SELECT 1"', { PGHOST: 'prod-db' }, 'localhost', undefined],
    ['PGHOST=prod-db PGDATABASE=main psql -c "SELECT 1"', {}, 'prod-db', 'main'],
    ['export PGHOST=prod-db; psql -c "SELECT 1"', {}, 'prod-db', undefined],
    ['PGHOST=prod-db psql -h localhost -c "SELECT 1"', {}, 'localhost', undefined],
    ['PGHOST=$(pick) psql -c "SELECT 1"', {}, undefined, undefined],
    ['PGHOST=$(pick) psql -c "SELECT 1"', { PGSERVICE: 'live' }, undefined, 'core'],
  ])('%s %j', (line, env, host, db) => {
    const [inv] = sql(line, env as Record<string, string>);
    expect(hint(inv, 'db-host')?.value).toBe(host);
    expect(hint(inv, 'db-name')?.value).toBe(db);
  });

  it('reads pg_service.conf for PGSERVICE', () => {
    const [inv] = sql('psql -c "SELECT 1"', { PGSERVICE: 'live' });
    expect(hint(inv, 'db-host')).toEqual({
      kind: 'db-host',
      value: 'pg.live.example',
      source: 'pg_service.conf [live]',
    });
    expect(
      run('psql -c "INSERT INTO t VALUES (1)"', { PGSERVICE: 'nope' }).invocations[0]?.envHints[0]?.value,
    ).toBeUndefined();
  });

  it('treats a host or database assigned at run time as unknown, not the local socket', () => {
    expect(hint(sql('PGHOST=$(pick) psql -c "SELECT 1"')[0], 'db-host')?.source).toBe(
      'PGHOST is assigned at run time',
    );
    const [inv] = sql('PGDATABASE=$(pick) psql -c "SELECT 1"');
    expect(hint(inv, 'db-name')).toEqual({ kind: 'db-name', source: 'PGDATABASE is assigned at run time' });
    expect(hint(sql('PGSERVICE=$(pick) psql -c "SELECT 1"')[0], 'db-host')?.value).toBeUndefined();
  });

  it('judges statements after \\c against the new target', () => {
    const list = sql("psql -h localhost -c 'SELECT 1' -c '\\c orders prod-db.internal'");
    expect(hint(list[0], 'db-host')?.value).toBe('localhost');
    const after = sql("psql -h localhost <<'EOF'\n\\c orders app prod-db.internal\nDROP TABLE t;\nEOF").find(
      (i) => i.subcommand[1] === 'drop-table',
    );
    expect(hint(after, 'db-host')?.value).toBe('prod-db.internal');
    expect(hint(after, 'db-name')?.value).toBe('orders');
  });
});
