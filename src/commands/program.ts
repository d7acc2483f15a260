// The management command line (help, rules, config, log…), built with commander and
// loaded only when one of these commands runs.

import { Command } from 'commander';
import { exitCodes, exitCodeTable } from '../exec/exit-codes.js';
import { runCheck } from './check.js';

declare const __AIRLOCK_VERSION__: string | undefined;

const overview = `airlock stands in front of the commands that can destroy things (rm, git, psql,
kubectl, terraform, aws…). It parses each command, runs reads straight through, and stops
destructive or production-changing ones for a person to approve.

Start here:
  airlock check 'git push --force'     what would airlock do with this line? (runs nothing)
  airlock rules list                   the rules airlock applies

Exit status:
${exitCodeTable.map(([code, meaning]) => `  ${String(code).padStart(3)}  ${meaning}`).join('\n')}
`;

export async function runProgram(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  let code: number = exitCodes.ok;
  const program = new Command('airlock')
    .description(overview)
    .version(typeof __AIRLOCK_VERSION__ === 'string' ? __AIRLOCK_VERSION__ : 'dev', '-V, --version')
    .showHelpAfterError('(run airlock --help for usage)')
    .exitOverride();

  program
    .command('check')
    .description('show what airlock would do with a command line, and why (runs nothing)')
    .helpOption(false)
    .allowUnknownOption()
    .argument('[args...]')
    .action((args: string[]) => {
      code = runCheck(args, env);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    const exitCode = (error as { exitCode?: number }).exitCode;
    if (typeof exitCode === 'number') return exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    throw error;
  }
  return code;
}
