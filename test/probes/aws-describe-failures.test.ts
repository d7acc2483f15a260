// aws-describe when it cannot tell: an endpoint that is down or hangs, no credentials (the
// usual case on a machine without cloud access), ids known only at run time, operations no
// describe call covers. Each must come out "unknown" with its reason, within the deadline.
// The live endpoint is the AWS stand-in (test/helpers/aws-api.ts), since no cloud exists here.

import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AwsApi, startAwsApi } from '../helpers/aws-api.js';
import { instance, measureAws, scratch } from '../helpers/aws-api-fixture.js';

let api: AwsApi;
let dir: string;
let env: Record<string, string | undefined>;

beforeEach(async () => {
  dir = scratch();
  api = await startAwsApi();
  env = { PATH: process.env.PATH, HOME: dir, ...api.env };
  api.world.instances.set('i-0a01', instance('i-0a01', 't3.large', 'running', { Name: 'web-1' }, []));
});

afterEach(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('aws-describe: unknown, quickly, with the reason', () => {
  it('the endpoint is down: unknown within the deadline, with aws’s reason', async () => {
    const endpoint = api.endpoint;
    await api.close();
    const { measurement } = await measureAws(
      `aws ec2 terminate-instances --instance-ids i-0a01 --endpoint-url ${endpoint}`,
      env,
      dir,
      3000,
    );
    expect(measurement.status).toBe('unknown');
    expect(measurement.reason).toMatch(/^Could not connect to the endpoint URL/);
    // One attempt, no retries with backoff: well inside the 3 s deadline.
    expect(measurement.elapsedMs).toBeLessThan(3000);
  }, 30_000);

  it('the endpoint accepts and never answers: unknown by the deadline, not after it', async () => {
    api.hang = true;
    const { measurement } = await measureAws(
      `aws rds delete-db-instance --db-instance-identifier shop --skip-final-snapshot --endpoint-url ${api.endpoint}`,
      env,
      dir,
      2000,
    );
    expect(measurement.status).toBe('unknown');
    expect(measurement.reason).toMatch(/timed out after 2000 ms|Read timeout/);
    expect(measurement.elapsedMs).toBeLessThan(2600);
    expect(api.requests).toEqual(['DescribeDBInstances']);
  }, 30_000);

  it('no credentials and no endpoint (no cloud access): unknown with aws’s reason, no network call', async () => {
    const bare = {
      PATH: process.env.PATH,
      HOME: dir,
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_CONFIG_FILE: '/nonexistent/config',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
      AWS_EC2_METADATA_DISABLED: 'true',
    };
    const { measurement } = await measureAws(
      'aws ec2 terminate-instances --instance-ids i-0a01',
      bare,
      dir,
      3000,
    );
    expect(measurement.status).toBe('unknown');
    expect(measurement.reason).toMatch(/^Unable to locate credentials/);
    expect(measurement.elapsedMs).toBeLessThan(3000);
  }, 30_000);

  it.each([
    ['aws ec2 terminate-instances --instance-ids $IDS', /^\$IDS is not known before it runs$/],
    [
      "aws ec2 describe-instances --query 'Reservations[].Instances[].InstanceId' --output text | xargs aws ec2 terminate-instances --instance-ids",
      /^<xargs input> is not known before it runs$/,
    ],
    ['aws ec2 terminate-instances --cli-input-json file://ids.json', /--cli-input-json/],
    ['aws sqs purge-queue --queue-url https://sqs/q', /^no describe call is known for aws sqs purge-queue$/],
    ['aws ec2 terminate-instances', /^no --instance-ids known before it runs$/],
  ])('%s: unknown without asking AWS', async (line, reason) => {
    const { measurement } = await measureAws(`${line} --endpoint-url ${api.endpoint}`, env, dir);
    expect(measurement.status).toBe('unknown');
    expect(measurement.reason).toMatch(reason);
    expect(api.requests).toEqual([]);
  });
});
