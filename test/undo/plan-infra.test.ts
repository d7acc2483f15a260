// Which approved infrastructure commands get airlock's own run, and the rollback line each
// one shows: a table of command lines through the real recognizers and packs.

import { describe, expect, it } from 'vitest';
import { evaluateArgvFully } from '../../src/decide/evaluate.js';
import { realFs } from '../../src/tools/real-fs.js';
import { loadPostgresParser } from '../../src/tools/sql/postgres.js';
import { planUndo, rollbackLine } from '../../src/undo/plan.js';
import { planRunDir } from '../../src/undo/prepare-infra.js';
import { packs } from '../helpers/probe-context.js';

const evaluate = (argv: string[]) => evaluateArgvFully(argv, { env: {}, cwd: '/srv/app', packs, fs: realFs });

const cases: [string[], string | undefined][] = [
  [['terraform', 'destroy', '-auto-approve'], 'terraform-plan'],
  [['terraform', '-chdir=infra', 'apply', '-var', 'n=5'], 'terraform-plan'],
  [['tofu', 'apply'], 'terraform-plan'],
  [['terraform', 'apply', 'saved.tfplan'], undefined],
  [['terraform', 'plan'], undefined],
  [['kubectl', 'delete', 'pod', 'debug', '-n', 'shop'], 'kubectl-manifests'],
  [['kubectl', 'delete', 'ns', 'shop', '--dry-run=client'], undefined],
  [['kubectl', 'scale', 'deploy/web', '--replicas=0'], undefined],
  [['psql', '-h', 'db', '-c', 'DELETE FROM t WHERE a = 1'], 'psql-rows'],
  [['psql', '-c', 'UPDATE t SET a = 1;'], 'psql-rows'],
  [['psql', '-c', 'DELETE FROM t; DELETE FROM u'], undefined],
  [['psql', '-c', 'SET x = 1; DELETE FROM t'], undefined],
  [['psql', '-c', 'DELETE FROM t', '-c', 'SELECT 1'], undefined],
  [['psql', '-c', 'DROP TABLE t'], undefined],
];

describe('planUndo for approved infrastructure commands', () => {
  it.each(cases)('%j → %s', async (argv, kind) => {
    await loadPostgresParser();
    const plan = planUndo(evaluate(argv), { trash: 'recursive', argv, approved: true, rowTolerance: 0.2 });
    expect(plan?.kind).toBe(kind);
    // Only what a person approved: the same command allowed gets nothing.
    expect(planUndo(evaluate(argv), { trash: 'recursive', argv, approved: false })).toBeUndefined();
  });

  it('names which way back applies in the rollback line', async () => {
    await loadPostgresParser();
    const line = (argv: string[]) =>
      rollbackLine(planUndo(evaluate(argv), { trash: 'recursive', argv, approved: true, rowTolerance: 0.2 }));
    expect(line(['terraform', 'destroy'])).toMatch(/^applies exactly the plan shown/);
    expect(line(['kubectl', 'delete', 'pod', 'x'])).toMatch(
      /^manifests saved; airlock undo \w+ re-creates them — volume data is not restored$/,
    );
    expect(line(['psql', '-c', 'DELETE FROM t WHERE a = 1'])).toMatch(
      /rolls back .*\(up to 20% more, at least 5\)/,
    );
  });
});

describe('planRunDir', () => {
  it.each([
    ['/d/plans/abc/airlock-tfplan-1/plan.tfplan', '/d/plans/abc'],
    ['/d/plans/../elsewhere/plan.tfplan', undefined],
    ['/tmp/airlock-tfplan-1/plan.tfplan', undefined],
    ['/d/plans', undefined],
  ])('%s → %s', (file, dir) => {
    expect(planRunDir('/d/plans', file)).toBe(dir);
  });
});
