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
  if (command.remote === undefined) delete command.remote;
  if (command.cwd === undefined) delete command.cwd;
  if (command.stdin === undefined) delete command.stdin;
  sink.commands.push(command);
  frame.collector?.push(command);
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
