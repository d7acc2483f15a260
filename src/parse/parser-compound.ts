// Compound commands: subshells, groups, if, loops, case, functions, `((…))`, `[[…]]` and coproc.

import type { Command, FunctionDef, List, Word } from './ast.js';
import { at, consumeNewline, peekOp, peekReserved, skipLinebreaks, skipSpace } from './lexer.js';
import { scanArithmetic } from './lexer-arith.js';
import { readWord } from './lexer-word.js';
import { parseCase } from './parser-case.js';
import { parseTestCommand } from './parser-cond.js';
import { expectReserved, expectWord, node } from './parser-expect.js';
import { parseCommand, parseNonEmptyList } from './parser-list.js';
import { parseSimple } from './parser-simple.js';
import { fail, failUnexpected, type ParserState } from './parser-state.js';

const compoundStarters: ReadonlySet<string> = new Set([
  '{',
  'if',
  'while',
  'until',
  'for',
  'select',
  'case',
  '[[',
]);

/** The compound command at `p.pos`, or undefined when the reserved word there starts a simple command. */
export function parseCompound(p: ParserState): Command | undefined {
  const start = p.pos;
  if (peekOp(p) === '(')
    return at(p, start + 1) === 40 ? parseArithCommand(p, start) : parseSubshell(p, start);
  const reserved = peekReserved(p);
  switch (reserved) {
    case '{': {
      p.pos++;
      const body = parseNonEmptyList(p);
      expectReserved(p, '}');
      return node(p, { type: 'Group', body, redirects: [], span: { start, end: p.pos } });
    }
    case 'if':
      return parseIf(p, start);
    case 'while':
    case 'until': {
      p.pos += reserved.length;
      const condition = parseNonEmptyList(p);
      const body = parseDoGroup(p, false);
      return node(p, {
        type: 'While',
        until: reserved === 'until',
        condition,
        body,
        redirects: [],
        span: { start, end: p.pos },
      });
    }
    case 'for':
    case 'select':
      return parseForOrSelect(p, start, reserved);
    case 'case':
      return parseCase(p, start);
    case 'function': {
      p.pos += 8;
      const name = expectWord(p);
      skipSpace(p);
      return parseFunctionBody(p, name.text, start);
    }
    case '[[':
      return parseTestCommand(p, start);
    case 'coproc':
      return parseCoproc(p, start);
    case 'time':
      return parseTimed(p, start);
    case 'in':
      return undefined;
    default:
      return failUnexpected(p, start);
  }
}

function parseSubshell(p: ParserState, start: number): Command {
  p.pos++;
  const body = parseNonEmptyList(p);
  if (peekOp(p) !== ')') failUnexpected(p, p.pos);
  p.pos++;
  return node(p, { type: 'Subshell', body, redirects: [], span: { start, end: p.pos } });
}

/** `((…))`, unless the text only closes with `) )`, which bash reads as nested subshells. */
function parseArithCommand(p: ParserState, start: number): Command {
  const attempt = scanArithmetic(p, start + 2, '))');
  if (!attempt.ok) return parseSubshell(p, start);
  p.pos = attempt.end;
  return node(p, {
    type: 'ArithCommand',
    expr: attempt.expr,
    parts: attempt.parts,
    redirects: [],
    span: { start, end: attempt.end },
  });
}

/** `do … done`, or `{ … }` where bash allows it (for, select). */
function parseDoGroup(p: ParserState, braceAllowed: boolean): List {
  skipLinebreaks(p);
  if (braceAllowed && peekReserved(p) === '{') {
    p.pos++;
    const body = parseNonEmptyList(p);
    expectReserved(p, '}');
    return body;
  }
  expectReserved(p, 'do');
  const body = parseNonEmptyList(p);
  expectReserved(p, 'done');
  return body;
}

function parseIf(p: ParserState, start: number): Command {
  p.pos += 2;
  const clauses: { condition: List; body: List }[] = [];
  let elseBody: List | undefined;
  for (;;) {
    const condition = parseNonEmptyList(p);
    expectReserved(p, 'then');
    clauses.push({ condition, body: parseNonEmptyList(p) });
    const next = peekReserved(p);
    if (next === 'elif') {
      p.pos += 4;
      continue;
    }
    if (next === 'else') {
      p.pos += 4;
      elseBody = parseNonEmptyList(p);
    }
    expectReserved(p, 'fi');
    break;
  }
  const command: Command = { type: 'If', clauses, redirects: [], span: { start, end: p.pos } };
  if (elseBody !== undefined) command.elseBody = elseBody;
  return node(p, command);
}

/** Splits `init; cond; step` at the top-level semicolons. */
function splitArithFor(expr: string, offset: number): [string, string, string] {
  const pieces: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < expr.length; i++) {
    const c = expr.charCodeAt(i);
    if (c === 40) depth++;
    else if (c === 41) depth--;
    else if (c === 59 && depth === 0) {
      pieces.push(expr.slice(from, i));
      from = i + 1;
    }
  }
  pieces.push(expr.slice(from));
  if (pieces.length !== 3) fail('syntax error: arithmetic expression required', offset);
  return pieces as [string, string, string];
}

function parseForOrSelect(p: ParserState, start: number, keyword: 'for' | 'select'): Command {
  p.pos += keyword.length;
  skipSpace(p);
  if (keyword === 'for' && at(p, p.pos) === 40 && at(p, p.pos + 1) === 40) {
    const attempt = scanArithmetic(p, p.pos + 2, '))');
    if (!attempt.ok) failUnexpected(p, p.pos);
    const [init, condition, step] = splitArithFor(attempt.expr, p.pos);
    p.pos = attempt.end;
    const op = peekOp(p);
    if (op === ';') p.pos++;
    const body = parseDoGroup(p, true);
    return node(p, {
      type: 'ArithFor',
      init,
      condition,
      step,
      parts: attempt.parts,
      body,
      redirects: [],
      span: { start, end: p.pos },
    });
  }
  const variable = expectWord(p).text;
  skipLinebreaks(p);
  let items: Word[] | undefined;
  if (peekReserved(p) === 'in') {
    p.pos += 2;
    items = [];
    for (;;) {
      const op = peekOp(p);
      if (op === '') items.push(readWord(p) as Word);
      else if (op === ';') {
        p.pos++;
        break;
      } else if (op === '\n') {
        consumeNewline(p);
        break;
      } else failUnexpected(p, p.pos);
    }
  } else if (peekOp(p) === ';') {
    p.pos++;
  }
  const body = parseDoGroup(p, true);
  const command: Command =
    keyword === 'for'
      ? { type: 'For', variable, body, redirects: [], span: { start, end: p.pos } }
      : { type: 'Select', variable, body, redirects: [], span: { start, end: p.pos } };
  if (items !== undefined) command.items = items;
  return node(p, command);
}

/** After the name: optional `()`, then any compound command as the body. */
export function parseFunctionBody(p: ParserState, name: string, start: number): FunctionDef {
  if (peekOp(p) === '(') {
    p.pos++;
    if (peekOp(p) !== ')') failUnexpected(p, p.pos);
    p.pos++;
  }
  skipLinebreaks(p);
  const op = peekOp(p);
  const reserved = op === '' ? peekReserved(p) : undefined;
  if (op !== '(' && (reserved === undefined || !compoundStarters.has(reserved))) failUnexpected(p, p.pos);
  const body = parseCompound(p) as Command;
  return node(p, { type: 'Function', name, body, redirects: [], span: { start, end: body.span.end } });
}

/** `time` inside a pipeline (`a | time b`) still times the command after it. */
function parseTimed(p: ParserState, start: number): Command {
  p.pos += 4;
  skipSpace(p);
  if (
    p.text.startsWith('-p', p.pos) &&
    (p.pos + 2 >= p.end || at(p, p.pos + 2) === 32 || at(p, p.pos + 2) === 9)
  ) {
    p.pos += 2;
  }
  const body = parseCommand(p);
  return node(p, {
    type: 'Pipeline',
    commands: [body],
    stderr: [],
    negated: false,
    timed: true,
    span: { start, end: body.span.end },
  });
}

/** `coproc [NAME] compound` or `coproc simple-command`. */
function parseCoproc(p: ParserState, start: number): Command {
  p.pos += 6;
  const op = peekOp(p);
  if (op !== '' && op !== '(') failUnexpected(p, p.pos);
  const startsCompound = (): boolean => {
    const next = peekOp(p);
    const reserved = next === '' ? peekReserved(p) : undefined;
    return next === '(' || (reserved !== undefined && compoundStarters.has(reserved));
  };
  let name: string | undefined;
  let body: Command;
  if (startsCompound()) {
    body = parseCommand(p);
  } else {
    const saved = p.pos;
    const savedNodes = p.nodes;
    const word = readWord(p) as Word;
    if (startsCompound()) {
      name = word.text;
      body = parseCommand(p);
    } else {
      p.pos = saved;
      p.nodes = savedNodes;
      body = parseSimple(p);
    }
  }
  const command: Command = { type: 'Coproc', body, span: { start, end: body.span.end } };
  if (name !== undefined) command.name = name;
  return node(p, command);
}
