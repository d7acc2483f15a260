// aws-describe for rds delete-db-instance / delete-db-cluster and dynamodb delete-table, with
// the real aws-cli v1 against the AWS stand-in (test/helpers/aws-api.ts: the RDS Query API and
// DynamoDB's JSON protocol served locally, since no cloud account exists here). What the
// measurement says about recovery is checked against what the real delete leaves behind.

import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AwsApi, type DbInstance, startAwsApi } from '../helpers/aws-api.js';
import { aws, measureAws, scratch } from '../helpers/aws-api-fixture.js';

let api: AwsApi;
let dir: string;
let env: Record<string, string | undefined>;

function db(id: string, extra: Partial<DbInstance> = {}): DbInstance {
  return {
    id,
    engine: 'postgres',
    engineVersion: '15.4',
    instanceClass: 'db.m6g.large',
    storage: 200,
    status: 'available',
    multiAz: true,
    deletionProtection: false,
    backupRetention: 7,
    tags: { env: 'prod', team: 'shop' },
    ...extra,
  };
}

beforeEach(async () => {
  dir = scratch();
  api = await startAwsApi();
  env = { PATH: process.env.PATH, HOME: dir, ...api.env };
  for (const d of [
    db('shop'),
    db('ledger', { deletionProtection: true }),
    db('aurora-1', { engine: 'aurora-postgresql', cluster: 'orders', multiAz: false }),
  ])
    api.world.dbInstances.set(d.id, d);
  const cluster = {
    engine: 'aurora-postgresql',
    engineVersion: '15.4',
    storage: 1,
    status: 'available',
    multiAz: true,
    deletionProtection: false,
    backupRetention: 1,
    tags: {},
  };
  api.world.dbClusters.set('orders', { ...cluster, id: 'orders', members: ['aurora-1'] });
  api.world.dbClusters.set('archive', { ...cluster, id: 'archive', members: [] });
  api.world.tables.set('sessions', {
    name: 'sessions',
    items: 12345,
    bytes: 2_500_000,
    deletionProtection: false,
    pitr: false,
  });
  api.world.tables.set('orders', {
    name: 'orders',
    items: 10,
    bytes: 900,
    deletionProtection: false,
    pitr: true,
  });
  api.world.tables.set('ledger', {
    name: 'ledger',
    items: 1,
    bytes: 10,
    deletionProtection: true,
    pitr: true,
  });
});

afterEach(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

const run = (args: string[]) => aws([...args, '--endpoint-url', api.endpoint], env, dir);

describe('aws-describe: rds', () => {
  it('--skip-final-snapshot: not recoverable, and the real delete leaves no snapshot and no backups', async () => {
    const line = `aws rds delete-db-instance --db-instance-identifier shop --skip-final-snapshot --endpoint-url ${api.endpoint}`;
    const { measurement, rules } = await measureAws(line, env, dir);
    expect(rules.sort()).toEqual(['aws/delete-operation', 'aws/skip-final-snapshot']);
    expect(measurement.summary).toBe(
      'DB instance shop (postgres 15.4, 200 GiB, available, Multi-AZ); deletion protection off; final snapshot skipped',
    );
    expect(measurement.items).toEqual(['shop: tags env=prod, team=shop']);
    expect(measurement.recoverability).toBe('not recoverable');
    expect(measurement.recovery).toBe(
      'final snapshot skipped, automated backups deleted; manual snapshots, if any, remain',
    );
    const ran = await run([
      'rds',
      'delete-db-instance',
      '--db-instance-identifier',
      'shop',
      '--skip-final-snapshot',
    ]);
    expect(ran.code, ran.stderr).toBe(0);
    expect(api.world.dbInstances.has('shop')).toBe(false);
    expect(api.world.dbSnapshots).toEqual([]);
    expect(api.world.retainedBackups).toEqual([]);
  }, 60_000);

  it('--final-db-snapshot-identifier: recoverable from that snapshot, which the real delete takes', async () => {
    const line = `aws rds delete-db-instance --db-instance-identifier shop --final-db-snapshot-identifier shop-final --endpoint-url ${api.endpoint}`;
    const { measurement } = await measureAws(line, env, dir);
    expect(measurement.summary).toMatch(/; final snapshot shop-final$/);
    expect(measurement.recoverability).toBe('recoverable');
    expect(measurement.recovery).toBe('recoverable from final snapshot shop-final');
    const ran = await run([
      'rds',
      'delete-db-instance',
      '--db-instance-identifier',
      'shop',
      '--final-db-snapshot-identifier',
      'shop-final',
    ]);
    expect(ran.code, ran.stderr).toBe(0);
    expect(api.world.dbSnapshots).toEqual(['shop-final']);
  }, 60_000);

  it('--skip-final-snapshot --no-delete-automated-backups: the retained backups are the way back', async () => {
    const line = `aws rds delete-db-instance --db-instance-identifier shop --skip-final-snapshot --no-delete-automated-backups --endpoint-url ${api.endpoint}`;
    const { measurement } = await measureAws(line, env, dir);
    expect(measurement.recoverability).toBe('recoverable');
    expect(measurement.recovery).toBe(
      'final snapshot skipped; automated backups retained (7 days) allow a point-in-time restore',
    );
    await run([
      'rds',
      'delete-db-instance',
      '--db-instance-identifier',
      'shop',
      '--skip-final-snapshot',
      '--no-delete-automated-backups',
    ]);
    expect(api.world.retainedBackups).toEqual(['shop']);
  }, 60_000);

  it('deletion protection on: said, and AWS refuses', async () => {
    const line = `aws rds delete-db-instance --db-instance-identifier ledger --skip-final-snapshot --endpoint-url ${api.endpoint}`;
    const { measurement } = await measureAws(line, env, dir);
    expect(measurement.summary).toMatch(/; deletion protection ON: AWS will refuse; final snapshot skipped$/);
    expect(measurement.counts).toEqual({ instances: 1, protected: 1 });
    expect(measurement.recoverability).toBe('recoverable');
    const ran = await run([
      'rds',
      'delete-db-instance',
      '--db-instance-identifier',
      'ledger',
      '--skip-final-snapshot',
    ]);
    expect(ran.stderr).toMatch(/deletion protection/);
    expect(api.world.dbInstances.has('ledger')).toBe(true);
  }, 60_000);

  it('neither a final snapshot nor --skip-final-snapshot: AWS refuses, as the measurement says', async () => {
    const { measurement } = await measureAws(
      `aws rds delete-db-instance --db-instance-identifier shop --endpoint-url ${api.endpoint}`,
      env,
      dir,
    );
    expect(measurement.recovery).toMatch(/AWS refuses to delete without one$/);
    const ran = await run(['rds', 'delete-db-instance', '--db-instance-identifier', 'shop']);
    expect(ran.stderr).toMatch(/FinalDBSnapshotIdentifier is required/);
  }, 60_000);

  it('an Aurora instance: the cluster keeps the data', async () => {
    const { measurement } = await measureAws(
      `aws rds delete-db-instance --db-instance-identifier aurora-1 --endpoint-url ${api.endpoint}`,
      env,
      dir,
    );
    expect(measurement.recovery).toBe('the data stays in cluster orders; only this instance goes');
  }, 60_000);

  it('delete-db-cluster: members block it; an empty cluster with --skip-final-snapshot is not recoverable', async () => {
    const busy = await measureAws(
      `aws rds delete-db-cluster --db-cluster-identifier orders --skip-final-snapshot --endpoint-url ${api.endpoint}`,
      env,
      dir,
    );
    expect(busy.measurement.summary).toBe(
      'DB cluster orders (aurora-postgresql 15.4, available, Multi-AZ, 1 instance); deletion protection off; final snapshot skipped',
    );
    expect(busy.measurement.recovery).toBe('AWS refuses while the cluster still has instances (aurora-1)');
    const refused = await run([
      'rds',
      'delete-db-cluster',
      '--db-cluster-identifier',
      'orders',
      '--skip-final-snapshot',
    ]);
    expect(refused.stderr).toMatch(/still contains DB instances/);
    const empty = await measureAws(
      `aws rds delete-db-cluster --db-cluster-identifier archive --skip-final-snapshot --endpoint-url ${api.endpoint}`,
      env,
      dir,
    );
    expect(empty.measurement.recoverability).toBe('not recoverable');
    const ran = await run([
      'rds',
      'delete-db-cluster',
      '--db-cluster-identifier',
      'archive',
      '--skip-final-snapshot',
    ]);
    expect(ran.code, ran.stderr).toBe(0);
    expect(api.world.dbClusters.has('archive')).toBe(false);
  }, 60_000);
});

describe('aws-describe: dynamodb', () => {
  it.each([
    [
      'sessions',
      'table sessions: about 12,345 items, 2.5 MB; deletion protection off; point-in-time recovery off',
      'not recoverable',
    ],
    [
      'orders',
      'table orders: about 10 items, 900 B; deletion protection off; point-in-time recovery on',
      'recoverable',
    ],
    [
      'ledger',
      'table ledger: about 1 item, 10 B; deletion protection ON: AWS will refuse; point-in-time recovery on',
      'recoverable',
    ],
  ])(
    'delete-table %s',
    async (name, summary, recoverability) => {
      const { measurement } = await measureAws(
        `aws dynamodb delete-table --table-name ${name} --endpoint-url ${api.endpoint}`,
        env,
        dir,
      );
      expect(measurement.summary).toBe(summary);
      expect(measurement.recoverability).toBe(recoverability);
      const ran = await run(['dynamodb', 'delete-table', '--table-name', name]);
      expect(api.world.tables.has(name)).toBe(name === 'ledger');
      if (name === 'ledger') expect(ran.stderr).toMatch(/protected against deletion/);
    },
    60_000,
  );
});
