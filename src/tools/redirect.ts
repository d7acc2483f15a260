// Output redirections as invocations of the pseudo-tool `redirect`, so rules see
// `> existing-file`, `> /dev/sda` and writes into airlock's own files like any command.

import type { ResolvedRedirect, SimpleCommand } from '../parse/command.js';
import type { Invocation, RecognizeContext } from './invocation.js';
import { makeInvocation } from './make-invocation.js';
import { isHarmlessDevice, pathTarget } from './paths.js';

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
  return makeInvocation(command, {
    tool: 'redirect',
    subcommand: [redirect.op],
    positionals: [word.value],
    targets: [target],
    facts: { 'overwrites-existing': overwrites, 'redirect.append': append },
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
