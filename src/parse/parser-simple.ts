// Simple commands: prefix assignments (including arrays), words, redirections, and `name ()` function definitions.

import type { Assignment, Command, Redirect, RedirectOp, SimpleCommandNode, Word, WordPart } from './ast.js';
import { at, consumeNewline, peekOp, redirectOps, skipSpace } from './lexer.js';
import { readWord } from './lexer-word.js';
import { parseFunctionBody } from './parser-compound.js';
import { registerHeredoc } from './parser-heredoc.js';
import {
  countNode,
  fail,
  failUnexpected,
  isDigit,
  isNameChar,
  isNameStart,
  type ParserState,
} from './parser-state.js';

const declarationBuiltins: ReadonlySet<string> = new Set([
  'declare',
  'typeset',
  'local',
  'export',
  'readonly',
]);

/** An fd prefix (`2>`, `{var}>`) at `p.pos`: consumed, with where it started. */
export function redirectFdAt(p: ParserState): { fd: number | string; start: number } | undefined {
  const text = p.text;
  const start = p.pos;
  let i = start;
  let fd: number | string;
  if (isDigit(at(p, i))) {
    while (isDigit(at(p, i))) i++;
    fd = Number(text.slice(start, i));
  } else if (at(p, i) === 123 && isNameStart(at(p, i + 1))) {
    i++;
    while (isNameChar(at(p, i))) i++;
    if (at(p, i) !== 125) return undefined;
    fd = text.slice(start + 1, i);
    i++;
  } else {
    return undefined;
  }
  const c = at(p, i);
  if ((c !== 60 && c !== 62) || at(p, i + 1) === 40) return undefined;
  p.pos = i;
  return { fd, start };
}

/** The redirection operator at `p.pos` and its target word; heredocs are queued for the next newline. */
export function parseRedirect(p: ParserState, fd: number | string | undefined, start: number): Redirect {
  const op = peekOp(p) as RedirectOp;
  p.pos += op.length;
  if (peekOp(p) !== '') failUnexpected(p, p.pos);
  const target = readWord(p) as Word;
  countNode(p, start);
  const redirect: Redirect = { type: 'Redirect', op, target, span: { start, end: target.span.end } };
  if (fd !== undefined) redirect.fd = fd;
  if (op === '<<' || op === '<<-') registerHeredoc(p, redirect);
  return redirect;
}

interface AssignmentHead {
  name: string;
  index?: string;
  append: boolean;
  /** Offset in the word's text just after `=`. */
  valueAt: number;
}

/** `NAME=`, `NAME+=`, `NAME[sub]=` at the start of a word's text. */
export function assignmentHead(text: string): AssignmentHead | undefined {
  // Most words hold no `=` at all: no name to scan.
  if (!isNameStart(text.charCodeAt(0)) || !text.includes('=')) return undefined;
  let i = 1;
  while (isNameChar(text.charCodeAt(i))) i++;
  const name = text.slice(0, i);
  let index: string | undefined;
  if (text.charCodeAt(i) === 91) {
    let depth = 0;
    let j = i;
    for (; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (c === 92) j++;
      else if (c === 91) depth++;
      else if (c === 93 && --depth === 0) break;
    }
    if (j >= text.length) return undefined;
    index = text.slice(i + 1, j);
    i = j + 1;
  }
  let append = false;
  if (text.charCodeAt(i) === 43) {
    append = true;
    i++;
  }
  if (text.charCodeAt(i) !== 61) return undefined;
  const head: AssignmentHead = { name, append, valueAt: i + 1 };
  if (index !== undefined) head.index = index;
  return head;
}

/** The part of `word` from source offset `from` on, as a word of its own. */
function wordFrom(p: ParserState, word: Word, from: number): Word {
  const parts: WordPart[] = [];
  for (const part of word.parts) {
    if (part.span.end <= from) continue;
    if (part.span.start >= from) {
      parts.push(part);
      continue;
    }
    const source = p.text.slice(from, part.span.end);
    const raw = source.replaceAll('\\\n', '');
    parts.push({
      type: 'Literal',
      value: unescapeLiteral(raw),
      raw,
      span: { start: from, end: part.span.end },
    });
  }
  return {
    type: 'Word',
    parts,
    text: p.text.slice(from, word.span.end),
    span: { start: from, end: word.span.end },
  };
}

function unescapeLiteral(raw: string): string {
  if (!raw.includes('\\')) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    if (raw.charCodeAt(i) === 92 && i + 1 < raw.length) i++;
    out += raw[i];
  }
  return out;
}

/** `a=(x y z)`: the elements after the `(` at `p.pos`, through the `)`. */
function readArrayElements(p: ParserState): Word[] {
  const open = p.pos;
  p.pos++;
  const elements: Word[] = [];
  for (;;) {
    const op = peekOp(p);
    if (op === ')') {
      p.pos++;
      return elements;
    }
    if (op === '\n') {
      consumeNewline(p);
      continue;
    }
    if (op === 'EOF') fail("unexpected EOF while looking for matching `)'", open);
    if (op !== '') failUnexpected(p, p.pos);
    elements.push(readWord(p) as Word);
  }
}

function isArrayStart(p: ParserState, word: Word): boolean {
  return word.text.endsWith('=') && at(p, word.span.end) === 40 && word.span.end === p.pos;
}

function toAssignment(p: ParserState, word: Word, head: AssignmentHead): Assignment {
  const assignment: Assignment = {
    type: 'Assignment',
    name: head.name,
    append: head.append,
    span: word.span,
  };
  if (head.index !== undefined) assignment.index = head.index;
  if (isArrayStart(p, word)) {
    assignment.array = readArrayElements(p);
    assignment.span = { start: word.span.start, end: p.pos };
  } else {
    assignment.value = wordFrom(p, word, word.span.start + head.valueAt);
  }
  countNode(p, word.span.start);
  return assignment;
}

/** `declare a=(1 2)`: the array becomes part of one argument word, element parts separated by blanks. */
function withArray(p: ParserState, word: Word): Word {
  const open = p.pos;
  const elements = readArrayElements(p);
  const parts: WordPart[] = [
    ...word.parts,
    { type: 'Literal', value: '(', raw: '(', span: { start: open, end: open + 1 } },
  ];
  let previousEnd = open + 1;
  for (const element of elements) {
    if (element.span.start > previousEnd) {
      parts.push({
        type: 'Literal',
        value: ' ',
        raw: ' ',
        span: { start: previousEnd, end: element.span.start },
      });
    }
    parts.push(...element.parts);
    previousEnd = element.span.end;
  }
  parts.push({ type: 'Literal', value: ')', raw: ')', span: { start: p.pos - 1, end: p.pos } });
  const span = { start: word.span.start, end: p.pos };
  return { type: 'Word', parts, text: p.text.slice(span.start, span.end), span };
}

export function parseSimple(p: ParserState): Command {
  skipSpace(p);
  const start = p.pos;
  const node: SimpleCommandNode = {
    type: 'Simple',
    assignments: [],
    words: [],
    redirects: [],
    span: { start, end: start },
  };
  let declaration = false;
  let end = start;
  for (;;) {
    const op = peekOp(p);
    if (redirectOps.has(op)) {
      const redirect = parseRedirect(p, undefined, p.pos);
      node.redirects.push(redirect);
      end = redirect.span.end;
      continue;
    }
    if (op !== '') break;
    const fd = redirectFdAt(p);
    if (fd !== undefined) {
      const redirect = parseRedirect(p, fd.fd, fd.start);
      node.redirects.push(redirect);
      end = redirect.span.end;
      continue;
    }
    const word = readWord(p) as Word;
    end = word.span.end;
    if (node.words.length === 0) {
      const head = assignmentHead(word.text);
      if (head !== undefined) {
        node.assignments.push(toAssignment(p, word, head));
        end = p.pos;
        continue;
      }
      if (node.assignments.length === 0 && node.redirects.length === 0 && peekOp(p) === '(') {
        return parseFunctionBody(p, word.text, start);
      }
      declaration = declarationBuiltins.has(word.text);
      node.words.push(word);
      continue;
    }
    if (declaration && isArrayStart(p, word) && assignmentHead(word.text) !== undefined) {
      const combined = withArray(p, word);
      node.words.push(combined);
      end = combined.span.end;
      continue;
    }
    node.words.push(word);
  }
  if (end === start || peekOp(p) === '(') failUnexpected(p, p.pos);
  node.span = { start, end };
  countNode(p, start);
  return node;
}
