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
  const emitted = shapedCommand(command);
  sink.commands.push(emitted);
  frame.collector?.push(emitted);
  return emitted;
}

/**
 * A fresh copy with every key, in one order. Commands of one shape keep the recognizers'
 * property reads monomorphic, and V8 (Node 20) copies `{ ...command, key }` ~30x slower
 * when `key` is missing.
 */
export function shapedCommand(draft: SimpleCommand, argv = draft.argv): SimpleCommand {
  return {
    argv,
    program: draft.program,
    programPath: draft.programPath,
    env: draft.env,
    cwd: draft.cwd,
    redirects: draft.redirects,
    stdin: draft.stdin,
    wrappers: draft.wrappers,
    origin: draft.origin,
    absent: draft.absent,
    remote: draft.remote,
    context: draft.context,
    span: draft.span,
    text: draft.text,
  };
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
