// Runs a process to completion and collects what a test asserts on: status, signal and output.

import { spawn } from 'node:child_process';

export type Finished = {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
};

export type RunOptions = {
  env: NodeJS.ProcessEnv;
  cwd?: string;
  input?: string;
  /** Own session, no controlling terminal: how agents and CI run commands. */
  detached?: boolean;
  /** Called with each stdout chunk and the child's pid, e.g. to send a signal once it is ready. */
  onStdout?: (text: string, pid: number) => void;
};

export function runProcess(file: string, args: readonly string[], options: RunOptions): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      env: options.env,
      cwd: options.cwd,
      detached: options.detached ?? false,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      if (child.pid !== undefined) options.onStdout?.(stdout, child.pid);
    });
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** Runs `jobs` with at most `width` at a time, keeping the results in order. */
export async function inBatches<T>(jobs: (() => Promise<T>)[], width: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const index = next++;
      results[index] = await jobs[index]!();
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}
