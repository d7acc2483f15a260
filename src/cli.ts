// airlock's entry point: routes the hot paths (shims, check, sh, run, hook) straight to their
// modules; management commands and the guarded shell are reached through `cold` (cold.ts).

import { cold } from './cold.js';
import { runCheck } from './commands/check.js';
import { runShim } from './commands/shim.js';
import { exitCodes } from './exec/exit-codes.js';

export { warmUp } from './warm-up.js';

/**
 * `airlock log | head` closing the pipe early is the reader's choice, not an error. Only the
 * commands that print at length set this up: touching process.stdout costs ~1.5 ms of start,
 * and shims, `sh` and `run` never write to it themselves.
 */
function quietOnClosedStdout(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const invokedAs = env.AIRLOCK_INVOKED_AS;
  // A shim is a link named after the program it guards.
  if (invokedAs !== undefined && invokedAs !== 'airlock' && invokedAs !== 'airlock-sh') {
    return runShim(invokedAs, argv, env);
  }
  const [first, ...rest] = argv;
  switch (first) {
    case 'check':
      // A single verdict is written straight to the descriptor; batches and probes stream.
      if (rest.includes('--batch') || rest.includes('--probe')) quietOnClosedStdout();
      return runCheck(rest, env);
    case 'sh':
      return (await import('./commands/sh.js')).runSh(rest, env);
    case 'hook':
      return (await import('./commands/hook.js')).runHook(rest, env);
    case 'run':
      return (await import('./commands/shim.js')).runRun(rest, env);
    case 'shell':
      return cold.shell(rest, env);
    default:
      quietOnClosedStdout();
      return cold.program(argv, env);
  }
}

/** Runs airlock for this process; the boot loader (dist/airlock.cjs) calls it on the start-up bundle. */
export function start(): void {
  main(process.argv.slice(2), process.env).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.stderr.write(`airlock: internal error; nothing was run.\n${message}\n`);
      process.exitCode = exitCodes.internal;
    },
  );
}
