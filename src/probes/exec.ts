// Runs a probe's read-only helper command with a deadline and an output cap, resolving the
// real binary past airlock's shims so a probe never triggers airlock again.

import { spawn } from 'node:child_process';
import { findRealBinary } from '../exec/resolve.js';
import type { ExecOptions, ExecResult } from './types.js';

/** Output kept per stream; the rest is dropped and the result marked truncated. */
const outputCap = 8 * 1024 * 1024;

export function execProbeCommand(
  program: string,
  args: readonly string[],
  options: ExecOptions & { signal: AbortSignal; shimDirs: readonly string[]; baseEnv: NodeJS.ProcessEnv },
): Promise<ExecResult> {
  const env = { ...options.baseEnv, ...options.env, AIRLOCK_PROBE: '1' };
  const found = findRealBinary(program, env, { shimDirs: options.shimDirs, cwd: options.cwd });
  if ('missing' in found) {
    return Promise.resolve({
      code: 127,
      signal: null,
      stdout: '',
      stderr: `${program}: not found`,
      truncated: false,
    });
  }
  return new Promise((resolve) => {
    const child = spawn(found.path, [...args], {
      cwd: options.cwd,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outSize = 0;
    let errSize = 0;
    let truncated = false;
    child.stdout.on('data', (chunk: Buffer) => {
      if (outSize < outputCap) out.push(chunk);
      else truncated = true;
      outSize += chunk.length;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (errSize < outputCap) err.push(chunk);
      errSize += chunk.length;
    });
    const kill = () => {
      try {
        // The whole group: a helper may have started children of its own.
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    };
    if (options.signal.aborted) kill();
    options.signal.addEventListener('abort', kill, { once: true });
    child.on('error', (error) => {
      options.signal.removeEventListener('abort', kill);
      resolve({ code: 127, signal: null, stdout: '', stderr: error.message, truncated: false });
    });
    child.on('close', (code, signal) => {
      options.signal.removeEventListener('abort', kill);
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        truncated,
      });
    });
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
  });
}
