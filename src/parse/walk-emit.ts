// Recording what the walk finds, within the command budget.

import type { Hazard, SimpleCommand, Unknown } from './command.js';
import { type Frame, MAX_COMMANDS, type Sink } from './walk-types.js';

export function emitCommand(command: SimpleCommand, frame: Frame, sink: Sink): SimpleCommand {
  if (sink.commands.length >= MAX_COMMANDS) {
    if (!sink.limitReached) {
      sink.limitReached = true;
      sink.unknowns.push({ kind: 'limit', reason: `more than ${MAX_COMMANDS} commands in one line` });
    }
    return command;
  }
  const emitted = finalize(command);
  sink.commands.push(emitted);
  frame.collector?.push(emitted);
  return emitted;
}

/** A fresh object with only the optional fields that are set (drafts carry `undefined`s). */
function finalize(draft: SimpleCommand): SimpleCommand {
  const command: SimpleCommand = {
    argv: draft.argv,
    env: draft.env,
    redirects: draft.redirects,
    wrappers: draft.wrappers,
    origin: draft.origin,
    context: draft.context,
    span: draft.span,
    text: draft.text,
  };
  if (draft.program !== undefined) command.program = draft.program;
  if (draft.programPath !== undefined) command.programPath = draft.programPath;
  if (draft.cwd !== undefined) command.cwd = draft.cwd;
  if (draft.stdin !== undefined) command.stdin = draft.stdin;
  if (draft.remote !== undefined) command.remote = draft.remote;
  if (draft.absent !== undefined) command.absent = draft.absent;
  return command;
}

export function addHazard(sink: Sink, kind: Hazard['kind'], reason: string, command: SimpleCommand): void {
  sink.hazards.push({ kind, reason, command, text: command.text, span: command.span });
}

export function addUnknown(sink: Sink, kind: Unknown['kind'], reason: string, command?: SimpleCommand): void {
  const unknown: Unknown = { kind, reason };
  if (command) {
    unknown.command = command.text;
    unknown.span = command.span;
  }
  sink.unknowns.push(unknown);
}
