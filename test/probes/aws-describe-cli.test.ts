// `airlock check --probe` on aws destroys through the built CLI (bin/airlock, `npm run build`
// first), with the real aws-cli v1 reaching the AWS stand-in (test/helpers/aws-api.ts, a local
// server speaking the EC2 and RDS Query APIs, since no cloud account exists here).

import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AwsApi, startAwsApi } from '../helpers/aws-api.js';
import { instance, scratch } from '../helpers/aws-api-fixture.js';
import { builtCli } from '../helpers/built-cli.js';

let api: AwsApi;
let dir: string;
let env: NodeJS.ProcessEnv;

beforeEach(async () => {
  dir = scratch();
  api = await startAwsApi();
  env = { PATH: process.env.PATH, HOME: dir, AIRLOCK_HOME: join(dir, 'airlock'), ...api.env };
  // Two shared cores run several aws-cli processes per measurement: a roomier deadline than 3 s.
  mkdirSync(join(dir, 'airlock', 'config'), { recursive: true });
  writeFileSync(join(dir, 'airlock', 'config', 'config.yaml'), 'probes:\n  timeout: 15000\n');
  api.world.instances.set(
    'i-0a01',
    instance('i-0a01', 't3.large', 'running', { Name: 'web-1', env: 'prod' }, [
      { id: 'vol-a1', device: '/dev/xvda', deleteOnTermination: true },
    ]),
  );
  api.world.instances.set('i-0a02', instance('i-0a02', 't3.micro', 'stopped', { Name: 'web-2' }, []));
  api.world.volumes.set('vol-a1', { id: 'vol-a1', size: 40, type: 'gp3', attachedTo: 'i-0a01', tags: {} });
});

afterEach(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

function airlock(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) =>
    execFile(builtCli().launcher, args, { env, cwd: dir, encoding: 'utf8' }, (error, stdout, stderr) =>
      resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr }),
    ),
  );
}

describe('airlock check --probe on aws destroys', () => {
  it('terminate-instances: --json carries the measured instances; nothing is terminated', async () => {
    const line = `aws ec2 terminate-instances --instance-ids i-0a01 i-0a02 --endpoint-url ${api.endpoint}`;
    const result = await airlock(['check', '--probe', '--json', line]);
    const json = JSON.parse(result.stdout);
    expect(json.decision).toBe('approve');
    expect(json.blastRadius.measurements).toHaveLength(1);
    expect(json.blastRadius.measurements[0]).toMatchObject({
      probe: 'aws-describe',
      status: 'done',
      summary:
        '2 instances: web-1 (t3.large, running), web-2 (t3.micro, stopped); termination protection off; 1 volume (40 GiB) deleted with them',
      counts: { instances: 2, protected: 0, volumesDeleted: 1, volumeGiB: 40 },
      recoverability: 'not recoverable',
    });
    expect(api.requests).not.toContain('TerminateInstances');
    expect(api.world.instances.get('i-0a01')?.state).toBe('running');
  }, 60_000);

  it('the endpoint is down: the blast radius is unknown with the reason, in text', async () => {
    const endpoint = api.endpoint;
    await api.close();
    const line = `aws rds delete-db-instance --db-instance-identifier shop --skip-final-snapshot --endpoint-url ${endpoint}`;
    const result = await airlock(['check', '--probe', line]);
    expect(result.stdout).toMatch(
      /aws-describe: unknown \(Could not connect to the endpoint URL: "http:\/\/127\.0\.0\.1:\d+\/"\)/,
    );
  }, 60_000);
});
