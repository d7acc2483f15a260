import { describe, expect, it } from 'vitest';
import { evaluateLineFully } from '../../src/decide/evaluate.js';
import { realFs } from '../../src/tools/real-fs.js';

function only(line: string) {
  const result = evaluateLineFully(line, {
    env: { HOME: '/nonexistent', PATH: '/usr/bin:/bin' },
    cwd: '/tmp',
    fs: realFs,
    packs: [],
  });
  return result.invocations[0];
}

describe('pg_* tools', () => {
  it.each([
    ['pg_dump -d shop -f dump.sql', 'pg_dump', ['dump']],
    ['pg_dumpall -h db.internal', 'pg_dumpall', ['dumpall']],
    ['pg_restore -d shop dump.pgc', 'pg_restore', ['restore']],
    ['pg_restore --clean -d shop dump.pgc', 'pg_restore', ['restore', 'clean']],
    ['pg_restore -c -d shop dump.pgc', 'pg_restore', ['restore', 'clean']],
    ['pg_restore dump.pgc', 'pg_restore', ['restore', 'to-script']],
    ['dropdb shop', 'dropdb', ['dropdb']],
    ['createdb shop', 'createdb', ['createdb']],
    ['dropuser bob', 'dropuser', ['dropuser']],
    ['createuser -s bob', 'createuser', ['createuser']],
  ])('%s', (line, tool, subcommand) => {
    const inv = only(line);
    expect(inv?.tool).toBe(tool);
    expect(inv?.subcommand).toEqual(subcommand);
  });

  it('names the dropped database and its server', () => {
    const inv = only('dropdb -h prod-db.internal --if-exists orders');
    expect(inv?.targets).toEqual([{ kind: 'database', value: 'orders' }]);
    expect(inv?.envHints).toEqual([
      { kind: 'db-host', value: 'prod-db.internal', source: '-h flag' },
      { kind: 'db-name', value: 'orders', source: '-d flag or argument' },
    ]);
  });
});
