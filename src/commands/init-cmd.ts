// `airlock init`: set up airlock for this project: .airlockrc.yaml from what the project
// touches, and each chosen agent harness's hook and PATH configuration. Loaded lazily.

import type { Command } from 'commander';
import { airlockDirs } from '../config/paths.js';
import { findProjectRoot } from '../decide/evaluate.js';
import { exitCodes } from '../exec/exit-codes.js';
import { realFs } from '../tools/real-fs.js';
import { callerEnv } from './context.js';

type SetCode = (code: number) => void;

interface InitFlags {
  harness?: string;
  all?: boolean;
  local?: boolean;
  dryRun?: boolean;
}

export function registerInit(program: Command, env: NodeJS.ProcessEnv, setCode: SetCode): void {
  program
    .command('init')
    .description("configure this project's agent harnesses to route commands through airlock")
    .option('--harness <list>', 'comma-separated harnesses (default: those the project already uses)')
    .option('--all', 'every harness airlock knows')
    .option('--local', 'machine-specific settings (absolute paths) into git-ignored files only')
    .option('--dry-run', 'show the diff of what would change; write nothing')
    .addHelpText(
      'after',
      `
Harnesses: claude-code, codex, gemini, agy, cursor, copilot, vscode, opencode, goose,
openhands, cline, aider.

Re-running is safe: JSON and YAML files are merged (your own hooks, keys, entries and
comments stay), files airlock wrote whole are updated only while you have not edited them,
and each file is reported as created, updated, unchanged or skipped.`,
    )
    .action(async (flags: InitFlags) => {
      const { runInit } = await import('../init/run.js');
      const { isInitHarness } = await import('../init/harnesses.js');
      let harnesses: Parameters<typeof runInit>[0]['harnesses'] = 'detected';
      if (flags.all) harnesses = 'all';
      else if (flags.harness !== undefined) {
        const names = flags.harness
          .split(',')
          .map((n) => n.trim())
          .filter((n) => n !== '');
        const unknown = names.filter((n) => !isInitHarness(n));
        if (unknown.length > 0 || names.length === 0) {
          process.stderr.write(
            `airlock init: unknown harness ${unknown.join(', ') || '(none given)'}; see airlock init --help\n`,
          );
          return setCode(exitCodes.usage);
        }
        harnesses = names.filter(isInitHarness);
      }
      const caller = callerEnv(env);
      const result = runInit({
        root: findProjectRoot(process.cwd(), realFs),
        harnesses,
        local: flags.local === true,
        dryRun: flags.dryRun === true,
        shimDir: airlockDirs(caller).shims,
        home: caller.HOME,
      });
      process.stdout.write(result.text);
      setCode(exitCodes.ok);
    });
}
