// Turns an expanded argv into SimpleCommands: peels wrappers, hands shells and eval to the
// nested re-parser, records hazards, and applies builtins (`cd`, `export`) to the state.

import { posix } from 'node:path';
import type { ArgWord, SimpleCommand } from './command.js';
import { createState, type ShellState } from './expand-state.js';
import { runNested } from './nested.js';
import { emitFindExecs } from './nested-find.js';
import { runPlanted } from './nested-later.js';
import { unwrapStep } from './unwrap.js';
import type { UnwrapStep } from './unwrap-types.js';
import { applyBuiltin } from './walk-builtins.js';
import { addHazard, emitCommand, shapedCommand } from './walk-emit.js';
import { copyFrame, type Frame, framedIn, type Sink } from './walk-types.js';

/** Wrappers nest (`sudo env X=1 nice rm`), but not without bound. */
const MAX_WRAPPERS = 16;
const SHELL_BUILTIN_WRAPPERS = new Set(['command', 'builtin']);

export function dispatchCommand(
  argv: ArgWord[],
  draft: SimpleCommand,
  state: ShellState,
  frame: Frame,
  sink: Sink,
): void {
  let command = shapedCommand(draft, argv);
  for (let round = 0; ; round++) {
    if (command.argv.length === 0) {
      emitCommand(command, frame, sink);
      return;
    }
    const head = programOf(command.argv[0]!);
    if (head.dynamic !== undefined) {
      const emitted = emitCommand(command, frame, sink);
      addHazard(sink, 'dynamic-command', `the program name is not known: ${head.dynamic}`, emitted);
      return;
    }
    // `command` is this loop's own copy (draftOf, or the unwrapped copy below): set in place.
    command.program = head.program;
    command.programPath = head.path;
    if (round >= MAX_WRAPPERS) break;
    const step = unwrapStep(head.program, command.argv);
    if (step.kind === 'none') break;
    if (step.kind === 'stuck') {
      const emitted = emitCommand(command, frame, sink);
      addHazard(sink, 'dynamic-command', step.reason, emitted);
      return;
    }
    const wrapped = applyWrapper(command, step);
    if (step.kind === 'script') {
      runWrappedScript(wrapped, step, frame, sink);
      return;
    }
    // applyWrapper returned a copy of its own.
    wrapped.argv = step.argv;
    command = wrapped;
    if (step.placeholder) {
      frame = copyFrame(frame);
      frame.placeholder = step.placeholder;
    }
  }
  // Shell text gets its placeholders marked when re-parsed; plain argv gets them here.
  if (!runNested(command, state, frame, sink)) emitCommand(withPlaceholders(command, frame), frame, sink);
  if (command.redirects.length > 0) runPlanted(command, frame, sink);
  if (command.program === 'find')
    emitFindExecs(command, frame, sink, (argv, draft, inner) =>
      dispatchCommand(argv, draft, createState(draft.env, draft.cwd), inner, sink),
    );
  checkForkBomb(command, frame, sink);
  const ownWrappers = command.wrappers.slice(draft.wrappers.length);
  if (ownWrappers.every((wrapper) => SHELL_BUILTIN_WRAPPERS.has(wrapper.name)))
    applyBuiltin(command, state, frame.facts);
}

/** `{}` of find -exec and xargs -I is filled in at run time (the program name stays). */
function withPlaceholders(command: SimpleCommand, frame: Frame): SimpleCommand {
  const placeholder = frame.placeholder;
  if (placeholder === undefined) return command;
  const argv = command.argv.map((word, index) => {
    const text = word.value ?? word.pattern;
    if (index === 0 || !text?.includes(placeholder.token)) return word;
    return { text: word.text, span: word.span, dynamic: placeholder.reason };
  });
  return { ...command, argv };
}

export function programOf(
  word: ArgWord,
): { program: string; path?: string; dynamic?: undefined } | { dynamic: string } {
  if (word.value === undefined) return { dynamic: word.dynamic ?? `${word.text} is a glob pattern` };
  if (word.value === '') return { dynamic: 'the program name is empty' };
  if (!word.value.includes('/')) return { program: word.value };
  const program = posix.basename(word.value);
  return program === '' ? { dynamic: `${word.value} is a directory` } : { program, path: word.value };
}

function applyWrapper(
  command: SimpleCommand,
  step: Exclude<UnwrapStep, { kind: 'none' | 'stuck' }>,
): SimpleCommand {
  // The wrapper is named by its program (`/usr/bin/sudo` → sudo).
  const wrapper = { ...step.wrapper, name: command.program ?? step.wrapper.name };
  const next: SimpleCommand = { ...command, wrappers: [...command.wrappers, wrapper] };
  if (step.kind === 'inner') {
    if (step.env) {
      const env: Record<string, string | undefined> = step.env.clear ? {} : { ...command.env };
      for (const name of step.env.unset ?? []) delete env[name];
      Object.assign(env, step.env.set);
      next.env = env;
    }
    if (step.cwd) {
      const path = step.cwd.path;
      next.cwd =
        path === undefined
          ? undefined
          : posix.isAbsolute(path)
            ? posix.normalize(path)
            : command.cwd && posix.resolve(command.cwd, path);
    }
  }
  if (step.origin) next.origin = [...command.origin, step.origin];
  return next;
}

function runWrappedScript(
  command: SimpleCommand,
  step: Extract<UnwrapStep, { kind: 'script' }>,
  frame: Frame,
  sink: Sink,
): void {
  if (step.text === undefined) {
    const emitted = emitCommand(command, frame, sink);
    addHazard(
      sink,
      'dynamic-eval',
      `${step.wrapper.name} runs a command that is not known statically: ${step.dynamic ?? ''}`,
      emitted,
    );
    return;
  }
  sink.reparse(
    {
      text: step.text,
      origin: [...command.origin],
      state: createState(command.env, command.cwd),
      wrappers: command.wrappers,
      wordSpan: step.span,
      ...(step.placeholder ? { placeholder: step.placeholder } : {}),
    },
    framedIn(frame, command),
  );
}

/** `:(){ :|:& };:` — a function that starts copies of itself in a pipeline or the background. */
function checkForkBomb(command: SimpleCommand, frame: Frame, sink: Sink): void {
  if (frame.functionName === undefined || command.program !== frame.functionName) return;
  const inside = frame.contexts.slice(frame.functionContextStart ?? 0);
  const reason = `function ${frame.functionName} starts copies of itself`;
  if (sink.hazards.some((hazard) => hazard.kind === 'fork-bomb' && hazard.reason === reason)) return;
  if (inside.includes('pipeline') || inside.includes('background')) {
    addHazard(sink, 'fork-bomb', reason, command);
  }
}
