// Shared set-up for the aws-describe tests: the AWS stand-in (test/helpers/aws-api.ts, a
// local server speaking the EC2/RDS Query and DynamoDB JSON protocols, because no cloud
// account exists here), the real aws-cli run against it, and measuring a line the way
// `airlock check --probe` does (evaluateLineFully, then measureBlastRadius).

import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateLineFully } from '../../src/decide/evaluate.js';
import { measureBlastRadius } from '../../src/probes/measure.js';
import type { Measurement } from '../../src/probes/types.js';
import { realFs } from '../../src/tools/real-fs.js';
import type { Ec2Instance } from './aws-api.js';
import { packs } from './probe-context.js';

export const scratch = (): string => mkdtempSync(join(tmpdir(), 'airlock-aws-describe-'));

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real aws-cli, as the approved command would. */
export function aws(args: string[], env: Record<string, string | undefined>, cwd: string): Promise<Ran> {
  return new Promise((resolve) =>
    execFile('aws', args, { env: env as NodeJS.ProcessEnv, encoding: 'utf8', cwd }, (error, stdout, stderr) =>
      resolve({ code: typeof error?.code === 'number' ? error.code : error ? 1 : 0, stdout, stderr }),
    ),
  );
}

export interface Measured {
  measurement: Measurement;
  /** The rules that named the probe for this line. */
  rules: string[];
}

/** Measures `line` with the real packs and returns the aws-describe measurement. */
export async function measureAws(
  line: string,
  env: Record<string, string | undefined>,
  cwd: string,
  timeoutMs = 15_000,
): Promise<Measured> {
  const evaluation = evaluateLineFully(line, { env, cwd, packs, fs: realFs });
  const run = measureBlastRadius(evaluation, {
    env,
    cwd,
    projectRoot: cwd,
    timeoutMs,
    shimDirs: [],
    all: true,
  });
  const { measurements } = await run.done;
  const measurement = measurements.find((m) => m.probe === 'aws-describe');
  if (measurement === undefined)
    throw new Error(`no aws-describe measurement for ${line}: ${JSON.stringify(measurements)}`);
  const rules = evaluation.verdict.findings.filter((f) => f.probe === 'aws-describe').map((f) => f.rule);
  return { measurement, rules };
}

export function instance(
  id: string,
  type: string,
  state: Ec2Instance['state'],
  tags: Record<string, string>,
  volumes: Ec2Instance['volumes'],
  protection: Partial<Pick<Ec2Instance, 'disableApiTermination' | 'disableApiStop'>> = {},
): Ec2Instance {
  return {
    id,
    type,
    state,
    tags,
    volumes,
    disableApiTermination: protection.disableApiTermination ?? false,
    disableApiStop: protection.disableApiStop ?? false,
  };
}
