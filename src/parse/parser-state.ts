// The mutable state one parse shares across the lexer and the grammar: position, bounds, limits and counters.

import type { ParseErrorKind, ParseLimits, Redirect, Span } from './ast.js';

export const defaultLimits: ParseLimits = { maxInput: 1024 * 1024, maxDepth: 200, maxNodes: 200_000 };

/** Thrown inside the parser only; parseScript turns it into a ParseError value. */
export class ParseFailure extends Error {
  constructor(
    readonly kind: ParseErrorKind,
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** A `<<` redirect whose body starts after the next newline token. */
export interface PendingHeredoc {
  redirect: Redirect;
  delimiter: string;
  quoted: boolean;
  stripTabs: boolean;
}

/** A memoised attempt to read `$((…))` or `((…))` as arithmetic, keyed by its start offset. */
export interface ArithAttempt {
  ok: boolean;
  end: number;
  /** The region end the attempt was made with: a failure may be an end-of-region one. */
  bound: number;
  expr: string;
  parts: import('./ast.js').WordPart[];
}

export class ParserState {
  /** Exclusive end of the region being parsed (a backtick body or heredoc ends before the text does). */
  end: number;
  pos = 0;
  depth = 0;
  nodes = 0;
  heredocs: PendingHeredoc[] = [];
  /** How many `$(…)` bodies enclose the position; inside one, `EOF)` also ends a heredoc. */
  substitutions = 0;
  readonly arithMemo = new Map<number, ArithAttempt>();

  constructor(
    readonly text: string,
    readonly limits: ParseLimits,
  ) {
    this.end = text.length;
  }
}

export function fail(message: string, offset: number): never {
  throw new ParseFailure('syntax', message, offset);
}

export function failUnexpected(p: ParserState, offset: number): never {
  if (offset >= p.end) fail('syntax error: unexpected end of file', offset);
  const c = p.text[offset];
  fail(`syntax error near unexpected token \`${c === '\n' ? 'newline' : describeToken(p, offset)}'`, offset);
}

function describeToken(p: ParserState, offset: number): string {
  let i = offset;
  while (i < p.end && i - offset < 20 && !isBreak(p.text.charCodeAt(i))) i++;
  return i === offset ? (p.text[offset] ?? '') : p.text.slice(offset, i);
}

export function enter(p: ParserState, offset: number): void {
  if (++p.depth > p.limits.maxDepth) {
    throw new ParseFailure('limit', `nesting deeper than ${p.limits.maxDepth}`, offset);
  }
}

export function leave(p: ParserState): void {
  p.depth--;
}

export function countNode(p: ParserState, offset: number): void {
  if (++p.nodes > p.limits.maxNodes) {
    throw new ParseFailure('limit', `more than ${p.limits.maxNodes} syntax nodes`, offset);
  }
}

export function span(start: number, end: number): Span {
  return { start, end };
}

/** Space, tab, newline and `|&;()<>` end an unquoted word. */
export function isBreak(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 10 ||
    c === 124 ||
    c === 38 ||
    c === 59 ||
    c === 40 ||
    c === 41 ||
    c === 60 ||
    c === 62
  );
}

export function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

export function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

export function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57);
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
