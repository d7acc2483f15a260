// Reads what follows a `$`: parameters, `${…}` with its operator and word, `$(…)`, `$((…))`, `$[…]`, `$'…'`, `$"…"`.

import type { ParamPart, Word, WordPart } from './ast.js';
import { decodeAnsiC } from './lexer-ansi.js';
import { readArithmetic } from './lexer-arith.js';
import { LiteralRun } from './lexer-literal.js';
import { readDoubleQuoted, readSpecial } from './lexer-word.js';
import {
  countNode,
  enter,
  fail,
  isDigit,
  isNameChar,
  isNameStart,
  leave,
  type ParserState,
} from './parser-state.js';
import { parseSubstitutionBody } from './parser-substitution.js';

/** `$@ $* $# $? $$ $! $- $0…$9` */
function isSpecialParam(c: number): boolean {
  return c === 64 || c === 42 || c === 35 || c === 63 || c === 36 || c === 33 || c === 45 || isDigit(c);
}

/** The expansion starting at the `$` at `i`, leaving `p.pos` after it; undefined when the `$` is literal. */
export function readDollar(p: ParserState, i: number, inDoubleQuotes: boolean): WordPart | undefined {
  if (i + 1 >= p.end) return undefined;
  const text = p.text;
  const c = text.charCodeAt(i + 1);
  if (c === 123) return readBracedParam(p, i, inDoubleQuotes);
  if (c === 40) {
    if (i + 2 < p.end && text.charCodeAt(i + 2) === 40) {
      const arith = readArithmetic(p, i, i + 3, '))');
      if (arith !== undefined) return arith;
    }
    const body = parseSubstitutionBody(p, i + 2);
    countNode(p, i);
    return { type: 'CommandSub', body, backtick: false, span: { start: i, end: p.pos } };
  }
  if (c === 91) {
    const arith = readArithmetic(p, i, i + 2, ']');
    if (arith === undefined) fail("unexpected EOF while looking for matching `]'", i);
    return arith;
  }
  if (c === 39 && !inDoubleQuotes) {
    const close = findAnsiCEnd(p, i + 2);
    p.pos = close + 1;
    countNode(p, i);
    return {
      type: 'AnsiC',
      value: decodeAnsiC(text.slice(i + 2, close)),
      span: { start: i, end: close + 1 },
    };
  }
  if (c === 34 && !inDoubleQuotes) return readDoubleQuoted(p, i, i + 2);
  let end = i + 2;
  if (isNameStart(c)) {
    while (end < p.end && isNameChar(text.charCodeAt(end))) end++;
  } else if (!isSpecialParam(c)) {
    return undefined;
  }
  p.pos = end;
  countNode(p, i);
  return { type: 'Param', name: text.slice(i + 1, end), braced: false, span: { start: i, end } };
}

function findAnsiCEnd(p: ParserState, from: number): number {
  let j = from;
  while (j < p.end) {
    const c = p.text.charCodeAt(j);
    if (c === 92) j += 2;
    else if (c === 39) return j;
    else j++;
  }
  return fail("unexpected EOF while looking for matching `''", from - 2);
}

const twoCharOps = new Set([':-', ':=', ':?', ':+', '##', '%%', '//', '^^', ',,']);
const oneCharOps = new Set([':', '-', '=', '?', '+', '#', '%', '/', '^', ',', '@']);

function readBracedParam(p: ParserState, start: number, inDoubleQuotes: boolean): ParamPart {
  enter(p, start);
  const text = p.text;
  let j = start + 2;
  let length = false;
  let indirect = false;
  const c = text.charCodeAt(j);
  const next = j + 1 < p.end ? text.charCodeAt(j + 1) : -1;
  if (c === 35 && next !== 125 && (isNameStart(next) || isSpecialParam(next))) {
    length = true;
    j++;
  } else if (c === 33 && next !== 125 && (isNameStart(next) || isSpecialParam(next))) {
    indirect = true;
    j++;
  }
  const nameStart = j;
  const first = j < p.end ? text.charCodeAt(j) : -1;
  if (isNameStart(first)) {
    while (j < p.end && isNameChar(text.charCodeAt(j))) j++;
  } else if (isDigit(first)) {
    while (j < p.end && isDigit(text.charCodeAt(j))) j++;
  } else if (isSpecialParam(first)) {
    j++;
  }
  const part: ParamPart = {
    type: 'Param',
    name: text.slice(nameStart, j),
    braced: true,
    span: { start, end: j },
  };
  if (length) part.length = true;
  if (indirect) part.indirect = true;
  if (j < p.end && text.charCodeAt(j) === 91) {
    const close = findSubscriptEnd(p, j);
    part.index = text.slice(j + 1, close);
    j = close + 1;
  }
  if (j >= p.end) fail("unexpected EOF while looking for matching `}'", start);
  if (text.charCodeAt(j) !== 125) {
    const two = text.slice(j, j + 2);
    const op = twoCharOps.has(two)
      ? two
      : oneCharOps.has(text[j] as string)
        ? (text[j] as string)
        : undefined;
    if (op !== undefined) {
      part.op = op;
      j += op.length;
    }
    // An unknown operator is a run-time "bad substitution" in bash; the rest stays visible as the word.
    part.arg = readParamWord(p, j, inDoubleQuotes);
    j = p.pos;
  }
  p.pos = j + 1;
  part.span = { start, end: j + 1 };
  leave(p);
  countNode(p, start);
  return part;
}

function findSubscriptEnd(p: ParserState, open: number): number {
  let depth = 0;
  for (let j = open; j < p.end; j++) {
    const c = p.text.charCodeAt(j);
    if (c === 92) j++;
    else if (c === 91) depth++;
    else if (c === 93 && --depth === 0) return j;
  }
  return fail("unexpected EOF while looking for matching `]'", open);
}

/** The word after a `${X…` operator, up to the matching `}` (left at `p.pos`). Blanks are part of it. */
function readParamWord(p: ParserState, from: number, inDoubleQuotes: boolean): Word {
  const text = p.text;
  const end = p.end;
  const parts: WordPart[] = [];
  const run = new LiteralRun();
  run.reset(from);
  let braces = 0;
  let i = from;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 125) {
      if (braces === 0) break;
      braces--;
    } else if (c === 123) {
      braces++;
    } else if (c === 92 && i + 1 < end) {
      const n = text.charCodeAt(i + 1);
      if (n === 10) run.dropContinuation(text, i);
      else if (!inDoubleQuotes || n === 36 || n === 96 || n === 92 || n === 34 || n === 125)
        run.escape(text, i);
      i += 2;
      continue;
    } else if (c === 39 || c === 34 || c === 36 || c === 96) {
      const part = readSpecial(p, i, false);
      if (part !== undefined) {
        run.flush(p, i, parts, inDoubleQuotes);
        parts.push(part);
        i = p.pos;
        run.reset(i);
        continue;
      }
    }
    i++;
  }
  if (i >= end) fail("unexpected EOF while looking for matching `}'", from);
  run.flush(p, i, parts, inDoubleQuotes);
  p.pos = i;
  countNode(p, from);
  return { type: 'Word', parts, text: text.slice(from, i), span: { start: from, end: i } };
}
