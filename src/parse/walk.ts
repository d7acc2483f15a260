// Walks the shell syntax tree in execution order, tracking variables and the working
// directory, and hands every simple command to walkSimple.

import { posix } from 'node:path';
import type { Command, List, Redirect, Script } from './ast.js';
import type { SimpleCommand, StdinSource } from './command.js';
import { addName, cloneState, mergeUncertain, type ShellState } from './expand-state.js';
import { collectEffects, type Effects, prescanScript } from './walk-prescan.js';
import { resolveRedirects, stdinFromRedirects } from './walk-redirects.js';
import { walkSimple } from './walk-simple.js';
import { copyFrame, type Frame, type Sink, withContext } from './walk-types.js';
import { walkPartsSubstitutions, walkRedirectSubstitutions, walkWordSubstitutions } from './walk-words.js';

export function walkScriptBody(script: Script, state: ShellState, frame: Frame, sink: Sink): void {
  const inner = copyFrame(frame);
  inner.facts = prescanScript(script.body);
  walkCommand(script.body, state, inner, sink);
}

export function walkCommand(command: Command, state: ShellState, frame: Frame, sink: Sink): void {
  if (sink.limitReached) return;
  switch (command.type) {
    case 'Simple':
      walkSimple(command, state, frame, sink);
      return;
    case 'List':
      walkList(command, state, frame, sink);
      return;
    case 'Pipeline':
      walkPipeline(command, state, frame, sink);
      return;
    case 'AndOr': {
      walkCommand(command.left, state, frame, sink);
      // The right side may not run: what it changes is uncertain afterwards.
      const branch = cloneState(state);
      const rightFrame = withContext(frame, command.op === '&&' ? 'and' : 'or');
      const missing = provenMissing(command.left, command.op, state);
      if (missing !== undefined) rightFrame.absent = [...(frame.absent ?? []), missing];
      walkCommand(command.right, branch, rightFrame, sink);
      mergeUncertain(state, branch);
      return;
    }
    case 'Subshell':
      walkCommand(
        command.body,
        cloneState(state),
        redirected(command.redirects, state, withContext(frame, 'subshell'), sink),
        sink,
      );
      return;
    case 'Group':
      walkCommand(
        command.body,
        state,
        redirected(command.redirects, state, withContext(frame, 'group'), sink),
        sink,
      );
      return;
    case 'Function':
      walkFunction(command, state, frame, sink);
      return;
    default:
      walkControl(command, state, frame, sink);
  }
}

const EXISTENCE_TESTS = new Set(['-e', '-f', '-s', '-a']);
const PLAIN_WORD = /^[A-Za-z0-9_./@%+,:=-]+$/;

/**
 * `[ -f .env ] || cp …` and `[ ! -e out ] && cp …`: the right side runs only when the file
 * is missing. Returns its absolute path, when the test is that simple and the path literal.
 */
function provenMissing(left: Command, op: '&&' | '||', state: ShellState): string | undefined {
  let words: string[];
  if (left.type === 'Simple' && left.redirects.length === 0) {
    words = left.words.map((word) => word.text);
    if (words[0] === '[' && words[words.length - 1] === ']') words = words.slice(1, -1);
    else if (words[0] === 'test') words = words.slice(1);
    else return undefined;
  } else if (left.type === 'Test') words = left.words.map((word) => word.text);
  else return undefined;
  const negated = words[0] === '!';
  if (negated) words = words.slice(1);
  // `||` after a passing test, or `&&` after a negated one.
  if (negated !== (op === '&&') || words.length !== 2 || !EXISTENCE_TESTS.has(words[0]!)) return undefined;
  const path = words[1]!;
  if (!PLAIN_WORD.test(path) || state.cwd === undefined) return undefined;
  return posix.resolve(state.cwd, path);
}

function walkList(list: List, state: ShellState, frame: Frame, sink: Sink): void {
  for (const item of list.items) {
    if (item.separator === '&') {
      walkCommand(item.command, cloneState(state), withContext(frame, 'background'), sink);
    } else {
      walkCommand(item.command, state, frame, sink);
    }
  }
}

function walkPipeline(
  pipeline: Extract<Command, { type: 'Pipeline' }>,
  state: ShellState,
  frame: Frame,
  sink: Sink,
): void {
  const base = pipeline.negated ? withContext(frame, 'negated') : frame;
  if (pipeline.commands.length === 1) {
    walkCommand(pipeline.commands[0]!, state, base, sink);
    return;
  }
  const earlier: SimpleCommand[] = [];
  const contexts = [...base.contexts, 'pipeline' as const];
  let producer: SimpleCommand[] | undefined;
  for (let index = 0; index < pipeline.commands.length; index++) {
    const element = pipeline.commands[index] as Command;
    const collector: SimpleCommand[] = [];
    const stdin: StdinSource | undefined = index === 0 ? base.stdin : pipeFrom(earlier, earlier.length);
    const elementFrame = copyFrame(base);
    elementFrame.contexts = contexts;
    elementFrame.stdin = stdin;
    elementFrame.producer = producer;
    elementFrame.collector = collector;
    // Every element of a pipeline runs in its own subshell.
    walkCommand(element, cloneState(state), elementFrame, sink);
    earlier.push(...collector);
    producer = collector;
  }
}

/**
 * The commands before this element, copied only when someone asks: copying them for every
 * element would make a long pipeline quadratic.
 */
function pipeFrom(earlier: readonly SimpleCommand[], count: number): StdinSource {
  let from: SimpleCommand[] | undefined;
  return {
    kind: 'pipe',
    get from() {
      from ??= earlier.slice(0, count);
      return from;
    },
  };
}

function walkFunction(
  fn: Extract<Command, { type: 'Function' }>,
  state: ShellState,
  frame: Frame,
  sink: Sink,
): void {
  addName(state, 'functions', fn.name);
  // The body runs whenever it is called: anything the line assigns may differ by then.
  const inner = cloneState(state);
  for (const name of frame.facts.assigned) inner.vars.set(name, undefined);
  if (frame.facts.changesDir) inner.cwd = undefined;
  inner.positional = undefined;
  const fnFrame = withContext(frame, 'function');
  fnFrame.functionName = fn.name;
  fnFrame.functionContextStart = frame.contexts.length + 1;
  fnFrame.stdin = undefined;
  fnFrame.producer = undefined;
  fnFrame.collector = undefined;
  walkCommand(fn.body, inner, redirected(fn.redirects, inner, fnFrame, sink), sink);
}

/** Redirects on a compound command: their substitutions run, and a `<` feeds the body's stdin. */
function redirected(redirects: Redirect[], state: ShellState, frame: Frame, sink: Sink): Frame {
  if (redirects.length === 0) return frame;
  walkRedirectSubstitutions(redirects, state, frame, sink);
  const stdin = stdinFromRedirects(resolveRedirects(redirects, state, frame));
  if (stdin === undefined) return frame;
  const inner = copyFrame(frame);
  inner.stdin = stdin;
  inner.producer = undefined;
  return inner;
}

/**
 * Loops may run any number of times: what their body changes is unknown from the first
 * iteration on, and afterwards. Returns the state the loop runs in.
 */
function loopState(body: Command[], state: ShellState): ShellState {
  const effects: Effects = { assigned: new Set(), changesDir: false };
  for (const command of body) collectEffects(command, effects);
  for (const name of effects.assigned) state.vars.set(name, undefined);
  if (effects.changesDir) state.cwd = undefined;
  return cloneState(state);
}

function walkControl(command: Command, state: ShellState, frame: Frame, sink: Sink): void {
  switch (command.type) {
    case 'If': {
      const inIf = redirected(command.redirects, state, withContext(frame, 'if'), sink);
      const condition = withContext(inIf, 'condition');
      const [first, ...rest] = command.clauses;
      if (first === undefined) return;
      // The first condition always runs; everything after it may or may not.
      walkCommand(first.condition, state, condition, sink);
      const branches: ShellState[] = [cloneState(state)];
      walkCommand(first.body, branches[0]!, inIf, sink);
      for (const clause of rest) {
        const branch = cloneState(state);
        walkCommand(clause.condition, branch, condition, sink);
        walkCommand(clause.body, branch, inIf, sink);
        branches.push(branch);
      }
      if (command.elseBody) {
        const branch = cloneState(state);
        walkCommand(command.elseBody, branch, inIf, sink);
        branches.push(branch);
      }
      for (const branch of branches) mergeUncertain(state, branch);
      return;
    }
    case 'While': {
      const inLoop = redirected(command.redirects, state, withContext(frame, 'loop'), sink);
      const inside = loopState([command.condition, command.body], state);
      walkCommand(command.condition, inside, withContext(inLoop, 'condition'), sink);
      walkCommand(command.body, inside, inLoop, sink);
      mergeUncertain(state, inside);
      return;
    }
    case 'For':
    case 'Select': {
      for (const item of command.items ?? []) walkWordSubstitutions(item, state, frame, sink);
      const inLoop = redirected(command.redirects, state, withContext(frame, 'loop'), sink);
      state.vars.set(command.variable, undefined);
      const inside = loopState([command.body], state);
      walkCommand(command.body, inside, inLoop, sink);
      mergeUncertain(state, inside);
      return;
    }
    case 'ArithFor': {
      walkPartsSubstitutions(command.parts, state, frame, sink);
      const inLoop = redirected(command.redirects, state, withContext(frame, 'loop'), sink);
      const inside = loopState([command.body], state);
      walkCommand(command.body, inside, inLoop, sink);
      mergeUncertain(state, inside);
      return;
    }
    case 'Case': {
      walkWordSubstitutions(command.word, state, frame, sink);
      const inCase = redirected(command.redirects, state, withContext(frame, 'case'), sink);
      const branches: ShellState[] = [];
      for (const item of command.items) {
        for (const pattern of item.patterns) walkWordSubstitutions(pattern, state, frame, sink);
        const branch = cloneState(state);
        walkCommand(item.body, branch, inCase, sink);
        branches.push(branch);
      }
      for (const branch of branches) mergeUncertain(state, branch);
      return;
    }
    case 'Test':
      for (const word of command.words) walkWordSubstitutions(word, state, frame, sink);
      redirected(command.redirects, state, frame, sink);
      return;
    case 'ArithCommand':
      walkPartsSubstitutions(command.parts, state, frame, sink);
      redirected(command.redirects, state, frame, sink);
      return;
    case 'Coproc':
      walkCommand(command.body, cloneState(state), withContext(frame, 'background'), sink);
      return;
    default:
      return;
  }
}
