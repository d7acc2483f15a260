// The management command line (help, rules, config, shims, log…), built with commander
// and loaded only when one of these commands runs.

import { Command } from 'commander';
import { exitCodeTable } from '../exec/exit-code-table.js';
import { exitCodes } from '../exec/exit-codes.js';
import { registerApprovals } from './approve-cmd.js';
import { checkHelp } from './check.js';
import { registerConfig } from './config-cmd.js';
import { registerDoctor } from './doctor-cmd.js';
import { registerInbox } from './inbox-cmd.js';
import { registerInit } from './init-cmd.js';
import { registerLog } from './log-cmd.js';
import { registerRules } from './rules-cmd.js';
import { registerScan } from './scan-cmd.js';
import { shHelp } from './sh.js';
import { shellHelp } from './shell.js';
import { runHelp } from './shim.js';
import { registerShims } from './shims-cmd.js';
import { registerTrash } from './trash-cmd.js';
import { registerUndo } from './undo-cmd.js';

declare const __AIRLOCK_VERSION__: string | undefined;

const overview = `airlock stands in front of the commands that can destroy things (rm, git, psql,
kubectl, terraform, aws…). It parses each command, runs reads straight through, and stops
destructive or production-changing ones for a person to approve, recording every decision
in a tamper-evident log.

Start here:
  airlock check 'git push --force'   what would airlock do with this line? (runs nothing)
  airlock shims install              put airlock in front of every guarded program
  airlock sh -c 'LINE'               a guarded drop-in for bash -c, for agent harnesses
  airlock log                        what ran, what was stopped, and who decided`;

const footer = `
Commands routed before this help loads (each has its own --help):
  check, sh, run, shell

Exit status:
${exitCodeTable.map(([code, meaning]) => `  ${String(code).padStart(3)}  ${meaning}`).join('\n')}

Files: config in $XDG_CONFIG_HOME/airlock, audit log in $XDG_STATE_HOME/airlock, shims and
trash in $XDG_DATA_HOME/airlock; AIRLOCK_HOME=DIR moves all of them under DIR.
Colors follow NO_COLOR and FORCE_COLOR.`;

export async function runProgram(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  let code: number = exitCodes.ok;
  const setCode = (c: number) => {
    code = c;
  };
  const program = new Command('airlock')
    .description('a guard in front of the commands that can destroy things')
    .addHelpText('before', `${overview}\n`)
    .version(typeof __AIRLOCK_VERSION__ === 'string' ? __AIRLOCK_VERSION__ : 'dev', '-V, --version')
    .addHelpText('after', footer)
    .showHelpAfterError('(run airlock --help for usage)')
    .exitOverride();

  // Listed for --help; cli.ts routes these before commander loads.
  const routed: [string, string, string][] = [
    ['check', 'show what airlock would do with a command line (runs nothing)', checkHelp],
    ['sh', 'a guarded drop-in for bash -c, for agent harnesses', shHelp],
    ['run', 'judge and run one program with its arguments', runHelp],
    ['shell', 'your shell, guarded and recorded, in a pseudo-terminal', shellHelp],
  ];
  for (const [name, description, help] of routed) {
    program
      .command(name)
      .description(description)
      .helpOption(false)
      .allowUnknownOption()
      .argument('[args...]')
      .action(() => void process.stdout.write(help));
  }

  registerRules(program, env, setCode);
  registerConfig(program, env, setCode);
  registerShims(program, env, setCode);
  registerLog(program, env, setCode);
  registerInbox(program, env, setCode);
  registerApprovals(program, env, setCode);
  registerInit(program, env, setCode);
  registerDoctor(program, env, setCode);
  registerScan(program, env, setCode);
  registerUndo(program, env, setCode);
  registerTrash(program, env, setCode);

  if (argv.length === 0) {
    program.outputHelp();
    return exitCodes.ok;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    const exitCode = (error as { exitCode?: number }).exitCode;
    if (typeof exitCode === 'number') return exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    throw error;
  }
  return code;
}
