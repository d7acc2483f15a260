// airlock's entry point: routes the hot paths (check, shims, sh, hook) straight to their
// modules and loads the full command-line program only for management commands.

import { runCheck } from './commands/check.js';
import { exitCodes } from './exec/exit-codes.js';

async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const [first, ...rest] = argv;
  if (first === 'check') return runCheck(rest, env);
  const { runProgram } = await import('./commands/program.js');
  return runProgram(argv, env);
}

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
