// Turns classified statements into invocations: one per statement (and per client
// command of note), with the facts rules match on and the target's environment hints.

import type { SimpleCommand } from '../../parse/command.js';
import type { EnvHint, FactValue, Invocation, Target, TargetKind } from '../invocation.js';
import { makeInvocation } from '../make-invocation.js';
import type { SqlConnection, SqlStatement } from './types.js';

/** The parsed statement behind each SQL invocation, for probes that size its blast radius. */
const statements = new WeakMap<Invocation, SqlStatement>();

export function statementOf(invocation: Invocation): SqlStatement | undefined {
  return statements.get(invocation);
}

const TABLE_LIKE = new Set([
  'table',
  'view',
  'matview',
  'materialized-view',
  'foreign-table',
  'sequence',
  'index',
]);

function targetKind(objectType: string | undefined): TargetKind {
  if (objectType === undefined) return 'other';
  if (objectType === 'database' || objectType === 'schema') return 'database';
  if (objectType === 'file') return 'path';
  return TABLE_LIKE.has(objectType) ? 'table' : 'other';
}

/** Client commands that only read or change display settings add noise, not information. */
function worthAnInvocation(s: SqlStatement): boolean {
  const client = s.facts['sql.meta'] !== undefined || s.facts['sql.client-command'] !== undefined;
  return (
    !client ||
    s.effect !== 'read' ||
    s.kind === 'meta-include' ||
    s.kind === 'client-include' ||
    s.kind === 'meta-connect' ||
    s.kind === 'client-connect'
  );
}

export interface SqlInvocationParts {
  tool: string;
  flags: Record<string, string[]>;
  positionals: string[];
  /** Hints for a statement, given the connection a client command switched to. */
  envHints: (connection?: SqlConnection) => EnvHint[];
  /** Facts every invocation of this command carries (`sql.source: file`). */
  facts?: Record<string, FactValue>;
  /** Extra targets every invocation carries (the sqlite database file). */
  targets?: Target[];
}

/** Statements judged one by one; past this many, alike statements share one invocation. */
const SEPARATE_STATEMENTS = 100;

/**
 * What makes two statements alike for the rules: everything but their text. A seed file of
 * 30,000 `INSERT INTO t` is one write to `t`, not 30,000 findings to print and record.
 */
function likeness(s: SqlStatement): string {
  return JSON.stringify([
    s.kind,
    s.effect,
    s.objects,
    s.objectType,
    s.where,
    s.cascade,
    s.file,
    s.connection,
    s.facts,
    s.effect === 'unknown' ? s.reason : undefined,
  ]);
}

export function sqlInvocations(
  command: SimpleCommand,
  list: readonly SqlStatement[],
  parts: SqlInvocationParts,
): Invocation[] {
  const out: Invocation[] = [];
  const alike = new Map<string, Invocation>();
  for (const s of list) {
    if (!worthAnInvocation(s)) continue;
    const key = out.length >= SEPARATE_STATEMENTS ? likeness(s) : undefined;
    const earlier = key === undefined ? undefined : alike.get(key);
    if (earlier !== undefined) {
      const facts = earlier.facts as Record<string, FactValue>;
      facts['sql.repeats'] = ((facts['sql.repeats'] as number | undefined) ?? 1) + 1;
      continue;
    }
    const facts: Record<string, FactValue> = Object.assign({}, parts.facts, s.facts);
    facts['sql.kind'] = s.kind;
    const dash = s.kind.indexOf('-');
    facts['sql.verb'] = dash === -1 ? s.kind : s.kind.slice(0, dash);
    facts['sql.effect'] = s.effect;
    facts['sql.text'] = s.text.length > 500 ? `${s.text.slice(0, 500)}…` : s.text;
    if (s.where !== undefined) facts['sql.where'] = s.where;
    if (s.cascade === true) facts['sql.cascade'] = true;
    if (s.objectType !== undefined) facts['sql.object-type'] = s.objectType;
    if (s.file !== undefined) facts['sql.file'] = s.file;
    const targets: Target[] = [
      ...(parts.targets ?? []),
      ...s.objects.map((value) => ({ kind: targetKind(s.objectType), value })),
    ];
    const invocation = makeInvocation(command, {
      tool: parts.tool,
      subcommand: ['sql', s.kind],
      flags: parts.flags,
      positionals: parts.positionals,
      targets,
      envHints: parts.envHints(s.connection),
      facts,
      unknowns:
        s.effect === 'unknown' ? [`${s.reason ?? 'cannot be classified'}: ${s.text.slice(0, 200)}`] : [],
    });
    statements.set(invocation, s);
    if (key !== undefined) alike.set(key, invocation);
    out.push(invocation);
  }
  return out;
}
