// Plays a recorded `airlock shell` session back at its original pace (or faster).

import { readSession } from '../audit/sessions.js';
import type { AuditStore } from '../audit/store.js';

export interface ReplayOptions {
  speed: number;
  write: (data: Uint8Array) => void;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Returns false when there is no such session. */
export async function replaySession(
  store: AuditStore,
  sessionId: string,
  options: ReplayOptions,
): Promise<boolean> {
  const session = readSession(store, sessionId);
  if (!session) return false;
  const sleep = options.sleep ?? defaultSleep;
  let clock = 0;
  for (const event of session.events) {
    if (event.kind !== 'output') continue;
    const wait = (event.t - clock) / options.speed;
    if (wait > 0) await sleep(wait);
    clock = event.t;
    options.write(event.data);
  }
  return true;
}
