// A PATH shim (a link named `rm`, `kubectl`… pointing at airlock) and `airlock run`: the
// caller's shell already split the words, so the argv is judged directly.

import { exitCodes } from '../exec/exit-codes.js';
import { guard } from './guard.js';

export function runShim(program: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return guard({
    entry: 'shim',
    subject: { argv: [program, ...args] },
    program,
    args,
    env,
    cwd: process.cwd(),
  });
}

export const runHelp = `Usage: airlock run [--] PROGRAM [ARGS...]

Judges PROGRAM ARGS exactly as a shim would, records the decision, and runs the real
program when allowed (found further down PATH, skipping airlock's shims).

Example:
  airlock run -- terraform apply
`;

export function runRun(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const words = argv[0] === '--' ? argv.slice(1) : argv;
  if (words.length === 0 || words[0] === '-h' || words[0] === '--help') {
    process.stdout.write(runHelp);
    return Promise.resolve(words.length === 0 ? exitCodes.usage : exitCodes.ok);
  }
  const [program, ...args] = words as [string, ...string[]];
  return guard({ entry: 'run', subject: { argv: words }, program, args, env, cwd: process.cwd() });
}
