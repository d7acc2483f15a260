// `airlock undo ID`: puts back what airlock kept before a command ran (files moved to the
// trash, a git work tree snapshot, dropped stashes, deleted branches, the objects a kubectl
// delete removed).

import type { Command } from 'commander';
import { airlockDirs } from '../config/paths.js';
import { exitCodes } from '../exec/exit-codes.js';
import { findRealBinary } from '../exec/resolve.js';
import { restoreUndo } from '../undo/undo.js';
import { callerEnv } from './context.js';

type SetCode = (code: number) => void;

export function realGit(env: Record<string, string | undefined>, shims: string): string {
  const found = findRealBinary('git', env as NodeJS.ProcessEnv, { shimDirs: [shims], cwd: process.cwd() });
  return 'missing' in found ? 'git' : found.path;
}

export function registerUndo(program: Command, rawEnv: NodeJS.ProcessEnv, setCode: SetCode): void {
  program
    .command('undo')
    .description('restore what airlock kept before a command ran (see: airlock trash list)')
    .argument('<id>', 'the undo id from the prompt, the log or airlock trash list')
    .option('--force', 'for a git snapshot: overwrite files changed since the command ran')
    .action(async (id: string, opts: { force?: boolean }) => {
      const env = callerEnv(rawEnv);
      const dirs = airlockDirs(env);
      const result = await restoreUndo(
        { trashDir: dirs.trash, env, git: realGit(env, dirs.shims), shimDirs: [dirs.shims] },
        id,
        opts.force === true,
      );
      if (result.warning !== undefined)
        process.stderr.write(`airlock undo ${id}: warning: ${result.warning}\n`);
      if (result.ok) {
        const count = Array.isArray(result.restored) ? result.restored.length : result.restored;
        process.stdout.write(
          `airlock undo ${id}: restored ${count} ${count === 1 ? 'entry' : 'entries'} (${result.manifest.command})\n`,
        );
        if (Array.isArray(result.restored)) for (const p of result.restored) process.stdout.write(`  ${p}\n`);
        setCode(exitCodes.ok);
        return;
      }
      process.stderr.write(`airlock undo ${id}: ${result.message}\n`);
      for (const r of result.restored ?? []) process.stderr.write(`  restored: ${r}\n`);
      for (const c of result.conflicts ?? []) process.stderr.write(`  conflict: ${c}\n`);
      setCode(result.reason === 'unknown-id' ? exitCodes.usage : 1);
    });
}
