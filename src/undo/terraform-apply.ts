// Runs an approved terraform/tofu apply of the saved plan with the caller's stdio, watching
// its error stream (passed on unchanged) for terraform's own refusal of a stale plan, so
// airlock can say plainly that nothing was applied and the command must be asked again.

import { spawn } from 'node:child_process';

export interface SavedPlanOutcome {
  exitCode: number;
  /** terraform refused the plan: the state changed after the plan was made and shown. */
  stale: boolean;
}

const relayed: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const tailBytes = 64 * 1024;

export function applySavedPlan(
  path: string,
  args: readonly string[],
  options: { env: NodeJS.ProcessEnv; cwd: string; argv0: string; stderr?: (chunk: Buffer) => void },
): Promise<SavedPlanOutcome> {
  const passOn = options.stderr ?? ((chunk: Buffer) => void process.stderr.write(chunk));
  return new Promise((resolve) => {
    const child = spawn(path, [...args], {
      cwd: options.cwd,
      env: options.env,
      argv0: options.argv0,
      stdio: ['inherit', 'inherit', 'pipe'],
    });
    // terraform stops cleanly on the first interrupt; airlock must outlive it to record the run.
    const relay = (signal: NodeJS.Signals) => () => void child.kill(signal);
    const handlers = relayed.map((signal) => [signal, relay(signal)] as const);
    for (const [signal, handler] of handlers) process.on(signal, handler);
    let tail = '';
    child.stderr.on('data', (chunk: Buffer) => {
      passOn(chunk);
      tail = (tail + chunk.toString('utf8')).slice(-tailBytes);
    });
    const finish = (exitCode: number) => {
      for (const [signal, handler] of handlers) process.removeListener(signal, handler);
      resolve({ exitCode, stale: exitCode !== 0 && /saved plan is stale/i.test(tail) });
    };
    child.once('error', (error) => {
      passOn(Buffer.from(`airlock: ${options.argv0}: ${error.message}\n`));
      finish(127);
    });
    child.once('close', (code, signal) => finish(code ?? 128 + (signal === 'SIGINT' ? 2 : 15)));
  });
}
