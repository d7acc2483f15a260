// The grammar above single commands: lists, and-or chains, pipelines, and dispatch to each command form.

import type { Command, List, ListItem, Pipeline, Redirect } from './ast.js';
import { at, consumeNewline, peekOp, peekReserved, redirectOps, skipLinebreaks, skipSpace } from './lexer.js';
import { parseCompound } from './parser-compound.js';
import { parseRedirect, parseSimple, redirectFdAt } from './parser-simple.js';
import { countNode, enter, failUnexpected, leave, type ParserState } from './parser-state.js';

const listClosers: ReadonlySet<string> = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}']);
const listEndOps: ReadonlySet<string> = new Set(['EOF', ')', ';;', ';&', ';;&']);

function atListEnd(p: ParserState): boolean {
  const op = peekOp(p);
  if (op !== '') return listEndOps.has(op);
  const reserved = peekReserved(p);
  return reserved !== undefined && listClosers.has(reserved);
}

/** Commands separated by `;`, `&` and newlines, up to EOF, `)`, `;;` or a closing reserved word. */
export function parseList(p: ParserState): List {
  skipLinebreaks(p);
  const start = p.pos;
  const items: ListItem[] = [];
  let end = start;
  while (!atListEnd(p)) {
    const command = parseAndOr(p);
    end = command.span.end;
    const op = peekOp(p);
    if (op === ';' || op === '&') {
      p.pos++;
      items.push({ command, separator: op });
      skipLinebreaks(p);
    } else if (op === '\n') {
      consumeNewline(p);
      items.push({ command, separator: '\n' });
      skipLinebreaks(p);
    } else {
      items.push({ command });
      break;
    }
  }
  countNode(p, start);
  return { type: 'List', items, span: { start, end } };
}

/** A list that must hold at least one command (bodies of if, while, groups…). */
export function parseNonEmptyList(p: ParserState): List {
  const list = parseList(p);
  if (list.items.length === 0) failUnexpected(p, p.pos);
  return list;
}

function parseAndOr(p: ParserState): Command {
  let left = parsePipeline(p);
  for (;;) {
    const op = peekOp(p);
    if (op !== '&&' && op !== '||') return left;
    p.pos += 2;
    skipLinebreaks(p);
    const right = parsePipeline(p);
    countNode(p, left.span.start);
    left = { type: 'AndOr', op, left, right, span: { start: left.span.start, end: right.span.end } };
  }
}

const emptyPipelineEnds: ReadonlySet<string> = new Set([';', '&', '\n', 'EOF', ')']);

function parsePipeline(p: ParserState): Command {
  skipSpace(p);
  const start = p.pos;
  let negated = false;
  let timed = false;
  let prefixed = false;
  for (;;) {
    const reserved = peekReserved(p);
    if (reserved === '!' || reserved === 'time') prefixed = true;
    if (reserved === '!') {
      negated = !negated;
      p.pos++;
    } else if (reserved === 'time') {
      timed = true;
      p.pos += 4;
      skipSpace(p);
      if (
        p.text.startsWith('-p', p.pos) &&
        (p.pos + 2 >= p.end || at(p, p.pos + 2) === 32 || at(p, p.pos + 2) === 9)
      ) {
        p.pos += 2;
      }
    } else break;
  }
  const commands: Command[] = [];
  const stderr: boolean[] = [];
  if (prefixed && emptyPipelineEnds.has(peekOp(p))) {
    countNode(p, start);
    return { type: 'Pipeline', commands, stderr, negated, timed, span: { start, end: p.pos } };
  }
  commands.push(parseCommand(p));
  for (;;) {
    const op = peekOp(p);
    if (op !== '|' && op !== '|&') break;
    p.pos += op.length;
    skipLinebreaks(p);
    if (peekReserved(p) === '!') failUnexpected(p, p.pos);
    stderr.push(op === '|&');
    commands.push(parseCommand(p));
  }
  const last = commands[commands.length - 1] as Command;
  if (commands.length === 1 && !prefixed) return last;
  countNode(p, start);
  const pipeline: Pipeline = {
    type: 'Pipeline',
    commands,
    stderr,
    negated,
    timed,
    span: { start, end: last.span.end },
  };
  return pipeline;
}

/** One command: compound (with its trailing redirections) or simple. */
export function parseCommand(p: ParserState): Command {
  const op = peekOp(p);
  const start = p.pos;
  let command: Command;
  enter(p, start);
  if (op === '(' || (op === '' && peekReserved(p) !== undefined)) {
    command = parseCompound(p) ?? parseSimple(p);
  } else if (op === '' || redirectOps.has(op)) {
    command = parseSimple(p);
  } else {
    failUnexpected(p, p.pos);
  }
  if (command.type !== 'Simple') {
    if ('redirects' in command) {
      parseTrailingRedirects(p, command.redirects);
      command.span = {
        start: command.span.start,
        end: Math.max(command.span.end, lastEnd(command.redirects)),
      };
    }
    const next = peekOp(p);
    if (next === '' || next === '(') failUnexpected(p, p.pos);
  }
  leave(p);
  return command;
}

function lastEnd(redirects: Redirect[]): number {
  const last = redirects[redirects.length - 1];
  return last === undefined ? 0 : last.span.end;
}

/** Redirections after a compound command or function body: `} > out 2>&1`. */
export function parseTrailingRedirects(p: ParserState, into: Redirect[]): void {
  for (;;) {
    const op = peekOp(p);
    if (redirectOps.has(op)) {
      into.push(parseRedirect(p, undefined, p.pos));
      continue;
    }
    if (op !== '') return;
    const fd = redirectFdAt(p);
    if (fd === undefined) return;
    into.push(parseRedirect(p, fd.fd, fd.start));
  }
}
