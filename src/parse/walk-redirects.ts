// Redirects resolved to static values where possible, and the standard input they give.

import type { Redirect } from './ast.js';
import type { ArgWord, ResolvedRedirect, StdinSource } from './command.js';
import type { ShellState } from './expand-state.js';
import { expandWordToString } from './expand-word.js';
import { type Frame, spanIn } from './walk-types.js';

export function resolveRedirects(redirects: Redirect[], state: ShellState, frame: Frame): ResolvedRedirect[] {
  return redirects.map((redirect) => resolveRedirect(redirect, state, frame));
}

function resolveRedirect(redirect: Redirect, state: ShellState, frame: Frame): ResolvedRedirect {
  const target: ArgWord = { text: redirect.target.text, span: spanIn(frame, redirect.target.span) };
  const resolved: ResolvedRedirect = { op: redirect.op, target };
  if (redirect.fd !== undefined) resolved.fd = redirect.fd;
  const heredoc = redirect.heredoc;
  if (heredoc) {
    target.value = heredoc.delimiter;
    const body = heredoc.quoted
      ? { value: heredoc.body.parts.map((part) => ('value' in part ? part.value : '')).join('') }
      : expandWordToString(heredoc.body, state, 'none');
    if (body.value !== undefined) resolved.heredocBody = body.value;
    else resolved.heredocDynamic = body.dynamic;
    return resolved;
  }
  // A here-string and a file name are expanded like one word, without splitting.
  const value = expandWordToString(redirect.target, state, 'word');
  if (value.value !== undefined) target.value = value.value;
  else target.dynamic = value.dynamic;
  return resolved;
}

/** The last redirect of fd 0 decides where stdin comes from. */
export function stdinFromRedirects(redirects: ResolvedRedirect[]): StdinSource | undefined {
  let stdin: StdinSource | undefined;
  for (const redirect of redirects) {
    const fd = redirect.fd ?? 0;
    if (fd !== 0 && fd !== '0') continue;
    switch (redirect.op) {
      case '<':
      case '<>':
        stdin = { kind: 'file', path: redirect.target };
        break;
      case '<<':
      case '<<-':
        stdin =
          redirect.heredocBody !== undefined
            ? { kind: 'heredoc', text: redirect.heredocBody }
            : { kind: 'heredoc', dynamic: redirect.heredocDynamic ?? 'heredoc body is not known' };
        break;
      case '<<<':
        stdin =
          redirect.target.value !== undefined
            ? { kind: 'herestring', text: `${redirect.target.value}\n` }
            : { kind: 'herestring', dynamic: redirect.target.dynamic ?? 'here-string is not known' };
        break;
      default:
        break;
    }
  }
  return stdin;
}
