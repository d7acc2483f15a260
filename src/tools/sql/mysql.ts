// The one module that loads node-sql-parser, lazily and one dialect build at a time
// (`build/mysql`, `build/sqlite`: ~0.3 MB each, not the 2.5 MB index). MariaDB input goes
// through the mysql build: the mariadb build rejects plain statements (`DELETE … LIMIT 3`).
// Loading is a promise awaited once before the synchronous recognize stage, as for
// libpg-query; parsing afterwards is synchronous. Not loaded means unknown, never allow.

import { bundleLoader } from '../../bundle-loader.js';
export type SqlDialect = 'mysql' | 'mariadb' | 'sqlite';

export type MyNode = Record<string, unknown>;

export type MyParse = { ok: true; statements: MyNode[] } | { ok: false; error: string };

interface ParserInstance {
  astify(sql: string, options: { database: string }): MyNode | MyNode[];
}

const parsers = new Map<SqlDialect, ParserInstance>();
const loading = new Map<SqlDialect, Promise<void>>();

async function importBuild(dialect: SqlDialect): Promise<{ Parser: new () => ParserInstance }> {
  // The build copies each dialect's build to dist/sql-<dialect>.cjs, which the boot loader runs
  // from a code cache (as dist/pg-parser.cjs); from source, the package itself.
  const loadBundle = bundleLoader();
  const mysql = dialect === 'mysql' || dialect === 'mariadb';
  if (loadBundle !== undefined) return loadBundle(mysql ? 'sql-mysql.cjs' : 'sql-sqlite.cjs') as never;
  // Literal specifiers so bundlers and type checkers see each one; require, not import(), because
  // the CLI bundle runs from a V8 code cache where a dynamic import has no loader callback.
  if (mysql) return require('node-sql-parser/build/mysql.js') as never;
  return require('node-sql-parser/build/sqlite.js') as never;
}

/** MariaDB shares the mysql build. */
function buildOf(dialect: SqlDialect): SqlDialect {
  return dialect === 'mariadb' ? 'mysql' : dialect;
}

export function loadSqlDialect(requested: SqlDialect): Promise<void> {
  const dialect = buildOf(requested);
  let promise = loading.get(dialect);
  if (promise === undefined) {
    promise = importBuild(dialect).then((mod) => {
      const Parser =
        mod.Parser ?? (mod as unknown as { default: { Parser: new () => ParserInstance } }).default.Parser;
      parsers.set(dialect, new Parser());
    });
    loading.set(dialect, promise);
  }
  return promise;
}

export function isSqlDialectLoaded(dialect: SqlDialect): boolean {
  return parsers.has(buildOf(dialect));
}

/** Parses one statement's text; errors are values. */
export function parseDialect(sql: string, dialect: SqlDialect): MyParse {
  const parser = parsers.get(buildOf(dialect));
  if (parser === undefined) return { ok: false, error: `the ${dialect} parser is not loaded` };
  try {
    const ast = parser.astify(sql, {
      database: dialect === 'sqlite' ? 'sqlite' : 'mysql',
    });
    return {
      ok: true,
      statements: (Array.isArray(ast) ? ast : [ast]).filter((s) => s !== null && s !== undefined),
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: message.length > 200 ? `${message.slice(0, 200)}…` : message };
  }
}
