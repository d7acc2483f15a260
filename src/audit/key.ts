// The per-user signing key and the store anchor, both small files beside audit.db.

import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signAnchor } from './canonical.js';
import { loadCrypto } from './driver.js';

export const KEY_FILE = 'audit.key';
export const ANCHOR_FILE = 'audit.anchor';
const KEY_BYTES = 32;

/**
 * Writes `data` to `path` only if nothing is there yet, atomically: a concurrent first use
 * must never read a half-written file, so the bytes go to a temp file that is then hard-linked.
 */
function createOnce(path: string, data: Buffer | string): void {
  const temp = `${path}.${process.pid}.${loadCrypto().randomBytes(6).toString('hex')}`;
  writeFileSync(temp, data, { mode: 0o600 });
  try {
    linkSync(temp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temp);
  }
}

/** The key, or null when the state dir has none (verify never creates one). */
export function readKey(stateDir: string): Buffer | null {
  try {
    const key = readFileSync(join(stateDir, KEY_FILE));
    return key.length === KEY_BYTES ? key : null;
  } catch {
    return null;
  }
}

export function loadOrCreateKey(stateDir: string): Buffer {
  const existing = readKey(stateDir);
  if (existing) return existing;
  createOnce(join(stateDir, KEY_FILE), loadCrypto().randomBytes(KEY_BYTES));
  const key = readKey(stateDir);
  if (!key) throw new Error(`${join(stateDir, KEY_FILE)} is not a ${KEY_BYTES}-byte key`);
  return key;
}

export interface Anchor {
  storeId: string;
  created: string;
  hmac: string | null;
}

export function readAnchor(stateDir: string): Anchor | null {
  try {
    const parsed = JSON.parse(readFileSync(join(stateDir, ANCHOR_FILE), 'utf8')) as Partial<Anchor>;
    if (typeof parsed.storeId !== 'string' || typeof parsed.created !== 'string') return null;
    return { storeId: parsed.storeId, created: parsed.created, hmac: parsed.hmac ?? null };
  } catch {
    return null;
  }
}

/**
 * Records which store this state dir started with. Never overwritten: if audit.db is deleted
 * and a fresh chain starts, the old anchor stays and verify reports the store as replaced.
 */
export function writeAnchorOnce(
  stateDir: string,
  storeId: string,
  created: string,
  key: Buffer | null,
): void {
  const anchor: Anchor = { storeId, created, hmac: key ? signAnchor(key, storeId, created) : null };
  createOnce(join(stateDir, ANCHOR_FILE), `${JSON.stringify(anchor)}\n`);
}
