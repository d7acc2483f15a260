// Reads one word (or a double-quoted string, or a heredoc body) into its parts, with exact spans.

import type { Word, WordPart } from './ast.js';
import { readDollar } from './lexer-dollar.js';
import { LiteralRun } from './lexer-literal.js';
import { countNode, enter, fail, isBreak, leave, type ParserState } from './parser-state.js';
import { parseBacktickBody, parseSubstitutionBody } from './parser-substitution.js';

/**
 * `word`: an ordinary word. `cond`: inside `[[ ]]`, where `@(…)`-style patterns are allowed.
 * `regex`: the right side of `=~`, where parentheses and `|` belong to the word.
 */
export type WordMode = 'word' | 'cond' | 'regex';

const extglobStarts = '@!?*+';

/** Reads the word at `p.pos`; undefined when a break character is there. */
export function readWord(p: ParserState, mode: WordMode = 'word'): Word | undefined {
  const text = p.text;
  const end = p.end;
  const start = p.pos;
  const parts: WordPart[] = [];
  const run = new LiteralRun();
  run.reset(start);
  let parens = 0;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 92) {
      if (i + 1 >= end) {
        i++;
      } else if (text.charCodeAt(i + 1) === 10) {
        run.dropContinuation(text, i);
        i += 2;
      } else {
        run.escape(text, i);
        i += 2;
      }
      continue;
    }
    if (
      c === 39 ||
      c === 34 ||
      c === 36 ||
      c === 96 ||
      ((c === 60 || c === 62) && i + 1 < end && text.charCodeAt(i + 1) === 40)
    ) {
      const part = readSpecial(p, i, false);
      if (part !== undefined) {
        run.flush(p, i, parts, false);
        parts.push(part);
        i = p.pos;
        run.reset(i);
        continue;
      }
      i++;
      continue;
    }
    if (parens > 0) {
      if (c === 40) parens++;
      else if (c === 41) parens--;
      i++;
      continue;
    }
    if (mode === 'regex' && c !== 32 && c !== 9 && c !== 10) {
      if (c === 40) parens++;
      else if (c === 41) break;
      i++;
      continue;
    }
    if (
      mode === 'cond' &&
      i + 1 < end &&
      text.charCodeAt(i + 1) === 40 &&
      extglobStarts.includes(text[i] as string)
    ) {
      parens = 1;
      i += 2;
      continue;
    }
    if (isBreak(c)) break;
    i++;
  }
  if (parens > 0) fail("unexpected EOF while looking for matching `)'", i);
  if (i === start) return undefined;
  const last = run.take(p, i, false);
  p.pos = i;
  countNode(p, start);
  // Most words are one literal: a one-element array, not one grown by push (17 slots).
  if (last !== undefined && parts.length === 0)
    return { type: 'Word', parts: [last], text: text.slice(start, i), span: { start, end: i } };
  if (last !== undefined) parts.push(last);
  return { type: 'Word', parts, text: text.slice(start, i), span: { start, end: i } };
}

/** A quote, `$…`, backtick or process substitution starting at `i`; undefined when `$` is literal there. */
export function readSpecial(p: ParserState, i: number, inDoubleQuotes: boolean): WordPart | undefined {
  const c = p.text.charCodeAt(i);
  if (c === 39) return readSingleQuoted(p, i);
  if (c === 34) return readDoubleQuoted(p, i, i + 1);
  if (c === 36) return readDollar(p, i, inDoubleQuotes);
  if (c === 96) return readBacktick(p, i, inDoubleQuotes);
  const body = parseSubstitutionBody(p, i + 2);
  countNode(p, i);
  return { type: 'ProcessSub', op: c === 60 ? '<' : '>', body, span: { start: i, end: p.pos } };
}

function readSingleQuoted(p: ParserState, i: number): WordPart {
  const close = p.text.indexOf("'", i + 1);
  if (close < 0 || close >= p.end) fail("unexpected EOF while looking for matching `''", i);
  p.pos = close + 1;
  countNode(p, i);
  return { type: 'SingleQuoted', value: p.text.slice(i + 1, close), span: { start: i, end: close + 1 } };
}

/** `"…"` (or `$"…"` with `start` at the `$`); `from` is the first character inside. */
export function readDoubleQuoted(p: ParserState, start: number, from: number): WordPart {
  enter(p, start);
  const parts = readQuotedParts(p, from, true);
  if (p.pos >= p.end) fail('unexpected EOF while looking for matching `"\'', start);
  p.pos++;
  leave(p);
  countNode(p, start);
  return { type: 'DoubleQuoted', parts, span: { start, end: p.pos } };
}

/**
 * Double-quote rules: backslash quotes only `$ \` " \\` and newline. Reads to the closing quote
 * (left at `p.pos`) or, for a heredoc body (`stopAtQuote` false), to the end of the region.
 */
export function readQuotedParts(p: ParserState, from: number, stopAtQuote: boolean): WordPart[] {
  const text = p.text;
  const end = p.end;
  const parts: WordPart[] = [];
  const run = new LiteralRun();
  run.reset(from);
  let i = from;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 34 && stopAtQuote) break;
    if (c === 92 && i + 1 < end) {
      const n = text.charCodeAt(i + 1);
      if (n === 10) run.dropContinuation(text, i);
      else if (n === 36 || n === 96 || n === 92 || (n === 34 && stopAtQuote)) run.escape(text, i);
      i += 2;
      continue;
    }
    if (c === 36 || c === 96) {
      const part = c === 36 ? readDollar(p, i, true) : readBacktick(p, i, true);
      if (part !== undefined) {
        run.flush(p, i, parts, true);
        parts.push(part);
        i = p.pos;
        run.reset(i);
        continue;
      }
    }
    i++;
  }
  run.flush(p, i, parts, true);
  p.pos = i;
  return parts;
}

function readBacktick(p: ParserState, i: number, inDoubleQuotes: boolean): WordPart {
  const text = p.text;
  let j = i + 1;
  let escaped = false;
  while (j < p.end) {
    const c = text.charCodeAt(j);
    if (c === 92) {
      escaped = true;
      j += 2;
      continue;
    }
    if (c === 96) break;
    j++;
  }
  if (j >= p.end) fail("unexpected EOF while looking for matching ``'", i);
  const body = parseBacktickBody(p, i + 1, j, escaped, inDoubleQuotes);
  p.pos = j + 1;
  countNode(p, i);
  return { type: 'CommandSub', body, backtick: true, span: { start: i, end: j + 1 } };
}
