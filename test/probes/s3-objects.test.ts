// aws s3 measurements with the real aws-cli v1 against a local S3-compatible server
// (test/helpers/s3.ts: a minimal server speaking the S3 REST protocol, written for these
// tests because no S3 server package is installed), reached with --endpoint-url.

import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { measureLine } from '../helpers/probe-context.js';
import { type S3Server, startS3 } from '../helpers/s3.js';

let s3: S3Server;
let dir: string;
let env: Record<string, string | undefined>;

function aws(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) =>
    execFile(
      'aws',
      args,
      { env: env as NodeJS.ProcessEnv, encoding: 'utf8', cwd: dir },
      (error, stdout, stderr) =>
        resolve({ code: typeof error?.code === 'number' ? error.code : error ? 1 : 0, stdout, stderr }),
    ),
  );
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'airlock-s3-'));
  s3 = await startS3();
  env = { PATH: process.env.PATH, HOME: dir, ...s3.env };
  s3.createBucket('data');
  for (let i = 0; i < 150; i++)
    s3.putObject('data', `logs/2026/${String(i).padStart(3, '0')}.log`, 'x'.repeat(i));
  s3.putObject('data', 'logs2/keep.txt', 'keep');
  s3.putObject('data', 'report.csv', 'a,b\n1,2\n');
  s3.createBucket('vault', 'Enabled');
  s3.putObject('vault', 'a.bin', 'aaaa');
  s3.putObject('vault', 'b.bin', 'bb');
});

afterEach(async () => {
  await s3.close();
  rmSync(dir, { recursive: true, force: true });
});

const sum = (n: number) => (n * (n - 1)) / 2;

describe('aws-s3-objects', () => {
  it('rm --recursive: objects and bytes under the prefix; the real rm removes exactly those', async () => {
    const line = `aws s3 rm s3://data/logs --recursive --endpoint-url ${s3.endpoint}`;
    const { measurement, finding } = await measureLine(line, 'aws', 'aws-s3-objects', env, dir);
    expect(finding?.probe).toBe('aws-s3-objects');
    expect(measurement.status, measurement.reason).toBe('done');
    expect(measurement.counts).toEqual({ objects: 150, bytes: sum(150) });
    expect(measurement.recoverability).toBe('not recoverable');
    expect(measurement.summary).toBe(`150 objects, 11.2 KB deleted from s3://data`);
    const before = s3.keys('data') ?? [];
    const ran = await aws(['s3', 'rm', 's3://data/logs', '--recursive', '--endpoint-url', s3.endpoint]);
    expect(ran.code, ran.stderr).toBe(0);
    const removed = before.filter((k) => !(s3.keys('data') ?? []).includes(k));
    expect(removed.length).toBe(measurement.counts?.objects);
  }, 30_000);

  it('rm of one key is that object only', async () => {
    const { measurement } = await measureLine(
      `aws s3 rm s3://data/report.csv --endpoint-url ${s3.endpoint}`,
      'aws',
      'aws-s3-objects',
      env,
      dir,
    );
    expect(measurement.counts).toEqual({ objects: 1, bytes: 8 });
  });

  it('rb --force on a versioned bucket: recoverable, and the bucket survives with its versions', async () => {
    const line = `aws s3 rb s3://vault --force --endpoint-url ${s3.endpoint}`;
    const { measurement } = await measureLine(line, 'aws', 'aws-s3-objects', env, dir);
    expect(measurement.counts).toEqual({ objects: 2, bytes: 6 });
    expect(measurement.recoverability).toBe('recoverable');
    expect(measurement.summary).toMatch(/\(versioned\)$/);
    await aws(['s3', 'rb', 's3://vault', '--force', '--endpoint-url', s3.endpoint]);
    expect(s3.keys('vault')).toEqual([]);
    expect(s3.noncurrent('vault')).toBe(2);
  }, 30_000);

  it('sync --delete: the remote objects the local tree lacks', async () => {
    const local = join(dir, 'site');
    mkdirSync(join(local, '2026'), { recursive: true });
    for (let i = 0; i < 140; i++)
      writeFileSync(join(local, '2026', `${String(i).padStart(3, '0')}.log`), 'y');
    const line = `aws s3 sync site s3://data/logs --delete --endpoint-url ${s3.endpoint}`;
    const { measurement } = await measureLine(line, 'aws', 'aws-s3-objects', env, dir);
    expect(measurement.counts?.objects).toBe(10);
    const ran = await aws([
      's3',
      'sync',
      'site',
      's3://data/logs',
      '--delete',
      '--endpoint-url',
      s3.endpoint,
    ]);
    expect(ran.code, ran.stderr).toBe(0);
    expect((s3.keys('data') ?? []).filter((k) => k.startsWith('logs/')).length).toBe(140);
    expect((ran.stdout.match(/^delete: /gm) ?? []).length).toBe(10);
  }, 60_000);

  it('a bucket that does not exist is unknown with aws’s reason', async () => {
    const { measurement } = await measureLine(
      `aws s3 rm s3://nope/x --recursive --endpoint-url ${s3.endpoint}`,
      'aws',
      'aws-s3-objects',
      env,
      dir,
    );
    expect(measurement.status).toBe('unknown');
    expect(measurement.reason).toMatch(/NoSuchBucket/);
  });
});
