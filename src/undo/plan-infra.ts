// Which way back an approved infrastructure command gets: terraform applies the very plan
// that was shown, kubectl delete keeps the manifests, and a single psql DELETE/UPDATE runs
// in a transaction that checks the row count it was approved with.

import type { Invocation } from '../tools/invocation.js';
import { statementOf } from '../tools/sql/sql-invocations.js';

export type InfraKind = 'terraform-plan' | 'kubectl-manifests' | 'psql-rows';

const trimSql = (text: string) =>
  text
    .trim()
    .replace(/;+\s*$/, '')
    .trim();

/**
 * The statement a psql call runs, when it is exactly one DELETE or UPDATE given with -c (no
 * file, no \c, nothing else in the -c text): only then can airlock run that statement in its
 * own transaction and still run what was approved.
 */
export function singleRowStatement(inv: Invocation): { verb: 'DELETE' | 'UPDATE'; text: string } | undefined {
  const statement = statementOf(inv);
  if (statement === undefined || (statement.kind !== 'delete' && statement.kind !== 'update'))
    return undefined;
  if (inv.facts['sql.source'] !== 'command' || inv.facts['sql.repeats'] !== undefined) return undefined;
  const commands = inv.flags.command ?? [];
  if (commands.length !== 1 || inv.flags.file !== undefined || statement.connection !== undefined)
    return undefined;
  // `-c 'SET x; DELETE …'` keeps the SET out of the invocations; running only the DELETE would differ.
  if (trimSql(commands[0] as string) !== trimSql(statement.text)) return undefined;
  return { verb: statement.kind === 'delete' ? 'DELETE' : 'UPDATE', text: statement.text };
}

/** The kind for one approved invocation run as `program`, or undefined. */
export function infraKind(inv: Invocation, program: string | undefined): InfraKind | undefined {
  if (inv.facts.help === true) return undefined;
  const verb = inv.subcommand[0];
  if ((program === 'terraform' || program === 'tofu') && inv.tool === 'terraform') {
    const applies = verb === 'apply' || verb === 'destroy';
    const planned = inv.facts['tf.saved-plan'] !== true && inv.facts['tf.all-modules'] !== true;
    return applies && planned ? 'terraform-plan' : undefined;
  }
  if (program === 'kubectl' && inv.tool === 'kubectl' && verb === 'delete' && inv.facts['dry-run'] !== true)
    return 'kubectl-manifests';
  if (program === 'psql' && inv.tool === 'psql' && singleRowStatement(inv) !== undefined) return 'psql-rows';
  return undefined;
}
