// What the SQL core says about one statement or client command, whatever the dialect.

import type { FactValue } from '../invocation.js';

/** `unknown` when the text cannot be judged statically (parse error, dynamic SQL, shell escape). */
export type SqlEffect = 'read' | 'write' | 'destroy' | 'unknown';

/** For UPDATE/DELETE: whether the row filter can limit anything. */
export type WhereState = 'present' | 'absent' | 'always-true';

/** The connection a statement runs against, when a client command (`\c`, `use`) changed it. */
export interface SqlConnection {
  dbname?: string;
  host?: string;
  port?: string;
  user?: string;
  /** Set when the new target cannot be known statically. */
  dynamic?: string;
}

export interface SqlStatement {
  /** `select`, `drop-table`, `delete`, `truncate`, `alter-drop-column`, `meta-shell`, `unknown`… */
  kind: string;
  effect: SqlEffect;
  /** Objects touched, schema-qualified when written so (`public.users`, `db1`). */
  objects: string[];
  /** The kind of object in `objects`: `table`, `database`, `role`, `file`… */
  objectType?: string;
  where?: WhereState;
  cascade?: boolean;
  /** The statement or command as written. */
  text: string;
  /** Rule-facing facts (`sql.in-cte`, `sql.program`…), merged into the invocation facts. */
  facts: Record<string, FactValue>;
  /** For `unknown`: why, in words; for others: an optional note. */
  reason?: string;
  /** The file it came from, for `-f`, `\i`, `.read`, `source`. */
  file?: string;
  /** The connection in force when a client command switched it earlier in the script. */
  connection?: SqlConnection;
  /** The parser's node for this statement, kept for probes that build `SELECT count(*)`. */
  ast?: unknown;
}

/** Reads a file for `\i`, `.read`, `source`; undefined when missing, unreadable, too large or binary. */
export type ReadScript = (path: string) => string | undefined;

export interface ScriptOptions {
  /** Directory that relative include paths resolve against. */
  cwd: string;
  readScript: ReadScript;
  /** The file the script came from, when it did (for `\ir`). */
  file?: string;
  /** psql variables set on the command line (`-v name=value`). */
  variables?: Readonly<Record<string, string>>;
}

export function unknownStatement(text: string, reason: string, kind = 'unknown'): SqlStatement {
  return { kind, effect: 'unknown', objects: [], text, facts: {}, reason };
}

/** Statements judged in one input; the rest of a longer script is unknown, not a stall. */
export const MAX_STATEMENTS = 5_000;

export function tooManyStatements(): SqlStatement {
  return unknownStatement(
    `… (after ${MAX_STATEMENTS} statements)`,
    `the script goes on past the ${MAX_STATEMENTS} statements airlock judges ahead`,
    'too-many-statements',
  );
}

/** Appends in a loop: `out.push(...list)` overflows the call stack past ~100,000 items. */
export function appendAll<T>(out: T[], list: readonly T[]): void {
  for (const item of list) out.push(item);
}
