// Hands nested shell text to the re-parser, or reports it as a dynamic eval when unknown.

import type { ArgWord, Origin, SimpleCommand } from './command.js';
import { createState, type ShellState } from './expand-state.js';
import { addHazard, emitCommand } from './walk-emit.js';
import { type Frame, framedIn, type Sink } from './walk-types.js';

/** Runs the text of one argv word (`sh -c TEXT`). */
export function runText(
  command: SimpleCommand,
  word: ArgWord,
  origin: Origin,
  state: ShellState,
  frame: Frame,
  sink: Sink,
): boolean {
  if (word.value === undefined) {
    dynamicEval(
      command,
      `${command.program} runs text that is not known: ${word.dynamic ?? word.text}`,
      frame,
      sink,
    );
    // `sh -c "rm -rf $DIR"`: the commands are still visible in the quoted text, with the
    // unknown parts left to expand (dynamically) in the nested shell.
    const approximate = quotedTemplate(word.text);
    if (approximate !== undefined) reparse(command, approximate, origin, state, word.span, frame, sink);
    return true;
  }
  return reparse(command, word.value, origin, state, word.span, frame, sink);
}

export function reparse(
  command: SimpleCommand,
  text: string,
  origin: Origin,
  state: ShellState,
  wordSpan: SimpleCommand['span'],
  frame: Frame,
  sink: Sink,
): boolean {
  sink.reparse(
    {
      text,
      origin: [...command.origin, origin],
      state,
      wordSpan,
      ...(command.remote ? { remote: command.remote } : {}),
      wrappers: command.wrappers,
    },
    framedIn(frame, command),
  );
  return true;
}

export function dynamicEval(command: SimpleCommand, reason: string, frame: Frame, sink: Sink): boolean {
  const emitted = emitCommand(command, frame, sink);
  addHazard(sink, 'dynamic-eval', reason, emitted);
  return true;
}

/** A new shell process sees only the exported environment, in the same directory. */
export function newProcessState(command: SimpleCommand): ShellState {
  return createState(command.env, command.cwd);
}

/** The inside of a plain double-quoted word without substitutions or escapes, if it is one. */
function quotedTemplate(text: string): string | undefined {
  if (text.length < 2 || !text.startsWith('"') || !text.endsWith('"')) return undefined;
  const inner = text.slice(1, -1);
  if (inner.includes('"') || inner.includes('\\') || inner.includes('`') || inner.includes('$('))
    return undefined;
  // `"$CMD"`: the command name itself is unknown, which the hazard already says.
  return inner.trimStart().startsWith('$') ? undefined : inner;
}
