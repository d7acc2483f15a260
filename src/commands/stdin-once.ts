// Standard input read at most once per process, and kept: a run the start-up bundle hands to
// the full bundle (cold-handover.ts) starts over, and must find the script or payload it has
// already consumed.

const kept = Symbol.for('airlock.stdin');

export function stdinOnce<T>(read: () => T): T {
  const store = globalThis as Record<symbol, unknown>;
  if (kept in store) return store[kept] as T;
  const value = read();
  store[kept] = value;
  return value;
}
