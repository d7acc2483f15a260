// aws-describe for ec2 terminate-instances / stop-instances / delete-volume / delete-snapshot,
// with the real aws-cli v1 against the AWS stand-in (test/helpers/aws-api.ts: a local server
// speaking the EC2 Query API, since no cloud account exists here). Each measurement is then
// checked against what the real command does to the stand-in's world.

import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { protectionChecks } from '../../src/probes/aws-describe-ec2.js';
import { type AwsApi, startAwsApi } from '../helpers/aws-api.js';
import { aws, instance, measureAws, scratch } from '../helpers/aws-api-fixture.js';

let api: AwsApi;
let dir: string;
let env: Record<string, string | undefined>;

beforeEach(async () => {
  dir = scratch();
  api = await startAwsApi();
  env = { PATH: process.env.PATH, HOME: dir, ...api.env };
  const { instances, volumes } = api.world;
  const add = (...list: ReturnType<typeof instance>[]) => {
    for (const i of list) instances.set(i.id, i);
  };
  add(
    instance(
      'i-0a01',
      't3.large',
      'running',
      { Name: 'web-1', env: 'prod', team: 'shop', role: 'web', owner: 'ops' },
      [
        { id: 'vol-a1', device: '/dev/xvda', deleteOnTermination: true },
        { id: 'vol-a2', device: '/dev/xvdb', deleteOnTermination: false },
      ],
    ),
    instance('i-0a02', 't3.micro', 'stopped', { Name: 'web-2' }, [
      { id: 'vol-b1', device: '/dev/xvda', deleteOnTermination: true },
    ]),
    instance('i-0a03', 'm5.xlarge', 'running', {}, [
      { id: 'vol-c1', device: '/dev/xvda', deleteOnTermination: true },
    ]),
    instance('i-0a04', 't3.small', 'running', { Name: 'db-0' }, [], {
      disableApiTermination: true,
      disableApiStop: true,
    }),
  );
  for (const [id, size, owner] of [
    ['vol-a1', 8, 'i-0a01'],
    ['vol-a2', 100, 'i-0a01'],
    ['vol-b1', 20, 'i-0a02'],
    ['vol-c1', 30, 'i-0a03'],
  ] as const)
    volumes.set(id, { id, size, type: 'gp3', attachedTo: owner, tags: {} });
  volumes.set('vol-free', {
    id: 'vol-free',
    size: 500,
    type: 'io2',
    tags: { Name: 'scratch', team: 'data' },
  });
  api.world.snapshots.set('snap-01', {
    id: 'snap-01',
    volumeId: 'vol-a2',
    size: 100,
    startTime: '2026-01-02T03:04:05.000Z',
    description: 'nightly',
    tags: {},
  });
});

afterEach(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('aws-describe: ec2 instances', () => {
  it('terminate-instances names the instances, their protection and the volumes deleted with them', async () => {
    const line = `aws ec2 terminate-instances --instance-ids i-0a01 i-0a02 i-0a03 --endpoint-url ${api.endpoint}`;
    const { measurement, rules } = await measureAws(line, env, dir);
    expect(rules).toEqual(['aws/delete-operation']);
    expect(measurement.status, measurement.reason).toBe('done');
    expect(measurement.summary).toBe(
      '3 instances: web-1 (t3.large, running), web-2 (t3.micro, stopped), i-0a03 (m5.xlarge, running); termination protection off; 3 volumes (58 GiB) deleted with them, 1 kept',
    );
    expect(measurement.counts).toEqual({ instances: 3, protected: 0, volumesDeleted: 3, volumeGiB: 58 });
    expect(measurement.items?.[0]).toBe(
      'i-0a01 web-1: t3.large, running; tags env=prod, team=shop, role=web, +1 more; termination protection off; volumes vol-a1 8 GiB deleted, vol-a2 100 GiB kept',
    );
    expect(measurement.recoverability).toBe('not recoverable');
    expect(api.requests.filter((r) => r === 'DescribeInstanceAttribute')).toHaveLength(3);

    // The truth: run it, and the volumes gone are exactly the ones counted.
    const before = [...api.world.volumes.keys()];
    const ran = await aws(
      [
        'ec2',
        'terminate-instances',
        '--instance-ids',
        'i-0a01',
        'i-0a02',
        'i-0a03',
        '--endpoint-url',
        api.endpoint,
      ],
      env,
      dir,
    );
    expect(ran.code, ran.stderr).toBe(0);
    const gone = before.filter((id) => !api.world.volumes.has(id));
    expect(gone.sort()).toEqual(['vol-a1', 'vol-b1', 'vol-c1']);
    expect(gone.length).toBe(measurement.counts?.volumesDeleted);
    expect(['i-0a01', 'i-0a02', 'i-0a03'].map((id) => api.world.instances.get(id)?.state)).toEqual([
      'terminated',
      'terminated',
      'terminated',
    ]);
  }, 60_000);

  it('termination protection on: said by name, and AWS does refuse', async () => {
    const line = `aws ec2 terminate-instances --instance-ids i-0a04 --endpoint-url ${api.endpoint}`;
    const { measurement } = await measureAws(line, env, dir);
    expect(measurement.summary).toBe(
      '1 instance: db-0 (t3.small, running); termination protection on for db-0: AWS refuses to terminate it; 0 volumes deleted with them',
    );
    expect(measurement.counts?.protected).toBe(1);
    expect(measurement.recoverability).toBe('recoverable');
    const ran = await aws(
      ['ec2', 'terminate-instances', '--instance-ids', 'i-0a04', '--endpoint-url', api.endpoint],
      env,
      dir,
    );
    expect(ran.code).not.toBe(0);
    expect(ran.stderr).toMatch(/OperationNotPermitted/);
    expect(api.world.instances.get('i-0a04')?.state).toBe('running');
  }, 60_000);

  it(`asks protection for the first ${protectionChecks} instances only and says the rest are unknown`, async () => {
    const line = `aws ec2 terminate-instances --instance-ids i-0a01 i-0a02 i-0a03 i-0a04 --endpoint-url ${api.endpoint}`;
    const { measurement } = await measureAws(line, env, dir);
    expect(protectionChecks).toBe(3);
    expect(measurement.summary).toMatch(
      /; termination protection off; termination protection unknown for 1 instance;/,
    );
    expect(measurement.items?.[3]).toMatch(
      /^i-0a04 db-0: t3\.small, running; termination protection unknown$/,
    );
    expect(api.requests.filter((r) => r === 'DescribeInstanceAttribute')).toHaveLength(protectionChecks);
  }, 60_000);

  it('stop-instances: recoverable, stop protection named, EBS volumes kept', async () => {
    const line = `aws ec2 stop-instances --instance-ids i-0a01 i-0a04 --endpoint-url ${api.endpoint}`;
    const { measurement } = await measureAws(line, env, dir);
    expect(measurement.summary).toBe(
      '2 instances stopped: web-1 (t3.large, running), db-0 (t3.small, running); stop protection on for db-0: AWS refuses to stop it; EBS volumes kept',
    );
    expect(measurement.recoverability).toBe('recoverable');
    const ran = await aws(
      ['ec2', 'stop-instances', '--instance-ids', 'i-0a01', '--endpoint-url', api.endpoint],
      env,
      dir,
    );
    expect(ran.code, ran.stderr).toBe(0);
    expect(api.world.instances.get('i-0a01')?.state).toBe('stopped');
    expect(api.world.volumes.has('vol-a1')).toBe(true);
  }, 60_000);

  it('an instance that does not exist: the measurement says so, and the command fails', async () => {
    const line = `aws ec2 terminate-instances --instance-ids i-0nope --endpoint-url ${api.endpoint}`;
    const { measurement } = await measureAws(line, env, dir);
    expect(measurement.status).toBe('done');
    expect(measurement.summary).toMatch(
      /^not found where this command goes: .*InvalidInstanceID\.NotFound.*i-0nope/,
    );
    const ran = await aws(
      ['ec2', 'terminate-instances', '--instance-ids', 'i-0nope', '--endpoint-url', api.endpoint],
      env,
      dir,
    );
    expect(ran.stderr).toMatch(/InvalidInstanceID\.NotFound/);
  }, 60_000);
});

describe('aws-describe: ebs volumes and snapshots', () => {
  it('delete-volume of a detached volume: size, type and tags; not recoverable; then it is gone', async () => {
    const line = `aws ec2 delete-volume --volume-id vol-free --endpoint-url ${api.endpoint}`;
    const { measurement } = await measureAws(line, env, dir);
    expect(measurement.summary).toBe('volume scratch (vol-free): 500 GiB io2, available');
    expect(measurement.items).toEqual(['vol-free: tags team=data']);
    expect(measurement.counts).toEqual({ volumes: 1, volumeGiB: 500 });
    expect(measurement.recoverability).toBe('not recoverable');
    const ran = await aws(
      ['ec2', 'delete-volume', '--volume-id', 'vol-free', '--endpoint-url', api.endpoint],
      env,
      dir,
    );
    expect(ran.code, ran.stderr).toBe(0);
    expect(api.world.volumes.has('vol-free')).toBe(false);
  }, 60_000);

  it('delete-volume of an attached volume: AWS refuses, as the measurement says', async () => {
    const { measurement } = await measureAws(
      `aws ec2 delete-volume --volume-id vol-a2 --endpoint-url ${api.endpoint}`,
      env,
      dir,
    );
    expect(measurement.summary).toMatch(/attached to i-0a01: AWS refuses while attached$/);
    const ran = await aws(
      ['ec2', 'delete-volume', '--volume-id', 'vol-a2', '--endpoint-url', api.endpoint],
      env,
      dir,
    );
    expect(ran.stderr).toMatch(/VolumeInUse/);
  }, 60_000);

  it('delete-snapshot names the volume it was taken of', async () => {
    const { measurement } = await measureAws(
      `aws ec2 delete-snapshot --snapshot-id snap-01 --endpoint-url ${api.endpoint}`,
      env,
      dir,
    );
    expect(measurement.summary).toBe(
      'snapshot snap-01: of vol-a2 (100 GiB), taken 2026-01-02T03:04:05.000Z, completed',
    );
    expect(measurement.items).toEqual(['snap-01 "nightly"']);
    expect(measurement.recoverability).toBe('not recoverable');
  }, 60_000);
});
