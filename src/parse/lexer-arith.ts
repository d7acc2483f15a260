// Reads arithmetic text (`$((…))`, `$[…]`, `((…))`) keeping the expression and the substitutions inside it.

import type { WordPart } from './ast.js';
import { readSpecial } from './lexer-word.js';
import {
  type ArithAttempt,
  countNode,
  enter,
  leave,
  ParseFailure,
  type ParserState,
} from './parser-state.js';

/** Pulls the expansions out of a double-quoted part so `parts` lists every substitution. */
function collectExpansions(part: WordPart, into: WordPart[]): void {
  if (part.type === 'DoubleQuoted') {
    for (const inner of part.parts) collectExpansions(inner, into);
  } else if (
    part.type !== 'Literal' &&
    part.type !== 'QuotedLiteral' &&
    part.type !== 'SingleQuoted' &&
    part.type !== 'AnsiC'
  ) {
    into.push(part);
  }
}

/**
 * Scans an arithmetic body starting at `from` up to `closer`. A `))` body that closes with a
 * lone `)` is not arithmetic (bash then reads `$( (…) )`); that attempt is remembered so
 * nested fallbacks stay linear.
 */
export function scanArithmetic(p: ParserState, from: number, closer: '))' | ']'): ArithAttempt {
  const key = closer === ']' ? -from - 1 : from;
  const known = p.arithMemo.get(key);
  if (known !== undefined && (known.ok ? known.end <= p.end : p.end <= known.bound)) return known;
  const attempt = scanArithmeticOnce(p, from, closer);
  p.arithMemo.set(key, attempt);
  return attempt;
}

function scanArithmeticOnce(p: ParserState, from: number, closer: '))' | ']'): ArithAttempt {
  const text = p.text;
  const parts: WordPart[] = [];
  const failed: ArithAttempt = { ok: false, end: from, bound: p.end, expr: '', parts };
  const open = closer === ']' ? 91 : 40;
  const close = closer === ']' ? 93 : 41;
  let depth = 0;
  let i = from;
  const savedPos = p.pos;
  const savedNodes = p.nodes;
  enter(p, from);
  try {
    while (i < p.end) {
      const c = text.charCodeAt(i);
      if (c === open) {
        if (++depth + p.depth > p.limits.maxDepth) {
          throw new ParseFailure('limit', `nesting deeper than ${p.limits.maxDepth}`, i);
        }
      } else if (c === close) {
        if (depth === 0) {
          if (closer === ']') return { ok: true, end: i + 1, bound: p.end, expr: text.slice(from, i), parts };
          if (i + 1 < p.end && text.charCodeAt(i + 1) === 41) {
            return { ok: true, end: i + 2, bound: p.end, expr: text.slice(from, i), parts };
          }
          break;
        }
        depth--;
      } else if (c === 92) {
        i += 2;
        continue;
      } else if (c === 39 || c === 34 || c === 36 || c === 96) {
        const part = readSpecial(p, i, false);
        if (part !== undefined) {
          collectExpansions(part, parts);
          i = p.pos;
          continue;
        }
      }
      i++;
    }
  } catch (error) {
    if (!(error instanceof ParseFailure) || error.kind === 'limit') throw error;
  } finally {
    p.pos = savedPos;
    leave(p);
  }
  p.nodes = savedNodes;
  return failed;
}

/** `$((…))` / `$[…]` at `start`; undefined when `$((` turns out not to be arithmetic. */
export function readArithmetic(
  p: ParserState,
  start: number,
  from: number,
  closer: '))' | ']',
): WordPart | undefined {
  const attempt = scanArithmetic(p, from, closer);
  if (!attempt.ok) return undefined;
  p.pos = attempt.end;
  countNode(p, start);
  return { type: 'Arith', expr: attempt.expr, parts: attempt.parts, span: { start, end: attempt.end } };
}
