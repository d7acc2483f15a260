import { describe, expect, it } from 'vitest';
import { classifyCopyMeta, classifyMeta, type MetaPiece } from '../../../src/tools/sql/meta.js';
import { splitPsql } from '../../../src/tools/sql/psql-lexer.js';

/** `sql:…` and `\name args` pieces, variables shown as `{name}`. */
function pieces(text: string): string[] {
  return splitPsql(text).map((p) =>
    p.kind === 'sql'
      ? `sql:${p.parts.map((x) => (typeof x === 'string' ? x : `{${x.quote}:${x.name}}`)).join('')}`
      : `\\${p.name}${p.args.length > 0 ? ` ${p.args.join('|')}` : ''}`,
  );
}

describe('splitPsql', () => {
  it.each([
    ['SELECT 1;', ['sql:SELECT 1;']],
    ['\\dt\nSELECT 1;', ['\\dt', 'sql:\nSELECT 1;']],
    ["SELECT '\\dt';", ["sql:SELECT '\\dt';"]],
    ["SELECT E'a\\'b \\x';", ["sql:SELECT E'a\\'b \\x';"]],
    ['SELECT "a\\b";', ['sql:SELECT "a\\b";']],
    ['SELECT $$ \\! rm $$;', ['sql:SELECT $$ \\! rm $$;']],
    ['SELECT $fn$ $$ \\! $$ $fn$;', ['sql:SELECT $fn$ $$ \\! $$ $fn$;']],
    ['SELECT 1 -- \\! rm\n;', ['sql:SELECT 1 -- \\! rm\n;']],
    ['SELECT /* a /* \\! */ \\! */ 1;', ['sql:SELECT /* a /* \\! */ \\! */ 1;']],
    ['SELECT $1, a$b$c;', ['sql:SELECT $1, a$b$c;']],
    ['\\x \\t', ['\\x', '\\t']],
    ['\\echo hi \\\\ SELECT 1;', ['\\echo hi', 'sql: SELECT 1;']],
    ["\\i 'my file.sql'", ['\\i my file.sql']],
    ['\\! rm -rf / \\\\ x', ['\\! rm|-rf|/|\\\\|x']],
    [
      'SELECT :v, :\'v\', :"v", 1::int, a[1:2];',
      ['sql:SELECT {none:v}, {literal:v}, {ident:v}, 1::int, a[1{none:2}];'],
    ],
    ["SELECT ':v';", ["sql:SELECT ':v';"]],
  ])('%j', (text, expected) => {
    expect(pieces(text)).toEqual(expected);
  });

  it('marks backticks in meta arguments as dynamic', () => {
    const [meta] = splitPsql('\\set x `date`');
    expect(meta?.kind === 'meta' && meta.dynamic).toMatch(/shell/);
  });

  it('is linear on long inputs', () => {
    const text = `${"SELECT 'x';\n".repeat(200_000)}\\dt`;
    const started = performance.now();
    expect(splitPsql(text)).toHaveLength(2);
    expect(performance.now() - started).toBeLessThan(1500);
  });
});

function meta(text: string): MetaPiece {
  const [piece] = splitPsql(text);
  if (piece?.kind !== 'meta') throw new Error('not a meta-command');
  return piece;
}

describe('classifyMeta', () => {
  it.each([
    ['\\dt+', 'read', 'meta-describe'],
    ['\\l', 'read', 'meta-l'],
    ['\\x', 'read', 'meta-x'],
    ['\\timing on', 'read', 'meta-timing'],
    ['\\conninfo', 'read', 'meta-conninfo'],
    ['\\?', 'read', 'meta-?'],
    ['\\h DELETE', 'read', 'meta-h'],
    ['\\pset format csv', 'read', 'meta-pset'],
    ['\\q', 'read', 'meta-q'],
    ['\\i x.sql', 'read', 'meta-include'],
    ['\\ir x.sql', 'read', 'meta-include'],
    ['\\include_relative x.sql', 'read', 'meta-include'],
    ['\\!', 'unknown', 'meta-shell'],
    ['\\gexec', 'unknown', 'meta-gexec'],
    ['\\o |cat', 'unknown', 'meta-pipe'],
    ['\\o out.txt', 'write', 'meta-output-file'],
    ['\\g |sh', 'unknown', 'meta-pipe'],
    ['\\g out.txt', 'write', 'meta-output-file'],
    ['\\e', 'unknown', 'meta-e'],
    ['\\c other', 'read', 'meta-connect'],
    ['\\lo_unlink 5', 'destroy', 'meta-lo-unlink'],
    ['\\set x `rm -rf /`', 'read', 'meta-set'],
    ['\\echo `rm -rf /`', 'unknown', 'meta-echo'],
    ['\\frob', 'unknown', 'meta-unknown'],
  ])('%s', (text, effect, kind) => {
    expect(classifyMeta(meta(text))).toMatchObject({ effect, kind });
  });

  it.each([
    ["t from 'data.csv' csv", 'write', 'meta-copy-from'],
    ['t from stdin', 'write', 'meta-copy-from'],
    ["t to 'out.csv'", 'write', 'meta-copy-to-file'],
    ['t to stdout', 'read', 'meta-copy-to-stdout'],
    ["t to program 'gzip > x'", 'unknown', 'meta-copy-program'],
    ["(DELETE FROM t RETURNING *) to 'x.csv'", 'write', 'meta-copy-to-file'],
  ])('\\copy %s', (args, effect, kind) => {
    expect(classifyCopyMeta(args)).toMatchObject({ effect, kind });
  });
});
