// aws s3 rm --recursive, rb --force, sync --delete and mv: the objects and bytes they remove,
// listed with `aws s3 ls --recursive --summarize` against the same endpoint, profile and
// region, and whether bucket versioning keeps earlier versions to recover from.

import { readdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { Invocation } from '../tools/invocation.js';
import { formatBytes, formatCount } from './fs-format.js';
import { registerProbe } from './registry.js';
import type { Probe, ProbeContext } from './types.js';

interface Listed {
  key: string;
  size: number;
}

/** Options that choose where and as whom aws-cli connects. */
const connectionOptions = ['endpoint-url', 'profile', 'region', 'ca-bundle', 'no-verify-ssl'];

export function awsConnectionArgs(invocation: Invocation): string[] {
  const args: string[] = [];
  for (const name of connectionOptions)
    for (const value of invocation.flags[name] ?? [])
      args.push(`--${name}`, ...(value === '' ? [] : [value]));
  return args;
}

function splitUrl(url: string): { bucket: string; prefix: string } {
  const rest = url.slice('s3://'.length);
  const slash = rest.indexOf('/');
  return slash === -1
    ? { bucket: rest, prefix: '' }
    : { bucket: rest.slice(0, slash), prefix: rest.slice(slash + 1) };
}

/** Lines of `aws s3 ls --recursive`: `2026-01-01 00:00:00       1234 key with spaces`. */
export function parseListing(stdout: string): Listed[] {
  const out: Listed[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d +(\d+) (.*)$/.exec(line);
    if (m !== null) out.push({ size: Number(m[1]), key: m[2] as string });
  }
  return out;
}

async function list(
  url: string,
  recursive: boolean,
  connection: string[],
  ctx: ProbeContext,
): Promise<Listed[] | { error: string }> {
  const { bucket, prefix } = splitUrl(url);
  const got = await ctx.exec('aws', [
    's3',
    'ls',
    `s3://${bucket}/${prefix}`,
    '--recursive',
    '--summarize',
    ...connection,
  ]);
  // `s3 ls` exits 1 when nothing matches the prefix.
  if (got.code !== 0 && !(got.code === 1 && got.stderr.trim() === ''))
    return { error: got.stderr.trim().split('\n').at(-1) ?? 'aws s3 ls failed' };
  const listed = parseListing(got.stdout);
  if (recursive)
    return prefix === '' || prefix.endsWith('/')
      ? listed
      : listed.filter((o) => o.key === prefix || o.key.startsWith(`${prefix}/`));
  return listed.filter((o) => o.key === prefix);
}

async function versioning(bucket: string, connection: string[], ctx: ProbeContext): Promise<string> {
  const got = await ctx.exec('aws', [
    's3api',
    'get-bucket-versioning',
    '--bucket',
    bucket,
    '--output',
    'json',
    ...connection,
  ]);
  if (got.code !== 0) return 'unknown';
  if (got.stdout.trim() === '') return 'never enabled';
  return (JSON.parse(got.stdout) as { Status?: string }).Status ?? 'never enabled';
}

async function localFiles(dir: string, limit: number): Promise<Set<string>> {
  const out = new Set<string>();
  const walk = async (at: string): Promise<void> => {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      if (out.size >= limit) return;
      const path = join(at, entry.name);
      if (entry.isDirectory()) await walk(path);
      else out.add(relative(dir, path).split('\\').join('/'));
    }
  };
  await walk(dir);
  return out;
}

/** For `sync SRC s3://… --delete`: remote objects with no counterpart in the source. */
async function syncVictims(
  invocation: Invocation,
  listed: Listed[],
  dest: string,
  connection: string[],
  ctx: ProbeContext,
): Promise<Listed[] | { error: string }> {
  const source = invocation.positionals[0] as string;
  const destPrefix = splitUrl(dest).prefix;
  const base = destPrefix === '' || destPrefix.endsWith('/') ? destPrefix : `${destPrefix}/`;
  let present: Set<string>;
  if (source.startsWith('s3://')) {
    const src = await list(source, true, connection, ctx);
    if ('error' in src) return src;
    const srcPrefix = splitUrl(source).prefix;
    const srcBase = srcPrefix === '' || srcPrefix.endsWith('/') ? srcPrefix : `${srcPrefix}/`;
    present = new Set(src.map((o) => o.key.slice(srcBase.length)));
  } else present = await localFiles(resolve(ctx.cwd, source), 1_000_000);
  return listed.filter((o) => !present.has(o.key.slice(base.length)));
}

const measureS3: Probe['measure'] = async (subject, ctx) => {
  const invocation = subject.invocation;
  const op = invocation.subcommand[1] ?? '';
  const connection = awsConnectionArgs(invocation);
  const urls = invocation.positionals.filter((p) => p.startsWith('s3://'));
  // The side that loses objects: the destination of sync, the source of mv, the target of rm/rb.
  const url = op === 'sync' ? invocation.positionals[1] : urls[0];
  if (url === undefined || !url.startsWith('s3://'))
    return {
      status: 'unknown',
      summary: 'objects unknown',
      recoverability: 'unknown',
      reason: 'no s3:// location to list',
    };
  const recursive = op === 'rb' || op === 'sync' || invocation.flags.recursive !== undefined;
  const { bucket } = splitUrl(url);
  // aws-cli takes ~0.4 s to start: list and ask about versioning at the same time.
  const [listed, status] = await Promise.all([
    list(url, recursive, connection, ctx),
    versioning(bucket, connection, ctx),
  ]);
  let objects = listed;
  if ('error' in objects)
    return {
      status: 'unknown',
      summary: 'objects unknown',
      recoverability: 'unknown',
      reason: objects.error,
    };
  if (op === 'sync') {
    objects = await syncVictims(invocation, objects, url, connection, ctx);
    if ('error' in objects)
      return {
        status: 'unknown',
        summary: 'objects unknown',
        recoverability: 'unknown',
        reason: objects.error,
      };
  }
  const bytes = objects.reduce((sum, o) => sum + o.size, 0);
  const filtered = invocation.flags.exclude !== undefined || invocation.flags.include !== undefined;
  const verb = op === 'mv' ? 'moved out of' : op === 'rb' ? 'deleted with bucket' : 'deleted from';
  const versioned = status === 'Enabled';
  return {
    summary: `${filtered ? 'at most ' : ''}${formatCount(objects.length, 'object')}, ${formatBytes(bytes)} ${verb} s3://${bucket}${versioned ? ' (versioned)' : ''}`,
    counts: { objects: objects.length, bytes },
    items: objects.slice(0, ctx.maxItems).map((o) => `s3://${bucket}/${o.key} (${formatBytes(o.size)})`),
    capped: filtered,
    recoverability:
      op === 'mv'
        ? 'recoverable'
        : versioned
          ? 'recoverable'
          : status === 'unknown'
            ? 'unknown'
            : 'not recoverable',
    recovery:
      op === 'mv'
        ? 'the objects are copied to the destination before they are removed'
        : versioned
          ? 'bucket versioning is on: earlier versions stay and removing the delete markers brings the objects back'
          : `bucket versioning is ${status}: deleted objects cannot be brought back`,
  };
};

registerProbe({ name: 'aws-s3-objects', measure: measureS3 });
