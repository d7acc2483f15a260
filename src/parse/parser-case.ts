// `case WORD in PATTERN) LIST ;; … esac`, with `;&` and `;;&` fall-throughs.

import type { CaseItem, Command, Word } from './ast.js';
import { peekOp, peekReserved, skipLinebreaks } from './lexer.js';
import { expectReserved, expectWord, node } from './parser-expect.js';
import { parseList } from './parser-list.js';
import { failUnexpected, type ParserState } from './parser-state.js';

export function parseCase(p: ParserState, start: number): Command {
  p.pos += 4;
  const word = expectWord(p);
  skipLinebreaks(p);
  expectReserved(p, 'in');
  const items: CaseItem[] = [];
  for (;;) {
    skipLinebreaks(p);
    if (peekReserved(p) === 'esac') {
      p.pos += 4;
      break;
    }
    if (peekOp(p) === '(') p.pos++;
    const patterns: Word[] = [];
    for (;;) {
      patterns.push(expectWord(p));
      const op = peekOp(p);
      p.pos++;
      if (op === ')') break;
      if (op !== '|') failUnexpected(p, p.pos - 1);
    }
    const body = parseList(p);
    const op = peekOp(p);
    let terminator: CaseItem['terminator'];
    if (op === ';;' || op === ';&' || op === ';;&') {
      terminator = op;
      p.pos += op.length;
    } else if (peekReserved(p) !== 'esac') {
      failUnexpected(p, p.pos);
    }
    items.push({ patterns, body, terminator });
  }
  return node(p, { type: 'Case', word, items, redirects: [], span: { start, end: p.pos } });
}
