// `aws s3` transfer commands: which side of a copy is the bucket, so a download (reads the
// bucket) is told apart from an upload (writes it) and `mv` to local (empties it).

import type { Target } from './invocation.js';

export function isS3Url(text: string): boolean {
  return text.startsWith('s3://');
}

/** `s3://bucket` or `s3://bucket/` is a bucket; anything longer is an object or a prefix. */
export function s3Target(url: string): Target {
  const rest = url.slice('s3://'.length);
  const slash = rest.indexOf('/');
  if (slash === -1 || slash === rest.length - 1) return { kind: 'bucket', value: rest.replace(/\/$/, '') };
  return { kind: 'object', value: url };
}

export function s3Facts(command: string, positionals: readonly string[]): Record<string, boolean> {
  const [source, destination] = positionals;
  const remoteSource = source !== undefined && isS3Url(source);
  const remoteDestination = destination !== undefined && isS3Url(destination);
  const transfer = command === 'cp' || command === 'mv' || command === 'sync';
  return {
    's3.download': transfer && remoteSource && destination !== undefined && !remoteDestination,
    's3.writes-remote': transfer ? remoteDestination : command === 'mb' || command === 'website',
  };
}
