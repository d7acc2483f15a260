// The hash chain: which columns a row's hash covers, in what order, and how it is signed.

import { loadCrypto } from './driver.js';

/** The previous hash of the first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** Bumped if the serialization ever changes, so old rows still verify under their own rules. */
const FORMAT = 'airlock-audit/1';

/**
 * Content columns in hash order. `id` is deliberately absent: the order of rows is proven
 * by each row naming its predecessor's hash, and verify checks that ids rise by one.
 */
export const CONTENT_COLUMNS = [
  'time',
  'actor_kind',
  'agent',
  'mode_reason',
  'session_id',
  'cwd',
  'entry',
  'argv',
  'line',
  'tools',
  'decision',
  'effect',
  'rule_ids',
  'environment',
  'blast_radius',
  'step',
  'approval_channel',
  'approver',
  'request_id',
  'exit_status',
  'signal',
  'duration_ms',
  'note',
] as const;

export type ContentColumn = (typeof CONTENT_COLUMNS)[number];
export type StoredValue = string | number | null;
export type RowContent = Record<ContentColumn, StoredValue>;

/** Stable text of a row's content: a JSON array in column order, so no key-order questions. */
export function serializeContent(content: Readonly<Record<string, unknown>>): string {
  const values: unknown[] = [FORMAT];
  for (const column of CONTENT_COLUMNS) values.push(content[column] ?? null);
  return JSON.stringify(values);
}

export function hashRow(content: Readonly<Record<string, unknown>>, prevHash: string): string {
  const { createHash } = loadCrypto();
  return createHash('sha256').update(prevHash).update('\n').update(serializeContent(content)).digest('hex');
}

export function signHash(key: Buffer, hash: string): string {
  const { createHmac } = loadCrypto();
  return createHmac('sha256', key).update(`row\n${hash}`).digest('hex');
}

export function signHead(key: Buffer, lastId: number, lastHash: string): string {
  const { createHmac } = loadCrypto();
  return createHmac('sha256', key).update(`head\n${lastId}\n${lastHash}`).digest('hex');
}

export function signAnchor(key: Buffer, storeId: string, created: string): string {
  const { createHmac } = loadCrypto();
  return createHmac('sha256', key).update(`anchor\n${storeId}\n${created}`).digest('hex');
}

/** Constant-time comparison of two hex digests. */
export function sameDigest(a: string | null, b: string): boolean {
  if (a === null || a.length !== b.length) return false;
  const { timingSafeEqual } = loadCrypto();
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
