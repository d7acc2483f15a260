// Parses the scripts nested in words: `$(…)`, `<(…)`, `>(…)` in place, and backtick bodies after unescaping.

import type { Script } from './ast.js';
import { peekOp, skipLinebreaks } from './lexer.js';
import { finishHeredocsAtEnd } from './parser-heredoc.js';
import { parseList } from './parser-list.js';
import { enter, fail, failUnexpected, leave, ParseFailure, ParserState } from './parser-state.js';

/** The body of `$(` / `<(` starting at `from`, through the matching `)` (p.pos ends after it). */
export function parseSubstitutionBody(p: ParserState, from: number): Script {
  enter(p, from);
  const outerHeredocs = p.heredocs;
  p.heredocs = [];
  p.pos = from;
  p.substitutions++;
  const body = parseList(p);
  p.substitutions--;
  skipLinebreaks(p);
  const op = peekOp(p);
  if (op !== ')') {
    if (op === 'EOF') fail("unexpected EOF while looking for matching `)'", from);
    failUnexpected(p, p.pos);
  }
  const close = p.pos;
  finishHeredocsAtEnd(p);
  p.heredocs = outerHeredocs;
  p.pos = close + 1;
  leave(p);
  return { type: 'Script', body, span: { start: from, end: close } };
}

/** Parses `[start, end)` of the same text as a whole script. */
export function parseRegion(p: ParserState, start: number, end: number): Script {
  const savedEnd = p.end;
  const outerHeredocs = p.heredocs;
  p.heredocs = [];
  p.end = end;
  p.pos = start;
  const body = parseList(p);
  skipLinebreaks(p);
  if (p.pos < p.end) failUnexpected(p, p.pos);
  finishHeredocsAtEnd(p);
  p.heredocs = outerHeredocs;
  p.end = savedEnd;
  return { type: 'Script', body, span: { start, end } };
}

/**
 * Inside backticks `\\`, `` \` `` and `\$` (and `\"` within double quotes) lose their backslash
 * before the body is parsed. Without backslashes the body is parsed in place; otherwise the
 * unescaped copy is parsed and its spans are mapped back onto the original text.
 */
export function parseBacktickBody(
  p: ParserState,
  start: number,
  end: number,
  escaped: boolean,
  inDoubleQuotes: boolean,
): Script {
  enter(p, start);
  let script: Script;
  if (!escaped) {
    script = parseRegion(p, start, end);
  } else {
    const text = p.text;
    // For each character of the copy: where it starts in the text (its backslash included) and ends.
    const starts: number[] = [];
    const ends: number[] = [];
    let copy = '';
    for (let i = start; i < end; i++) {
      const n = i + 1 < end ? text.charCodeAt(i + 1) : -1;
      const c = text.charCodeAt(i);
      if (c === 92 && (n === 36 || n === 96 || n === 92 || (n === 34 && inDoubleQuotes))) {
        copy += text[i + 1];
        starts.push(i);
        ends.push(i + 2);
        i++;
      } else {
        copy += text[i];
        starts.push(i);
        ends.push(i + 1);
      }
    }
    starts.push(end);
    script = parseDetached(p, copy, starts, ends);
  }
  leave(p);
  return script;
}

function parseDetached(p: ParserState, copy: string, starts: number[], ends: number[]): Script {
  const child = new ParserState(copy, p.limits);
  child.depth = p.depth;
  child.nodes = p.nodes;
  const mapOffset = (i: number): number => starts[Math.min(Math.max(i, 0), starts.length - 1)] as number;
  const mapEnd = (i: number): number =>
    i <= 0 ? mapOffset(0) : (ends[Math.min(i, ends.length) - 1] as number);
  let script: Script;
  try {
    script = parseRegion(child, 0, copy.length);
  } catch (error) {
    if (error instanceof ParseFailure)
      throw new ParseFailure(error.kind, error.message, mapOffset(error.offset));
    throw error;
  }
  p.nodes = child.nodes;
  remapSpans(script, mapOffset, mapEnd, p.text, new Set());
  return script;
}

/** Moves every span in the tree into the outer text's coordinates and re-slices word texts. */
function remapSpans(
  node: unknown,
  mapOffset: (i: number) => number,
  mapEnd: (i: number) => number,
  text: string,
  seen: Set<object>,
): void {
  if (node === null || typeof node !== 'object' || seen.has(node)) return;
  seen.add(node);
  if (Array.isArray(node)) {
    for (const item of node) remapSpans(item, mapOffset, mapEnd, text, seen);
    return;
  }
  const record = node as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (key === 'span' && value !== null && typeof value === 'object') {
      const s = value as { start: number; end: number };
      if (!seen.has(s)) {
        seen.add(s);
        const start = mapOffset(s.start);
        s.end = Math.max(start, mapEnd(s.end));
        s.start = start;
      }
    } else {
      remapSpans(value, mapOffset, mapEnd, text, seen);
    }
  }
  if (record.type === 'Word') {
    const s = record.span as { start: number; end: number };
    record.text = text.slice(s.start, s.end);
  }
}
