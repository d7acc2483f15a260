// A throwaway install of the built CLI with its shims in place: the real bin/airlock, a user
// config naming extra programs to shim, and asynchronous runners for parallel, real processes.

import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { airlock, type Sandbox, sandbox } from './helpers.js';

/** The system directories only: no version-manager shims between the test and real binaries. */
export const SYSTEM_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export interface Finished {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: string;
}

export interface AuditRowLike {
  id: number;
  entry: string;
  argv: string[] | null;
  line: string | null;
  decision: string | null;
  step: string;
  exitStatus: number | null;
  signal: string | null;
  sessionId: string | null;
  actorKind: string;
  tools: string[];
}

export interface ShimBox extends Sandbox {
  /** The shim directory `airlock shims install` made (AIRLOCK_HOME/data/shims). */
  shims: string;
  /** The sandbox environment with the shims first in PATH and the system directories after. */
  shimEnv: NodeJS.ProcessEnv;
  /** Runs any program to completion without blocking the event loop (for parallel batches). */
  exec(
    program: string,
    args: string[],
    options?: { env?: NodeJS.ProcessEnv; cwd?: string; input?: string | Buffer },
  ): Promise<Finished>;
  /** Every audit row, oldest first, through `airlock log --json`. */
  rows(): AuditRowLike[];
}

/**
 * `extra` programs are shimmed beyond those the packs guard (`cat`, `sh`…). HOME points into the
 * sandbox, so bash's startup files are the system's only, and an agent's approval wait is short.
 */
export function shimBox(
  extra: readonly string[] = [],
  options: { config?: string; install?: boolean } = {},
): ShimBox {
  const box = sandbox();
  mkdirSync(join(box.home, 'config'), { recursive: true });
  writeFileSync(
    join(box.home, 'config', 'config.yaml'),
    `shims:\n  extra: [${extra.map((p) => JSON.stringify(p)).join(', ')}]\napproval:\n  wait: 1\n${options.config ?? ''}`,
  );
  for (const name of ['AIRLOCK_SHIM_DEPTH', 'AIRLOCK_SESSION', 'AIRLOCK_SHELL', 'BASH_ENV', 'ENV'])
    delete box.env[name];
  box.env.HOME = box.dir;
  box.env.PATH = SYSTEM_PATH;
  const installed = options.install === false ? undefined : box.run(['shims', 'install']);
  if (installed !== undefined && installed.status !== 0) {
    box.cleanup();
    throw new Error(`shims install failed: ${installed.stderr}`);
  }
  const shims = join(box.home, 'data', 'shims');
  const shimEnv = { ...box.env, PATH: `${shims}:${SYSTEM_PATH}` };
  return {
    ...box,
    shims,
    shimEnv,
    exec: (program, args, options = {}) =>
      new Promise((resolve, reject) => {
        const child = spawn(program, args, {
          cwd: options.cwd ?? box.dir,
          env: options.env ?? shimEnv,
          stdio: ['pipe', 'pipe', 'pipe'],
        });
        const out: Buffer[] = [];
        let err = '';
        child.stdout.on('data', (d: Buffer) => out.push(d));
        child.stderr.on('data', (d: Buffer) => {
          err += d.toString();
        });
        child.on('error', reject);
        child.on('close', (status, signal) =>
          resolve({ status, signal, stdout: Buffer.concat(out), stderr: err }),
        );
        child.stdin.on('error', () => {});
        child.stdin.end(options.input ?? '');
      }),
    rows: () => {
      const log = box.run(['log', '--json', '--limit', '100000']);
      if (log.status !== 0) throw new Error(`airlock log failed: ${log.stderr}`);
      return log.stdout
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as AuditRowLike);
    },
  };
}

/** Runs `jobs` with at most `width` of them at once, keeping the results in order. */
export async function inChunks<T>(jobs: (() => Promise<T>)[], width: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await (jobs[i] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, jobs.length) }, worker));
  return results;
}

export { airlock };
