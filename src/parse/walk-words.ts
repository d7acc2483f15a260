// Finds the commands hidden inside words: `$(…)`, backticks and `<(…)` anywhere, including
// inside double quotes, `${x:-$(…)}` operator words, arithmetic, heredoc bodies and redirects.

import type { Redirect, Word, WordPart } from './ast.js';
import { cloneState, type ShellState } from './expand-state.js';
import { type Frame, type Sink, withContext } from './walk-types.js';

export function walkWordSubstitutions(word: Word, state: ShellState, frame: Frame, sink: Sink): void {
  walkParts(word.parts, state, frame, sink);
}

export function walkPartsSubstitutions(parts: WordPart[], state: ShellState, frame: Frame, sink: Sink): void {
  walkParts(parts, state, frame, sink);
}

export function walkRedirectSubstitutions(
  redirects: Redirect[],
  state: ShellState,
  frame: Frame,
  sink: Sink,
): void {
  for (const redirect of redirects) {
    walkParts(redirect.target.parts, state, frame, sink);
    // A quoted heredoc delimiter makes the body literal: nothing runs from it.
    if (redirect.heredoc && !redirect.heredoc.quoted)
      walkParts(redirect.heredoc.body.parts, state, frame, sink);
  }
}

function walkParts(parts: WordPart[], state: ShellState, frame: Frame, sink: Sink): void {
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as WordPart;
    if (sink.limitReached) return;
    switch (part.type) {
      case 'DoubleQuoted':
        walkParts(part.parts, state, frame, sink);
        break;
      case 'Param':
        if (part.arg) walkParts(part.arg.parts, state, frame, sink);
        break;
      case 'Arith':
        walkParts(part.parts, state, frame, sink);
        break;
      case 'CommandSub':
        // Substitutions run in a subshell: their assignments and `cd` do not leak out.
        sink.walkScript(part.body, cloneState(state), substitutionFrame(frame, 'command-substitution'));
        break;
      case 'ProcessSub':
        sink.walkScript(part.body, cloneState(state), substitutionFrame(frame, 'process-substitution'));
        break;
      default:
        break;
    }
  }
}

function substitutionFrame(frame: Frame, kind: 'command-substitution' | 'process-substitution'): Frame {
  const inner = withContext(frame, kind);
  inner.stdin = undefined;
  inner.producer = undefined;
  inner.collector = undefined;
  return inner;
}
