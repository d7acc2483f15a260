// Walks mysql/mariadb client input or sqlite3 shell input in order: statements go to the
// dialect's parser, client commands to a table; `source`/`.read` files are walked too.

import { isAbsolute, resolve } from 'node:path';
import { classifyByKeyword, classifyMyNode } from './my-classify.js';
import { type ScriptPiece, splitClientScript } from './my-split.js';
import { type MyNode, parseDialect, type SqlDialect } from './mysql.js';
import type { ScriptOptions, SqlConnection, SqlEffect, SqlStatement } from './types.js';
import { MAX_STATEMENTS, tooManyStatements, unknownStatement } from './types.js';

const MAX_INCLUDE_DEPTH = 8;

type ClientPiece = Extract<ScriptPiece, { kind: 'client' }>;

const SQLITE_READS = new Set([
  'tables',
  'schema',
  'indexes',
  'indices',
  'dump',
  'mode',
  'headers',
  'header',
  'width',
  'print',
  'show',
  'help',
  'databases',
  'quit',
  'exit',
  'timer',
  'echo',
  'bail',
  'nullvalue',
  'separator',
  'explain',
  'eqp',
  'stats',
  'changes',
  'dbinfo',
  'lint',
  'expert',
  'cd',
  'recover',
  'sha3sum',
  'parameter',
  'fullschema',
  'dbconfig',
  'prompt',
  'timeout',
  'limit',
  'vfsinfo',
  'vfslist',
  'vfsname',
  'scanstats',
  'filectrl',
  'imposter',
  'selftest',
  'binary',
  'crnl',
  'connection',
]);

const MYSQL_READS = new Set([
  'delimiter',
  'exit',
  'status',
  'warnings',
  'nowarning',
  'help',
  'charset',
  'rehash',
  'prompt',
  'print',
  'clear',
  'notee',
  'nopager',
  'resetconnection',
]);

interface Walk {
  dialect: SqlDialect;
  opts: ScriptOptions;
  connection?: SqlConnection;
  seen: Set<string>;
  out: SqlStatement[];
  /** Statements and client commands still to judge in this input. */
  left: number;
}

function clientStatement(
  piece: ClientPiece,
  kind: string,
  effect: SqlEffect,
  reason?: string,
  objects: string[] = [],
): SqlStatement {
  const s: SqlStatement = {
    kind,
    effect,
    objects,
    text: piece.text,
    facts: { 'sql.client-command': piece.name },
  };
  if (reason !== undefined) s.reason = reason;
  return s;
}

function classifyClient(piece: ClientPiece, walk: Walk): SqlStatement | 'include' {
  const { name, args } = piece;
  const first = args[0] ?? '';
  const sqlite = walk.dialect === 'sqlite';
  if (name === 'source' || name === 'read') {
    if (first.startsWith('|'))
      return clientStatement(piece, 'client-shell', 'unknown', `.${name} | runs a shell command`);
    return 'include';
  }
  if (
    name === 'system' ||
    name === 'shell' ||
    name === 'pager' ||
    name === 'edit' ||
    name === 'excel' ||
    name === 'load'
  )
    return clientStatement(
      piece,
      name === 'load' ? 'client-load-extension' : 'client-shell',
      'unknown',
      `${name} runs a program airlock cannot see into`,
    );
  if (name === 'use' || name === 'connect' || name === 'open') {
    walk.connection = {
      ...(first === '' ? {} : { dbname: first }),
      ...(name === 'connect' && args[1] !== undefined ? { host: args[1] } : {}),
    };
    return clientStatement(
      piece,
      'client-connect',
      name === 'open' ? 'write' : 'read',
      undefined,
      first === '' ? [] : [first],
    );
  }
  if (name === 'tee' || name === 'output' || name === 'once' || name === 'log' || name === 'trace') {
    if (first.startsWith('|') || first === '-x' || first === '-e')
      return clientStatement(piece, 'client-pipe', 'unknown', `${name} sends output to a program`);
    return clientStatement(
      piece,
      'client-output-file',
      first === '' || first === 'stdout' || first === 'off' ? 'read' : 'write',
      undefined,
      first === '' ? [] : [first],
    );
  }
  if (sqlite && name === 'import')
    return clientStatement(piece, 'client-import', 'write', undefined, args.slice(-1));
  if (sqlite && name === 'restore')
    return clientStatement(
      piece,
      'client-restore',
      'destroy',
      '.restore overwrites the database',
      args.slice(-1),
    );
  if (
    sqlite &&
    (name === 'backup' || name === 'save' || name === 'clone' || name === 'archive' || name === 'ar')
  )
    return clientStatement(piece, `client-${name}`, 'write', undefined, args.slice(-1));
  if ((sqlite ? SQLITE_READS : MYSQL_READS).has(name))
    return clientStatement(piece, `client-${name}`, 'read');
  return clientStatement(
    piece,
    'client-unknown',
    'unknown',
    `${sqlite ? '.' : ''}${name} is not a client command airlock knows`,
  );
}

/**
 * Statements in a row parsed in one call: node-sql-parser spends ~0.4 ms setting up each
 * call, so a 30,000-line seed file parsed one statement at a time takes seconds. When the
 * batch does not come back one tree per statement, each is parsed on its own for its own error.
 */
function classifySqlRun(texts: readonly string[], dialect: SqlDialect): SqlStatement[][] {
  const plain = texts.map((t) => classifyByKeyword(t) === undefined);
  const batch = texts.filter((_, i) => plain[i]);
  if (batch.length > 1) {
    const parsed = parseDialect(batch.join('\n;\n'), dialect);
    if (parsed.ok && parsed.statements.length === batch.length) {
      let next = 0;
      return texts.map((text, i) =>
        plain[i]
          ? [classifyMyNode(parsed.statements[next++] as MyNode, text)]
          : classifySqlPiece(text, false, dialect),
      );
    }
  }
  return texts.map((text) => classifySqlPiece(text, false, dialect));
}

function classifySqlPiece(text: string, executable: boolean, dialect: SqlDialect): SqlStatement[] {
  if (executable)
    return [
      {
        ...unknownStatement(
          text,
          'an executable comment (/*! … */ or /*+ … */) runs SQL the parser does not see',
          'executable-comment',
        ),
        facts: { 'sql.executable-comment': true },
      },
    ];
  const byKeyword = classifyByKeyword(text);
  if (byKeyword !== undefined) return [byKeyword];
  const parsed = parseDialect(text, dialect);
  if (!parsed.ok) return [unknownStatement(text, `the SQL does not parse: ${parsed.error}`, 'parse-error')];
  return parsed.statements.map((node) => classifyMyNode(node, text));
}

function walkText(text: string, walk: Walk, file: string | undefined, depth: number): void {
  const tag = (s: SqlStatement): SqlStatement => ({
    ...s,
    ...(file === undefined ? {} : { file }),
    ...(walk.connection === undefined ? {} : { connection: walk.connection }),
  });
  let run: string[] = [];
  const flush = (): void => {
    for (const list of classifySqlRun(run, walk.dialect)) for (const s of list) walk.out.push(tag(s));
    run = [];
  };
  for (const piece of splitClientScript(text, walk.dialect === 'sqlite' ? 'sqlite' : 'mysql')) {
    if (walk.left <= 0) {
      flush();
      if (walk.left-- === 0) walk.out.push(tag(tooManyStatements()));
      break;
    }
    walk.left--;
    if (piece.kind === 'sql' && !piece.executableComment) {
      run.push(piece.text);
      continue;
    }
    flush();
    if (piece.kind === 'sql') {
      for (const s of classifySqlPiece(piece.text, true, walk.dialect)) walk.out.push(tag(s));
      continue;
    }
    const result = classifyClient(piece, walk);
    if (result !== 'include') {
      walk.out.push(tag(result));
      continue;
    }
    const target = piece.args[0] ?? '';
    const path = isAbsolute(target) ? target : resolve(walk.opts.cwd, target);
    walk.out.push(tag(clientStatement(piece, 'client-include', 'read', undefined, [path])));
    if (target === '' || depth >= MAX_INCLUDE_DEPTH || walk.seen.has(path)) {
      walk.out.push(
        tag(
          unknownStatement(
            piece.text,
            `cannot follow ${piece.text}: missing file, too deep or a loop`,
            'client-include',
          ),
        ),
      );
      continue;
    }
    const content = walk.opts.readScript(path);
    if (content === undefined) {
      walk.out.push(tag(unknownStatement(piece.text, `cannot read included file ${path}`, 'client-include')));
      continue;
    }
    walk.seen.add(path);
    walkText(content, walk, path, depth + 1);
    walk.seen.delete(path);
  }
  flush();
}

/** Classifies mysql/mariadb or sqlite3 input: every statement and client command, in order. */
export function classifyClientScript(text: string, dialect: SqlDialect, opts: ScriptOptions): SqlStatement[] {
  const walk: Walk = {
    dialect,
    opts,
    seen: new Set(opts.file === undefined ? [] : [opts.file]),
    out: [],
    left: MAX_STATEMENTS,
  };
  walkText(text, walk, opts.file, 0);
  return walk.out;
}
