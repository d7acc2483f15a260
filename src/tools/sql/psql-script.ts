// Walks a psql script in order: SQL goes to the PostgreSQL classifier, meta-commands to the
// table; includes are read and walked, `\c` changes the target, `\set` feeds interpolation.

import { dirname, isAbsolute, resolve } from 'node:path';
import { classifyCopyMeta, classifyMeta, type MetaPiece } from './meta.js';
import { parseConninfo } from './pg-conn.js';
import { classifyPostgresSql, type PgSqlState } from './pg-sql.js';
import { type SqlPart, splitPsql } from './psql-lexer.js';
import type { ScriptOptions, SqlConnection, SqlStatement } from './types.js';
import { appendAll, unknownStatement } from './types.js';

const MAX_INCLUDE_DEPTH = 8;

/** Variables psql sets itself; their values depend on the session. */
const BUILTIN =
  /^(AUTOCOMMIT|COMP_KEYWORD_CASE|DBNAME|ECHO|ECHO_HIDDEN|ENCODING|ERROR|FETCH_COUNT|HIDE_\w+|HISTCONTROL|HISTFILE|HISTSIZE|HOST|IGNOREEOF|LASTOID|LAST_ERROR_\w+|ON_ERROR_\w+|PORT|PROMPT\d|QUIET|ROW_COUNT|SERVER_VERSION_\w+|SHELL_\w+|SHOW_\w+|SINGLELINE|SINGLESTEP|SQLSTATE|USER|VERBOSITY|VERSION\w*)$/;

interface WalkState {
  /** Known variable values; `undefined` means set to something not known statically. */
  variables: Map<string, string | undefined>;
  /** After `\gset`/`\prompt`, a variable may be set from outside the text. */
  anyVariableDynamic: boolean;
  connection?: SqlConnection;
  cwd: string;
  pg: PgSqlState;
  seen: Set<string>;
  out: SqlStatement[];
}

function quoteLiteral(v: string): string {
  return `'${v.replace(/'/g, "''")}'`;
}

/** Substitutes known variables; returns the reason when a reference cannot be known. */
function interpolate(parts: SqlPart[], state: WalkState): { sql: string; dynamic?: string } {
  let sql = '';
  for (const part of parts) {
    if (typeof part === 'string') {
      sql += part;
      continue;
    }
    const known = state.variables.has(part.name);
    const value = state.variables.get(part.name);
    if (known && value !== undefined) {
      sql +=
        part.quote === 'literal'
          ? quoteLiteral(value)
          : part.quote === 'ident'
            ? `"${value.replace(/"/g, '""')}"`
            : value;
    } else if (known || BUILTIN.test(part.name) || state.anyVariableDynamic) {
      return { sql, dynamic: `psql variable ${part.text} is not known statically` };
    } else sql += part.text; // psql leaves an unset variable as written.
  }
  return { sql };
}

function tag(list: SqlStatement[], state: WalkState, file: string | undefined): SqlStatement[] {
  return list.map((s) => ({
    ...s,
    ...(file === undefined ? {} : { file }),
    ...(state.connection === undefined ? {} : { connection: state.connection }),
  }));
}

function connectTarget(meta: MetaPiece, previous: SqlConnection | undefined): SqlConnection {
  const [first, user, host, port] = meta.args;
  if (meta.dynamic !== undefined) return { dynamic: meta.dynamic };
  if (first === undefined) return { ...previous };
  const info = parseConninfo(first);
  if (info !== undefined) {
    const c: SqlConnection = {};
    if (info.dbname !== undefined) c.dbname = info.dbname;
    if (info.host !== undefined) c.host = info.host;
    if (info.port !== undefined) c.port = info.port;
    if (info.user !== undefined) c.user = info.user;
    return c;
  }
  const keep = (v: string | undefined, old: string | undefined): string | undefined =>
    v === undefined || v === '-' ? old : v;
  const c: SqlConnection = {};
  const values = {
    dbname: keep(first, previous?.dbname),
    user: keep(user, previous?.user),
    host: keep(host, previous?.host),
    port: keep(port, previous?.port),
  };
  for (const [k, v] of Object.entries(values)) if (v !== undefined) c[k as keyof typeof values] = v;
  return c;
}

function walk(
  text: string,
  opts: ScriptOptions,
  state: WalkState,
  file: string | undefined,
  depth: number,
): void {
  let buffer: SqlPart[] = [];
  const flush = (): void => {
    const { sql, dynamic } = interpolate(buffer, state);
    buffer = [];
    if (dynamic !== undefined) {
      appendAll(
        state.out,
        tag(
          [{ ...unknownStatement(sql.trim(), dynamic, 'dynamic-sql'), facts: { 'sql.dynamic': true } }],
          state,
          file,
        ),
      );
      return;
    }
    appendAll(state.out, tag(classifyPostgresSql(sql, state.pg), state, file));
  };
  for (const piece of splitPsql(text)) {
    if (piece.kind === 'sql') {
      appendAll(buffer, piece.parts);
      continue;
    }
    const meta = classifyMeta(piece);
    // Statements before a meta-command run before it (\gexec, \! and \i act on what came first).
    if (meta.action !== 'set' && meta.action !== 'unset') flush();
    const record = (extra: Partial<SqlStatement> = {}): void => {
      const s: SqlStatement = {
        kind: meta.kind,
        effect: meta.effect,
        objects: [],
        text: piece.text,
        facts: { 'sql.meta': piece.name },
        ...extra,
      };
      if (meta.reason !== undefined && s.reason === undefined) s.reason = meta.reason;
      appendAll(state.out, tag([s], state, file));
    };
    switch (meta.action) {
      case 'terminate-buffer':
        flush();
        record();
        break;
      case 'include':
      case 'include-relative': {
        flush();
        const target = piece.args[0];
        if (target === undefined) {
          record({ effect: 'unknown', reason: `\\${piece.name} without a file` });
          break;
        }
        const base = meta.action === 'include-relative' && file !== undefined ? dirname(file) : state.cwd;
        const path = isAbsolute(target) ? target : resolve(base, target);
        record({ objects: [path], objectType: 'file' });
        includeFile(path, opts, state, depth);
        break;
      }
      case 'connect':
        flush();
        state.connection = connectTarget(piece, state.connection);
        record();
        break;
      case 'set': {
        const [name, ...values] = piece.args;
        if (name !== undefined)
          state.variables.set(name, piece.dynamic === undefined ? values.join('') : undefined);
        record(piece.dynamic === undefined ? {} : { reason: piece.dynamic });
        break;
      }
      case 'unset':
        if (piece.args[0] !== undefined) state.variables.delete(piece.args[0]);
        record();
        break;
      case 'dynamic-variables':
        if (piece.name === 'gset') flush();
        state.anyVariableDynamic = true;
        record();
        break;
      case 'copy': {
        const copy = classifyCopyMeta(piece.rawArgs);
        const objects = copy.table === undefined ? [] : [copy.table];
        record({
          kind: copy.kind,
          effect: copy.effect,
          objects,
          objectType: 'table',
          ...(copy.reason === undefined ? {} : { reason: copy.reason }),
        });
        if (copy.query !== undefined)
          appendAll(
            state.out,
            tag(
              classifyPostgresSql(copy.query, state.pg).filter((s) => s.effect !== 'read'),
              state,
              file,
            ),
          );
        break;
      }
      default:
        if (piece.name === 'cd' && piece.args[0] !== undefined) state.cwd = resolve(state.cwd, piece.args[0]);
        record();
    }
  }
  flush();
}

function includeFile(path: string, opts: ScriptOptions, state: WalkState, depth: number): void {
  if (depth >= MAX_INCLUDE_DEPTH || state.seen.has(path)) {
    state.out.push(
      unknownStatement(`\\i ${path}`, `includes nest too deeply or loop at ${path}`, 'meta-include'),
    );
    return;
  }
  const content = opts.readScript(path);
  if (content === undefined) {
    state.out.push({
      ...unknownStatement(`\\i ${path}`, `cannot read included file ${path}`, 'meta-include'),
      file: path,
    });
    return;
  }
  state.seen.add(path);
  walk(content, opts, state, path, depth + 1);
  state.seen.delete(path);
}

/** Classifies psql input (`-c` text, a `-f` file, stdin): every statement and meta-command, in order. */
export function classifyPsqlScript(text: string, opts: ScriptOptions): SqlStatement[] {
  const variables = new Map<string, string | undefined>(Object.entries(opts.variables ?? {}));
  const state: WalkState = {
    variables,
    anyVariableDynamic: false,
    cwd: opts.cwd,
    pg: { prepared: new Set() },
    seen: new Set(),
    out: [],
  };
  if (opts.file !== undefined) state.seen.add(opts.file);
  walk(text, opts, state, opts.file, 0);
  return state.out;
}
