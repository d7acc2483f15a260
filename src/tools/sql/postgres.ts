// The one module that loads libpg-query (PostgreSQL's own parser as WASM), lazily.
//
// The WASM module can only be instantiated asynchronously (its Emscripten glue awaits the
// instantiation), so loading is a promise the orchestrator awaits once, before the
// synchronous recognize stage, when a line involves psql. After that every parse is
// synchronous. If nobody loaded it, parsing reports "not loaded" and the statement is
// unknown: fail closed, never a silent allow.

import { bundleLoader } from '../../bundle-loader.js';
export type PgNode = Record<string, unknown>;

export interface PgRawStmt {
  stmt: PgNode;
  stmt_location?: number;
  stmt_len?: number;
}

export type PgParse = { ok: true; stmts: PgRawStmt[] } | { ok: false; error: string };

interface LibPgQuery {
  loadModule(): Promise<void>;
  parseSync(query: string): { stmts?: PgRawStmt[] };
  parsePlPgSQLSync(query: string): unknown;
}

let parser: LibPgQuery | undefined;
let loading: Promise<void> | undefined;

/** Loads the parser once. `--liftoff-only` first: otherwise V8 tiers the 1.7 MB module up
 * with TurboFan and the process lingers ~450 ms at exit (measured: +34 ms vs +119 ms). */
export function loadPostgresParser(): Promise<void> {
  loading ??= (async () => {
    const v8 = require('node:v8') as typeof import('node:v8');
    v8.setFlagsFromString('--liftoff-only');
    // The build bundles libpg-query's JavaScript as dist/pg-parser.cjs (its WASM beside it), which
    // the boot loader runs from a code cache; from source, the package itself. require, not
    // import(): a script run from a V8 code cache has no loader callback for import().
    const loadBundle = bundleLoader();
    const mod = (
      loadBundle !== undefined ? loadBundle('pg-parser.cjs') : require('libpg-query')
    ) as LibPgQuery & {
      default?: LibPgQuery;
    };
    const lib = typeof mod.parseSync === 'function' ? mod : (mod.default as LibPgQuery);
    await lib.loadModule();
    parser = lib;
  })();
  return loading;
}

export function isPostgresParserLoaded(): boolean {
  return parser !== undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Parses SQL text into raw statements; a parse error is a value. */
export function parsePostgres(sql: string): PgParse {
  if (parser === undefined) return { ok: false, error: 'the PostgreSQL parser is not loaded' };
  try {
    return { ok: true, stmts: parser.parseSync(sql).stmts ?? [] };
  } catch (error) {
    return { ok: false, error: messageOf(error) };
  }
}

export type PlPgSqlParse = { ok: true; tree: unknown } | { ok: false; error: string };

/** Parses a PL/pgSQL body (a DO block) by wrapping it in a function the parser accepts. */
export function parsePlPgSqlBody(body: string): PlPgSqlParse {
  if (parser === undefined) return { ok: false, error: 'the PostgreSQL parser is not loaded' };
  let tag = '$airlock$';
  for (let n = 0; body.includes(tag); n++) tag = `$airlock${n}$`;
  const wrapped = `CREATE FUNCTION airlock_do_block() RETURNS void LANGUAGE plpgsql AS ${tag}${body}${tag}`;
  try {
    return { ok: true, tree: parser.parsePlPgSQLSync(wrapped) };
  } catch (error) {
    return { ok: false, error: messageOf(error) };
  }
}
