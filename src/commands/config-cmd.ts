// `airlock config show | check`: the effective configuration and where each value came
// from, and validation of the user and project files.

import type { Command } from 'commander';
import { checkConfigFiles, loadConfig } from '../config/load.js';
import { configShowJson, renderConfigProblems, renderConfigShow } from '../config/show.js';
import { exitCodes } from '../exec/exit-codes.js';
import { callerEnv } from './context.js';

type SetCode = (code: number) => void;

export function registerConfig(program: Command, env: NodeJS.ProcessEnv, setCode: SetCode): void {
  const config = program.command('config').description('show and check the configuration');
  config
    .command('show')
    .description('print the effective configuration and where each value came from')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => {
      const loaded = loadConfig({ cwd: process.cwd(), env: callerEnv(env) });
      process.stdout.write(
        opts.json ? `${JSON.stringify(configShowJson(loaded), null, 2)}\n` : renderConfigShow(loaded),
      );
    });
  config
    .command('check')
    .description('validate the user and project config files; exits non-zero on problems')
    .action(() => {
      const problems = checkConfigFiles({ cwd: process.cwd(), env: callerEnv(env) });
      if (problems.length === 0) {
        process.stdout.write('config ok\n');
        return setCode(exitCodes.ok);
      }
      process.stderr.write(renderConfigProblems(problems));
      setCode(exitCodes.config);
    });
}
