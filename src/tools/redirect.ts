// Output redirections as invocations of the pseudo-tool `redirect`, so rules see
// `> existing-file`, `> /dev/sda` and writes into airlock's own files like any command.

import type { ResolvedRedirect, SimpleCommand } from '../parse/command.js';
import { isShellStartupFile, staticOutput } from '../parse/nested-later.js';
import { isUntracked } from './git-index.js';
import type { Invocation, RecognizeContext } from './invocation.js';
import { makeInvocation } from './make-invocation.js';
import { isHarmlessDevice, isWholeDisk, pathTarget, resolvePath } from './paths.js';

const writing = new Set(['>', '>|', '&>', '>>', '&>>', '<>']);

function redirectInvocation(
  command: SimpleCommand,
  redirect: ResolvedRedirect,
  ctx: RecognizeContext,
): Invocation | undefined {
  if (!writing.has(redirect.op)) return undefined;
  const word = redirect.target;
  // `cmd > "$OUT"` is too common to stop on; the path is unknown, so it is left alone.
  if (word.value === undefined) return undefined;
  const target = pathTarget(word, command, ctx);
  if (target.resolved !== undefined && isHarmlessDevice(target.resolved)) return undefined;
  const append = redirect.op === '>>' || redirect.op === '&>>' || redirect.op === '<>';
  const overwrites =
    !append && target.exists === true && target.isDirectory !== true && target.kind === 'path';
  const facts = {
    'overwrites-existing': overwrites,
    'redirect.append': append,
    'whole-disk': target.resolved !== undefined && isWholeDisk(target.resolved),
    // The parse stage reads known text written here as commands run at shell start.
    'startup-file': target.resolved !== undefined && isShellStartupFile(target.resolved),
    'content-known': staticOutput(command) !== undefined,
    untracked: overwrites && isUntracked(target, ctx) === true,
    'truncates-input': overwrites && readsFile(command, target.resolved, ctx),
  };
  return makeInvocation(command, {
    tool: 'redirect',
    subcommand: [redirect.op],
    positionals: [word.value],
    targets: [target],
    facts,
  });
}

/** Programs that print their arguments rather than read them as files. */
const printers = new Set(['echo', 'printf']);

/**
 * `sort data.csv > data.csv`, `jq . config.json > config.json`: the shell truncates the file
 * before the command reads it, so its content is gone whatever the command does.
 */
function readsFile(command: SimpleCommand, path: string | undefined, ctx: RecognizeContext): boolean {
  if (path === undefined || command.cwd === undefined || printers.has(command.program ?? '')) return false;
  const cwd = command.cwd;
  const same = (value: string | undefined) => value !== undefined && resolvePath(value, cwd, ctx.fs) === path;
  if (command.stdin?.kind === 'file' && same(command.stdin.path.value)) return true;
  return command.argv.slice(1).some((word) => {
    const value = word.value;
    if (value === undefined) return false;
    // `--input=file`, `if=file`: the part after `=` names the file.
    const equals = value.indexOf('=');
    return same(value) || (equals > 0 && same(value.slice(equals + 1)));
  });
}

export function redirectInvocations(command: SimpleCommand, ctx: RecognizeContext): Invocation[] {
  const out: Invocation[] = [];
  for (const redirect of command.redirects) {
    const invocation = redirectInvocation(command, redirect, ctx);
    if (invocation !== undefined) out.push({ ...invocation, program: 'redirect' });
  }
  return out;
}
