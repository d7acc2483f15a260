// `airlock doctor`: what an agent started here could destroy today, and how to shrink it.

import type { Command } from 'commander';
import { loadConfig } from '../config/load.js';
import { airlockDirs } from '../config/paths.js';
import { findProjectRoot } from '../decide/evaluate.js';
import { realFs } from '../tools/real-fs.js';
import { callerEnv, launcherPath } from './context.js';
import { programsToShim } from './shims-cmd.js';

type SetCode = (code: number) => void;

export function registerDoctor(program: Command, env: NodeJS.ProcessEnv, setCode: SetCode): void {
  program
    .command('doctor')
    .description('what could an agent started here destroy? credentials, shims, harnesses, recovery')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `
Reports credentials by kind and location (never the secret), whether the shims stand in
front of every guarded program, whether each harness in the project routes through airlock,
and what recovery paths sit inside the blast radius.

Exit status: 0 when nothing is high severity; 1 when something is (a production credential
in reach, shims missing or bypassed, a harness not routed through airlock).`,
    )
    .action(async (opts: { json?: boolean }) => {
      const { runDoctor } = await import('../doctor/run.js');
      const caller = callerEnv(env);
      const root = findProjectRoot(process.cwd(), realFs);
      const dirs = airlockDirs(caller);
      const result = runDoctor({
        env: caller,
        root,
        home: caller.HOME,
        shimDir: dirs.shims,
        trashDir: dirs.trash,
        launcherPaths: [launcherPath(env)],
        guarded: programsToShim(caller),
        policy: loadConfig({ cwd: root, env: caller }).config,
      });
      process.stdout.write(opts.json ? result.json : result.text);
      setCode(result.exitCode);
    });
}
