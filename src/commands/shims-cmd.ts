// `airlock shims install | uninstall | list | path`: the directory of links that puts
// airlock in front of every guarded program.

import { basename } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config/load.js';
import { airlockDirs } from '../config/paths.js';
import { exitCodes } from '../exec/exit-codes.js';
import { installShims, listShims, shimPathLine, uninstallShims } from '../exec/shims.js';
import { guardedPrograms } from '../tools/index.js';
import { callerEnv, launcherPath } from './context.js';
import { builtInPacks } from './packs.js';

type SetCode = (code: number) => void;

/** Every program the loaded packs and recognizers guard, plus the user's additions. */
export function programsToShim(env: Record<string, string | undefined>): string[] {
  const extra = loadConfig({ cwd: process.cwd(), env }).config.shims.extra;
  return [...new Set([...guardedPrograms(builtInPacks()), ...extra])].sort();
}

export function ensureShims(env: NodeJS.ProcessEnv, dir?: string) {
  const caller = callerEnv(env);
  return installShims({
    dir: dir ?? airlockDirs(caller).shims,
    programs: programsToShim(caller),
    launcherPath: launcherPath(env),
  });
}

export function registerShims(program: Command, env: NodeJS.ProcessEnv, setCode: SetCode): void {
  const caller = callerEnv(env);
  const defaultDir = airlockDirs(caller).shims;
  const shims = program.command('shims').description('install, list and remove the PATH shims');

  shims
    .command('install')
    .description('create a shim for every guarded program (idempotent)')
    .option('--dir <dir>', 'shim directory', defaultDir)
    .action((opts: { dir: string }) => {
      const result = ensureShims(env, opts.dir);
      process.stdout.write(
        `${result.created.length} shims created, ${result.kept.length} already in place, in ${opts.dir}\n`,
      );
      for (const p of result.problems) process.stderr.write(`  ${p.name}: ${p.message}\n`);
      process.stdout.write(
        `Put them first in PATH:\n  ${shimPathLine(opts.dir, basename(env.SHELL ?? 'sh'))}\n`,
      );
      setCode(result.problems.length > 0 ? exitCodes.config : exitCodes.ok);
    });

  shims
    .command('uninstall')
    .description("remove airlock's shims (never touches other files)")
    .option('--dir <dir>', 'shim directory', defaultDir)
    .action((opts: { dir: string }) => {
      const result = uninstallShims({ dir: opts.dir, launcherPaths: [launcherPath(env)] });
      process.stdout.write(`${result.removed.length} shims removed from ${opts.dir}\n`);
      for (const name of result.leftAlone) process.stdout.write(`  left alone (not airlock's): ${name}\n`);
    });

  shims
    .command('list')
    .description('each shim and the real program it runs')
    .option('--dir <dir>', 'shim directory', defaultDir)
    .option('--json', 'print JSON')
    .action((opts: { dir: string; json?: boolean }) => {
      const entries = listShims({ dir: opts.dir, env: caller, launcherPaths: [launcherPath(env)] });
      if (opts.json) return void process.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
      if (entries.length === 0) {
        process.stdout.write(`no shims in ${opts.dir}; run: airlock shims install\n`);
        return;
      }
      for (const e of entries) {
        const real =
          e.real === undefined ? '(airlock guarded shell)' : 'missing' in e.real ? 'not found' : e.real.path;
        process.stdout.write(`${e.name.padEnd(16)} → ${real}\n`);
      }
    });

  shims
    .command('path')
    .description('print the line that puts the shims first in PATH, for a shell profile')
    .option('--dir <dir>', 'shim directory', defaultDir)
    .option('--shell <shell>', 'sh, bash, zsh or fish', basename(env.SHELL ?? 'sh'))
    .action((opts: { dir: string; shell: string }) => {
      process.stdout.write(`${shimPathLine(opts.dir, opts.shell)}\n`);
    });
}
