// Token-level scanning shared by the grammar: blanks, comments, operators, reserved words, newlines.

import { readHeredocBodies } from './parser-heredoc.js';
import { isBlank, isBreak, type ParserState } from './parser-state.js';

/** The character code at `i`, or -1 past the region being parsed. */
export function at(p: ParserState, i: number): number {
  return i < p.end ? p.text.charCodeAt(i) : -1;
}

/** Skips blanks, line continuations and a comment; stops before a newline. */
export function skipSpace(p: ParserState): void {
  const text = p.text;
  const end = p.end;
  let i = p.pos;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isBlank(c)) i++;
    else if (c === 92 && i + 1 < end && text.charCodeAt(i + 1) === 10) i += 2;
    else if (c === 35) {
      while (i < end && text.charCodeAt(i) !== 10) i++;
    } else break;
  }
  p.pos = i;
}

export const redirectOps: ReadonlySet<string> = new Set([
  '<',
  '>',
  '>>',
  '>|',
  '<>',
  '&>',
  '&>>',
  '<&',
  '>&',
  '<<',
  '<<-',
  '<<<',
]);

/**
 * The operator at the next token: `EOF`, `\n`, a control or redirection operator, or ''
 * when a word starts there (`<(` and `>(` start words).
 */
export function peekOp(p: ParserState): string {
  skipSpace(p);
  const i = p.pos;
  if (i >= p.end) return 'EOF';
  const c = p.text.charCodeAt(i);
  const c1 = at(p, i + 1);
  switch (c) {
    case 10:
      return '\n';
    case 59:
      if (c1 === 59) return at(p, i + 2) === 38 ? ';;&' : ';;';
      return c1 === 38 ? ';&' : ';';
    case 38:
      if (c1 === 38) return '&&';
      if (c1 === 62) return at(p, i + 2) === 62 ? '&>>' : '&>';
      return '&';
    case 124:
      return c1 === 124 ? '||' : c1 === 38 ? '|&' : '|';
    case 40:
      return '(';
    case 41:
      return ')';
    case 60:
      if (c1 === 40) return '';
      if (c1 === 60) {
        const c2 = at(p, i + 2);
        return c2 === 60 ? '<<<' : c2 === 45 ? '<<-' : '<<';
      }
      return c1 === 62 ? '<>' : c1 === 38 ? '<&' : '<';
    case 62:
      if (c1 === 40) return '';
      return c1 === 62 ? '>>' : c1 === 124 ? '>|' : c1 === 38 ? '>&' : '>';
    default:
      return '';
  }
}

const reservedWords: ReadonlySet<string> = new Set([
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'do',
  'done',
  'case',
  'esac',
  'while',
  'until',
  'for',
  'select',
  'function',
  'time',
  '{',
  '}',
  '!',
  '[[',
  ']]',
  'coproc',
  'in',
]);

const reservedInitials = 'itefdcwus{}![]';

/** The reserved word at the next token, when the whole word is one (`{x` is not `{`). */
export function peekReserved(p: ParserState): string | undefined {
  skipSpace(p);
  const text = p.text;
  const start = p.pos;
  if (start >= p.end || !reservedInitials.includes(text[start] as string)) return undefined;
  let i = start;
  while (i < p.end && i - start < 9) {
    const c = text.charCodeAt(i);
    if (isBreak(c) || c === 39 || c === 34 || c === 92 || c === 36 || c === 96) break;
    i++;
  }
  if (i === start || (i < p.end && !isBreak(text.charCodeAt(i)))) return undefined;
  const word = text.slice(start, i);
  return reservedWords.has(word) ? word : undefined;
}

/** Consumes the newline at `p.pos`; heredoc bodies pending on this line follow it. */
export function consumeNewline(p: ParserState): void {
  p.pos++;
  if (p.heredocs.length > 0) readHeredocBodies(p);
}

export function skipLinebreaks(p: ParserState): void {
  while (peekOp(p) === '\n') consumeNewline(p);
}
