import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateLineFully } from '../../src/decide/evaluate.js';
import type { Invocation } from '../../src/tools/invocation.js';
import { realFs } from '../../src/tools/real-fs.js';
import { prepareSqlParsers } from '../../src/tools/sql/index.js';

const dir = mkdtempSync(join(tmpdir(), 'airlock-sqlite-rec-'));

beforeAll(async () => {
  await prepareSqlParsers(['sqlite3']);
});

function sql(line: string): Invocation[] {
  const result = evaluateLineFully(line, {
    env: { HOME: dir, PATH: '/usr/bin:/bin' },
    cwd: dir,
    fs: realFs,
    packs: [],
  });
  return result.invocations.filter((i) => i.tool === 'sqlite3');
}
const kinds = (list: Invocation[]) =>
  list.map((i) => `${i.facts['sql.effect'] ?? '-'}:${i.subcommand.join(' ')}`);

describe('sqlite3 recognizer', () => {
  it.each([
    ["sqlite3 app.db 'DROP TABLE users'", ['destroy:sql drop-table']],
    ["sqlite3 app.db 'SELECT 1' 'DELETE FROM t'", ['read:sql select', 'destroy:sql delete']],
    ['sqlite3 app.db .tables', []],
    ["sqlite3 -readonly app.db '.shell rm -rf /'", ['unknown:sql client-shell']],
    ["sqlite3 -cmd 'PRAGMA foreign_keys=off' app.db 'VACUUM'", ['write:sql pragma-set', 'write:sql vacuum']],
    ["sqlite3 app.db <<< 'UPDATE t SET a = 1'", ['destroy:sql update']],
    ["sqlite3 app.db '.import data.csv t'", ['write:sql client-import']],
    ["sqlite3 app.db \"SELECT writefile('/home/dev/.bashrc', 'x')\"", ['destroy:sql call-writefile']],
    ['sqlite3 app.db "UPDATE t SET a = writefile(\'x\', b) WHERE id = 1"', ['destroy:sql call-writefile']],
    ['sqlite3 app.db "SELECT load_extension(\'./evil\')"', ['unknown:sql call-load-extension']],
    [
      "sqlite3 app.db \"SELECT writefile('x', 'y'), load_extension('z')\"",
      ['unknown:sql call-load-extension'],
    ],
    ["sqlite3 app.db \"SELECT 'writefile(x)', readfile('notes.txt')\"", ['read:sql select']],
    ['sqlite3 app.db "DELETE FROM t WHERE edit(a) = \'\'"', ['unknown:sql call-edit']],
    ["sqlite3 app.db 'DELETE FROM t WHERE writefile(a, b) > 0'", ['destroy:sql call-writefile']],
    ['sqlite3 app.db "UPDATE t SET a = writefile(\'x\', b)"', ['destroy:sql update']],
  ])('%s', (line, expected) => {
    expect(kinds(sql(line).filter((i) => i.subcommand[0] === 'sql'))).toEqual(expected);
  });

  it('follows .read FILE and keeps the database file as a target', () => {
    writeFileSync(join(dir, 'wipe.sql'), 'DELETE FROM t;\n');
    const list = sql("sqlite3 app.db '.read wipe.sql'");
    expect(kinds(list)).toEqual(['read:sql client-include', 'destroy:sql delete']);
    expect(list[1]?.targets[0]).toMatchObject({ kind: 'path', value: 'app.db' });
    expect(list[1]?.envHints).toContainEqual({
      kind: 'db-host',
      value: 'localhost',
      source: 'sqlite3 opens a local file',
    });
  });

  it('calls sqlite3 with only a file a session', () => {
    expect(sql('sqlite3 app.db')[0]?.subcommand).toEqual(['session']);
  });
});
