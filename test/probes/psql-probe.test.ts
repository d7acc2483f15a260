// psql measurements and the row-count guarantee against a real PostgreSQL 15 server started
// for this file; every measured figure is checked by running the statement for real.

import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connectionArgs } from '../../src/probes/psql-connection.js';
import { loadPostgresParser } from '../../src/tools/sql/postgres.js';
import { runWithRowGuarantee } from '../../src/undo/psql-guarantee.js';
import { type PgServer, startPostgres } from '../helpers/postgres.js';
import { measureLine } from '../helpers/probe-context.js';

let pg: PgServer;
let env: Record<string, string | undefined>;
const cwd = tmpdir();

beforeAll(async () => {
  await loadPostgresParser();
  pg = await startPostgres();
  env = { PATH: process.env.PATH, HOME: cwd };
}, 30_000);

afterAll(() => pg?.stop());

const schema = `
DROP TABLE IF EXISTS items, orders, notes, users CASCADE;
CREATE TABLE users (id int PRIMARY KEY, banned boolean NOT NULL DEFAULT false, name text);
CREATE TABLE orders (id serial PRIMARY KEY, user_id int REFERENCES users ON DELETE CASCADE, status text, total numeric);
CREATE TABLE items (id serial PRIMARY KEY, order_id int REFERENCES orders ON DELETE CASCADE, sku text);
CREATE TABLE notes (id serial PRIMARY KEY, user_id int REFERENCES users, body text);
INSERT INTO users SELECT g, g % 7 = 0, 'user' || g FROM generate_series(1, 200) g;
INSERT INTO orders (user_id, status, total) SELECT 1 + g % 200, CASE WHEN g % 3 = 0 THEN 'old' ELSE 'new' END, g FROM generate_series(1, 900) g;
INSERT INTO items (order_id, sku) SELECT 1 + g % 900, 'sku' || g FROM generate_series(1, 2000) g;
ANALYZE;
`;

beforeEach(() => {
  pg.sql(schema);
});

/** The command tag count psql prints for a statement run for real. */
function runForReal(sql: string): number {
  const out = execFileSync(
    'psql',
    ['-X', '-h', pg.host, '-p', pg.port, '-U', pg.user, '-d', 'postgres', '-c', sql],
    { encoding: 'utf8' },
  );
  const tag = /(?:DELETE|UPDATE) (\d+)/.exec(out);
  if (tag === null) throw new Error(`no command tag in ${out}`);
  return Number(tag[1]);
}

function line(sql: string): string {
  return `psql -h ${pg.host} -p ${pg.port} -U airlock -d postgres -c "${sql}"`;
}

describe('psql DELETE/UPDATE rows, counted by the server', () => {
  const statements = [
    "DELETE FROM orders WHERE status = 'old'",
    'DELETE FROM orders o USING users u WHERE o.user_id = u.id AND u.banned',
    "UPDATE orders SET status = 'x' WHERE total BETWEEN 10 AND 99 AND status IN ('new', 'old')",
    "UPDATE orders SET total = 0 FROM users WHERE users.id = orders.user_id AND users.name LIKE 'user1%'",
    'DELETE FROM items WHERE order_id IN (SELECT id FROM orders WHERE total < 50)',
    'DELETE FROM notes',
  ];
  it.each(statements)('%s', async (sql) => {
    const { measurement } = await measureLine(line(sql), 'psql', 'psql-count', env, cwd);
    expect(measurement.status, measurement.reason).toBe('done');
    const measured = measurement.counts?.rows;
    expect(measured).toBe(runForReal(sql));
    expect(measurement.recoverability).toBe('not recoverable');
  });

  it('lists the ON DELETE CASCADE fan-out and reads PG* variables like psql does', async () => {
    const { measurement } = await measureLine(
      'psql -c "DELETE FROM users WHERE id <= 10"',
      'psql',
      'psql-count',
      { ...env, ...pg.env },
      cwd,
    );
    expect(measurement.counts?.rows).toBe(10);
    expect(measurement.counts?.cascadeTables).toBe(2);
    expect(measurement.items).toEqual([
      'cascades to items (about 2,000 rows in all)',
      'cascades to orders (about 900 rows in all)',
    ]);
    expect(measurement.summary).toBe('10 rows of users deleted, cascading to 2 more tables');
  });

  it('says unknown with the reason when the server refuses', async () => {
    const { measurement } = await measureLine(
      line('DELETE FROM no_such_table WHERE id = 1'),
      'psql',
      'psql-count',
      env,
      cwd,
    );
    expect(measurement.status).toBe('unknown');
    expect(measurement.reason).toMatch(/no_such_table/);
  });

  it('runs the count read-only', async () => {
    const { measurement } = await measureLine(
      line("DELETE FROM orders WHERE status = 'old'"),
      'psql',
      'psql-count',
      env,
      cwd,
    );
    expect(measurement.raw).toMatch(/^SELECT "pg_catalog"."count"\(\*\) FROM "orders" WHERE/);
    expect(pg.sql("SELECT count(*) FROM orders WHERE status = 'old'")).toBe('300');
  });
});

describe('psql DROP TABLE / TRUNCATE', () => {
  it('counts rows and sizes of each table, then the drop removes exactly those', async () => {
    const { measurement } = await measureLine(
      line('DROP TABLE items, notes'),
      'psql',
      'psql-tables',
      env,
      cwd,
    );
    expect(measurement.status, measurement.reason).toBe('done');
    expect(measurement.counts?.tables).toBe(2);
    expect(measurement.counts?.rows).toBe(2000);
    const bytes = Number(pg.sql("SELECT pg_total_relation_size('items') + pg_total_relation_size('notes')"));
    expect(measurement.counts?.bytes).toBe(bytes);
    runForRealDdl('DROP TABLE items, notes');
    expect(pg.sql("SELECT count(*) FROM pg_class WHERE relname IN ('items', 'notes')")).toBe('0');
  });

  it('TRUNCATE … CASCADE names every table it also empties, with their rows', async () => {
    const { measurement } = await measureLine(
      line('TRUNCATE users CASCADE'),
      'psql',
      'psql-tables',
      env,
      cwd,
    );
    expect(measurement.counts?.rows).toBe(200);
    expect(measurement.counts?.cascadeTables).toBe(3);
    expect(measurement.items).toContain('also emptied by CASCADE: items (2,000 rows)');
    expect(measurement.summary).toMatch(/^1 table emptied: 200 rows, [\d.]+ KB \(\+3 tables by CASCADE\)$/);
    runForRealDdl('TRUNCATE users CASCADE');
    expect(
      pg.sql(
        'SELECT (SELECT count(*) FROM orders) + (SELECT count(*) FROM items) + (SELECT count(*) FROM notes)',
      ),
    ).toBe('0');
  });
});

function runForRealDdl(sql: string): void {
  execFileSync('psql', [
    '-X',
    '-q',
    '-h',
    pg.host,
    '-p',
    pg.port,
    '-U',
    pg.user,
    '-d',
    'postgres',
    '-c',
    sql,
  ]);
}

describe('approved DELETE/UPDATE runs only when it touches what was measured', () => {
  const base = () => ({
    psql: 'psql',
    connection: ['-h', pg.host, '-p', pg.port, '-U', pg.user, '-d', 'postgres'],
    env: process.env,
    cwd,
  });

  it('commits when the rows match the measurement', async () => {
    const sql = "DELETE FROM orders WHERE status = 'old'";
    const { measurement, invocation } = await measureLine(line(sql), 'psql', 'psql-count', env, cwd);
    expect(connectionArgs(invocation)).toEqual(base().connection);
    const result = await runWithRowGuarantee({
      ...base(),
      statement: sql,
      approvedRows: measurement.counts?.rows ?? -1,
    });
    expect(result).toMatchObject({ outcome: 'committed', rows: 300, exitCode: 0 });
    expect(pg.sql("SELECT count(*) FROM orders WHERE status = 'old'")).toBe('0');
  });

  it('rolls back when rows were added since the measurement beyond the tolerance', async () => {
    const sql = "DELETE FROM orders WHERE status = 'old'";
    const { measurement } = await measureLine(line(sql), 'psql', 'psql-count', env, cwd);
    expect(measurement.counts?.rows).toBe(300);
    // Another session inserts matching rows between approval and execution.
    pg.sql("INSERT INTO orders (user_id, status, total) SELECT 1, 'old', g FROM generate_series(1, 40) g");
    const result = await runWithRowGuarantee({ ...base(), statement: sql, approvedRows: 300 });
    expect(result).toMatchObject({ outcome: 'rolled-back', rows: 340, limit: 330, exitCode: 0 });
    expect(pg.sql("SELECT count(*) FROM orders WHERE status = 'old'")).toBe('340');
  });

  it('commits within the tolerance and keeps RETURNING output', async () => {
    pg.sql("INSERT INTO orders (user_id, status, total) SELECT 1, 'old', g FROM generate_series(1, 3) g");
    const result = await runWithRowGuarantee({
      ...base(),
      statement: "DELETE FROM orders WHERE status = 'old' RETURNING id;",
      approvedRows: 300,
    });
    expect(result).toMatchObject({ outcome: 'committed', rows: 303 });
    expect(result.stdout).toMatch(/\(303 rows\)/);
  });

  it('fails without committing when the statement errors', async () => {
    const result = await runWithRowGuarantee({
      ...base(),
      statement: 'DELETE FROM orders WHERE nonsense = 1',
      approvedRows: 1,
    });
    expect(result.outcome).toBe('failed');
    expect(result.stderr).toMatch(/nonsense/);
  });
});
