// Shared setup for the audit tests: temp state dirs, entries, and a bundled copy of the
// module that child processes (plain node, no TypeScript) can import.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import type { AuditEntry } from '../../src/audit/index.js';

export const root = fileURLToPath(new URL('../..', import.meta.url));

export function tempStateDir(): string {
  return mkdtempSync(join(tmpdir(), 'airlock-audit-'));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function entry(i: number, extra: Partial<AuditEntry> = {}): AuditEntry {
  return {
    actorKind: i % 3 === 0 ? 'human' : 'agent',
    agent: i % 3 === 0 ? undefined : 'claude-code',
    modeReason: 'AIRLOCK_AGENT set',
    sessionId: `s${i % 4}`,
    cwd: '/repo',
    entry: 'shim',
    argv: ['rm', '-rf', `build-${i}`],
    tools: [i % 2 === 0 ? 'rm' : 'git'],
    decision: i % 5 === 0 ? 'approve' : 'allow',
    effect: 'destroy',
    ruleIds: ['rm/recursive'],
    environment: { name: 'local', source: 'local file system' },
    step: 'allowed',
    exitStatus: 0,
    durationMs: i,
    ...extra,
  };
}

/**
 * Bundles src/audit for child processes. The output lives under node_modules/.cache so that
 * better-sqlite3 resolves from the repo, exactly as it will from the installed package.
 */
export function buildAuditModule(): { url: string; dir: string } {
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'airlock-audit-'));
  const outfile = join(dir, 'audit.mjs');
  buildSync({
    entryPoints: [join(root, 'src', 'audit', 'index.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
    outfile,
  });
  return { url: pathToFileURL(outfile).href, dir };
}
