// Heredocs: the delimiter word at `<<`, and the bodies read after the newline that ends their line.

import type { Heredoc, Redirect, Word, WordPart } from './ast.js';
import { at } from './lexer.js';
import { readQuotedParts } from './lexer-word.js';
import { countNode, type ParserState } from './parser-state.js';

/** The delimiter after quote removal, and whether any quoting made the body literal. */
export function heredocDelimiter(word: Word): { delimiter: string; quoted: boolean } {
  let delimiter = '';
  let quoted = false;
  for (const part of word.parts) {
    if (part.type === 'Literal') {
      delimiter += part.value;
      if (part.value !== part.raw) quoted = true;
    } else if (part.type === 'SingleQuoted' || part.type === 'QuotedLiteral' || part.type === 'AnsiC') {
      delimiter += part.value;
      quoted = true;
    } else if (part.type === 'DoubleQuoted') {
      quoted = true;
      delimiter += part.parts.map((inner) => ('value' in inner ? inner.value : '')).join('');
    } else {
      delimiter += word.text.slice(part.span.start - word.span.start, part.span.end - word.span.start);
    }
  }
  return { delimiter, quoted };
}

export function registerHeredoc(p: ParserState, redirect: Redirect): void {
  const { delimiter, quoted } = heredocDelimiter(redirect.target);
  p.heredocs.push({ redirect, delimiter, quoted, stripTabs: redirect.op === '<<-' });
}

/** Reads every pending body, one after another, starting at `p.pos` (just after a newline). */
export function readHeredocBodies(p: ParserState): void {
  const pending = p.heredocs;
  p.heredocs = [];
  const text = p.text;
  for (const h of pending) {
    const bodyStart = p.pos;
    let i = bodyStart;
    let bodyEnd = p.end;
    let after = p.end;
    let joined = false;
    while (i < p.end) {
      let lineEnd = text.indexOf('\n', i);
      if (lineEnd < 0 || lineEnd > p.end) lineEnd = p.end;
      let k = i;
      if (h.stripTabs) while (k < lineEnd && text.charCodeAt(k) === 9) k++;
      if (!joined && lineEnd - k === h.delimiter.length && text.startsWith(h.delimiter, k)) {
        bodyEnd = i;
        after = lineEnd < p.end ? lineEnd + 1 : p.end;
        break;
      }
      // bash ends a heredoc inside `$(…)` at a line `EOF)` too, leaving the `)` to close the substitution.
      if (
        !joined &&
        p.substitutions > 0 &&
        text.startsWith(h.delimiter, k) &&
        at(p, k + h.delimiter.length) === 41
      ) {
        bodyEnd = i;
        after = k + h.delimiter.length;
        break;
      }
      // In an unquoted body a trailing backslash joins the next line, which then cannot end the body.
      joined = !h.quoted && endsWithOddBackslashes(text, i, lineEnd);
      i = lineEnd + 1;
    }
    h.redirect.heredoc = makeHeredoc(
      p,
      h.delimiter,
      h.quoted,
      h.stripTabs,
      bodyStart,
      Math.min(bodyEnd, p.end),
      after,
    );
    p.pos = after;
  }
}

function endsWithOddBackslashes(text: string, lineStart: number, lineEnd: number): boolean {
  let n = 0;
  for (let k = lineEnd - 1; k >= lineStart && text.charCodeAt(k) === 92; k--) n++;
  return n % 2 === 1;
}

function makeHeredoc(
  p: ParserState,
  delimiter: string,
  quoted: boolean,
  stripTabs: boolean,
  start: number,
  end: number,
  after: number,
): Heredoc {
  const span = { start, end };
  let parts: WordPart[];
  if (quoted) {
    const value = stripTabs ? stripLeadingTabs(p.text.slice(start, end), true) : p.text.slice(start, end);
    parts = value.length > 0 ? [{ type: 'QuotedLiteral', value, span: { start, end } }] : [];
  } else {
    const savedEnd = p.end;
    const savedPos = p.pos;
    p.end = end;
    parts = readQuotedParts(p, start, false);
    p.end = savedEnd;
    p.pos = savedPos;
    if (stripTabs) {
      for (const part of parts) {
        if (part.type !== 'QuotedLiteral') continue;
        const atLineStart = part.span.start === start || p.text.charCodeAt(part.span.start - 1) === 10;
        part.value = stripLeadingTabs(part.value, atLineStart);
      }
    }
  }
  countNode(p, start);
  const body: Word = { type: 'Word', parts, text: p.text.slice(start, end), span };
  return { delimiter, quoted, body, span: { start, end: after } };
}

function stripLeadingTabs(value: string, atLineStart: boolean): string {
  const stripped = value.replace(/\n\t+/g, '\n');
  return atLineStart ? stripped.replace(/^\t+/, '') : stripped;
}

/** Heredocs still pending when their script ends were delimited by end of input; bash accepts that. */
export function finishHeredocsAtEnd(p: ParserState): void {
  for (const h of p.heredocs) {
    h.redirect.heredoc = makeHeredoc(p, h.delimiter, h.quoted, h.stripTabs, p.pos, p.pos, p.pos);
  }
  p.heredocs = [];
}
