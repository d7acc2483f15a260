// One read-only aws-cli call for the aws-describe probe: same endpoint, profile and region
// as the command, JSON out, one attempt and connect/read timeouts inside the probe's
// deadline, so a machine without cloud access answers "unknown" quickly.

import type { Invocation } from '../tools/invocation.js';
import { awsConnectionArgs } from './s3-objects.js';
import type { Probe, ProbeContext } from './types.js';

export type ProbeResult = Awaited<ReturnType<Probe['measure']>>;

export type AwsReply =
  | { ok: true; data: Record<string, unknown> }
  | {
      ok: false;
      /** AWS's error code (`InvalidInstanceID.NotFound`), when aws-cli printed one. */
      code?: string;
      message: string;
    };

/** `An error occurred (Code) when calling the Op operation: message` → code and message. */
export function parseAwsError(stderr: string): { code?: string; message: string } {
  const lines = stderr
    .trim()
    .split('\n')
    .filter((l) => l.trim() !== '');
  const line = lines.find((l) => l.startsWith('An error occurred (')) ?? lines.at(-1) ?? 'aws failed';
  const open = line.indexOf('(');
  const close = line.indexOf(')', open);
  if (line.startsWith('An error occurred (') && close !== -1)
    return { code: line.slice(open + 1, close), message: line.trim() };
  return { message: line.trim() };
}

/** Runs `aws SERVICE OPERATION PARAMS --output json` where the command would go. */
export async function callAws(
  invocation: Invocation,
  ctx: ProbeContext,
  service: string,
  operation: string,
  params: readonly string[],
): Promise<AwsReply> {
  const seconds = String(Math.max(1, Math.ceil(ctx.timeoutMs / 1000)));
  const got = await ctx.exec(
    'aws',
    [
      service,
      operation,
      ...params,
      '--output',
      'json',
      ...awsConnectionArgs(invocation),
      '--cli-connect-timeout',
      seconds,
      '--cli-read-timeout',
      seconds,
    ],
    // The default retries (five attempts with backoff) would outlast any probe deadline.
    { env: { AWS_MAX_ATTEMPTS: '1', AWS_PAGER: '' } },
  );
  if (got.code !== 0) {
    if (got.code === 127) return { ok: false, message: 'aws-cli is not installed' };
    return { ok: false, ...parseAwsError(got.stderr) };
  }
  try {
    const data: unknown = JSON.parse(got.stdout === '' ? '{}' : got.stdout);
    if (typeof data === 'object' && data !== null) return { ok: true, data: data as Record<string, unknown> };
    return { ok: false, message: 'aws printed no JSON object' };
  } catch {
    return { ok: false, message: 'aws printed output that is not JSON' };
  }
}

/**
 * Resolves to `fallback` if `work` has not finished `marginMs` before the probe's deadline,
 * so the calls that add detail cannot cost the whole measurement.
 */
export function beforeDeadline<T>(
  work: Promise<T>,
  ctx: ProbeContext,
  startedAt: number,
  fallback: T,
  marginMs = 400,
): Promise<T> {
  const left = ctx.timeoutMs - (Date.now() - startedAt) - marginMs;
  if (left <= 0) return Promise.resolve(fallback);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), left);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** The values of an API parameter: `--instance-ids i-1 i-2` → [i-1, i-2]. */
export function flagList(invocation: Invocation, name: string): string[] {
  const out: string[] = [];
  for (const value of invocation.flags[name] ?? [])
    for (const one of value.split(/[\s,]+/)) if (one !== '') out.push(one);
  return out;
}

export function hasFlag(invocation: Invocation, name: string): boolean {
  return invocation.flags[name] !== undefined;
}

export function unknownResult(reason: string, summary = 'targets unknown'): ProbeResult {
  return { status: 'unknown', summary, recoverability: 'unknown', reason };
}

/** A reply that says the target is not there: the command will fail where it goes. */
export function notFoundResult(message: string): ProbeResult {
  return {
    summary: `not found where this command goes: ${message}`,
    counts: { found: 0 },
    recoverability: 'unknown',
    recovery: 'AWS reports no such resource for this endpoint, profile and region: the command should fail',
  };
}

export function failedResult(reply: { code?: string; message: string }): ProbeResult {
  return unknownResult(reply.message);
}

/** `Name`-less tags as `k=v`, the first few. */
export function formatTags(tags: readonly { Key?: string; Value?: string }[] | undefined, max = 3): string {
  const shown = (tags ?? []).filter((t) => t.Key !== 'Name');
  const text = shown
    .slice(0, max)
    .map((t) => `${t.Key ?? ''}=${t.Value ?? ''}`)
    .join(', ');
  return shown.length > max ? `${text}, +${shown.length - max} more` : text;
}

export function nameTag(tags: readonly { Key?: string; Value?: string }[] | undefined): string | undefined {
  return tags?.find((t) => t.Key === 'Name')?.Value;
}

/** Shapes of the describe replies this probe reads, as aws-cli prints them. */
export type Tag = { Key?: string; Value?: string };
