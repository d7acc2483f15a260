// One simple command: run its substitutions, expand its words, apply its assignments, and
// hand the argv to the dispatcher (wrappers, nested shells, emission).

import type { Assignment, SimpleCommandNode } from './ast.js';
import type { ArgWord } from './command.js';
import type { ShellState } from './expand-state.js';
import { exportedEnv } from './expand-state.js';
import { type Expanded, expandWordToFields, expandWordToString } from './expand-word.js';
import { dispatchCommand } from './walk-dispatch.js';
import { resolveRedirects, stdinFromRedirects } from './walk-redirects.js';
import { type Frame, type Sink, spanIn } from './walk-types.js';
import { walkRedirectSubstitutions, walkWordSubstitutions } from './walk-words.js';

const DECLARATIONS = new Set(['export', 'declare', 'typeset', 'local', 'readonly']);
const ASSIGNMENT_WORD = /^[A-Za-z_][A-Za-z0-9_]*\+?=/;

export function walkSimple(node: SimpleCommandNode, state: ShellState, frame: Frame, sink: Sink): void {
  for (const assignment of node.assignments) {
    if (assignment.value) walkWordSubstitutions(assignment.value, state, frame, sink);
    for (const element of assignment.array ?? []) walkWordSubstitutions(element, state, frame, sink);
  }
  for (const word of node.words) walkWordSubstitutions(word, state, frame, sink);
  walkRedirectSubstitutions(node.redirects, state, frame, sink);
  if (sink.limitReached) return;

  const argv: ArgWord[] = [];
  const declaring = DECLARATIONS.has(node.words[0]?.text ?? '');
  for (const word of node.words) {
    const where = { text: word.text, span: spanIn(frame, word.span) };
    if (declaring && ASSIGNMENT_WORD.test(word.text)) {
      // `export X=$Y` assigns without field splitting, like a plain assignment.
      const value = expandWordToString(word, state, 'assignment');
      argv.push(
        value.value === undefined
          ? { text: where.text, span: where.span, dynamic: value.dynamic }
          : { text: where.text, span: where.span, value: value.value },
      );
    } else argv.push(...expandWordToFields(word, state, where));
  }
  markPlaceholders(argv, frame);
  const redirects = resolveRedirects(node.redirects, state, frame);
  const text = frame.source.slice(node.span.start, node.span.end);

  if (argv.length === 0) {
    // Assignments alone change the shell itself.
    for (const assignment of node.assignments)
      assign(state, assignment.name, assignmentValue(assignment, state));
    // A bare `> file` still truncates the file, so it is reported with an empty argv.
    if (redirects.length === 0) return;
  }

  let env = exportedEnv(state);
  if (argv.length > 0 && node.assignments.length > 0) {
    const withPrefix: Record<string, string | undefined> = { ...env };
    // Prefix assignments reach only this command's environment, left to right.
    const scratch = { ...state, vars: state.vars.clone() };
    for (const assignment of node.assignments) {
      const value = assignmentValue(assignment, scratch);
      scratch.vars.set(assignment.name, value);
      withPrefix[assignment.name] = value;
    }
    env = withPrefix;
  }
  const stdin = stdinFromRedirects(redirects) ?? frame.stdin;
  dispatchCommand(
    argv,
    {
      argv,
      env,
      cwd: state.cwd,
      redirects,
      stdin,
      wrappers: frame.wrappers ?? [],
      origin: frame.origin,
      remote: frame.remote,
      absent: frame.absent,
      context: frame.contexts,
      span: spanIn(frame, node.span),
      text,
    },
    state,
    frame,
    sink,
  );
}

function assignmentValue(assignment: Assignment, state: ShellState): string | undefined {
  if (assignment.value === undefined) return undefined;
  const value: Expanded = expandWordToString(assignment.value, state, 'assignment');
  if (value.value === undefined) return undefined;
  if (!assignment.append) return value.value;
  const previous = state.vars.has(assignment.name) ? state.vars.get(assignment.name) : '';
  return previous === undefined ? undefined : previous + value.value;
}

function assign(state: ShellState, name: string, value: string | undefined): void {
  state.vars.set(name, value);
}

/** `{}` of find -exec, xargs -I and parallel are filled in at run time. */
function markPlaceholders(argv: ArgWord[], frame: Frame): void {
  const placeholder = frame.placeholder;
  if (placeholder === undefined) return;
  for (const [index, word] of argv.entries()) {
    const text = word.value ?? word.pattern;
    if (text?.includes(placeholder.token))
      argv[index] = { text: word.text, span: word.span, dynamic: placeholder.reason };
  }
}
