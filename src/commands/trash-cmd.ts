// `airlock trash list` and `airlock trash empty [--older-than 7d]`: what airlock keeps for
// undo, and freeing it.

import type { Command } from 'commander';
import { loadConfig } from '../config/load.js';
import { airlockDirs } from '../config/paths.js';
import { parseDuration, parseSize } from '../config/units.js';
import { exitCodes } from '../exec/exit-codes.js';
import { formatBytes } from '../probes/fs-format.js';
import type { UndoManifest } from '../undo/manifest.js';
import { trashBytes } from '../undo/trash.js';
import { emptyTrash, listUndos } from '../undo/undo.js';
import { callerEnv } from './context.js';
import { realGit } from './undo-cmd.js';

type SetCode = (code: number) => void;

function describe(m: UndoManifest): string {
  if (m.kind === 'trash') return `${m.entries.length} path(s), ${formatBytes(m.bytes)}`;
  if (m.kind === 'kubectl-manifests') return `${m.objects} object(s): ${m.labels.slice(0, 3).join(', ')}`;
  if (m.stashes) return `${m.stashes.length} stash(es) in ${m.workTree}`;
  if (m.branches) return `branch(es) ${m.branches.map((b) => b.name).join(', ')} in ${m.workTree}`;
  return `git snapshot ${m.ref} in ${m.workTree}`;
}

export function registerTrash(program: Command, rawEnv: NodeJS.ProcessEnv, setCode: SetCode): void {
  const trash = program.command('trash').description('what airlock keeps so commands can be undone');
  trash
    .command('list')
    .description('list undo ids, oldest first')
    .option('--json', 'one JSON object per line')
    .action((opts: { json?: boolean }) => {
      const env = callerEnv(rawEnv);
      const dir = airlockDirs(env).trash;
      const all = listUndos(dir);
      for (const m of all) {
        if (opts.json) process.stdout.write(`${JSON.stringify(m)}\n`);
        else
          process.stdout.write(
            `${m.id}  ${m.createdAt}  ${m.kind.padEnd(12)}  ${describe(m)}  ${m.command}\n`,
          );
      }
      if (!opts.json) {
        const limit = parseSize(loadConfig({ cwd: process.cwd(), env }).config.undo.trashLimit) ?? 0;
        process.stdout.write(
          `${all.length} undo id(s); trash holds ${formatBytes(trashBytes(dir))} of ${formatBytes(limit)}\n`,
        );
      }
      setCode(exitCodes.ok);
    });
  trash
    .command('empty')
    .description('delete kept undo data for good')
    .option('--older-than <duration>', 'only ids older than this (7d, 12h)', '0s')
    .action((opts: { olderThan: string }) => {
      const ms = opts.olderThan === '0s' || opts.olderThan === '0' ? 0 : parseDuration(opts.olderThan);
      if (ms === undefined) {
        process.stderr.write(
          `airlock trash empty: --older-than '${opts.olderThan}' is not a duration (7d, 12h)\n`,
        );
        setCode(exitCodes.usage);
        return;
      }
      const env = callerEnv(rawEnv);
      const dirs = airlockDirs(env);
      const removed = emptyTrash({ trashDir: dirs.trash, env, git: realGit(env, dirs.shims) }, ms);
      process.stdout.write(
        `removed ${removed.length} undo id(s)${removed.length ? `: ${removed.map((m) => m.id).join(' ')}` : ''}\n`,
      );
      setCode(exitCodes.ok);
    });
}
