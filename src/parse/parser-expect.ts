// Small steps the compound-command parsers share: a required reserved word, a required
// word, and counting a finished node against the size limit.

import type { Command, Word } from './ast.js';
import { peekOp, peekReserved } from './lexer.js';
import { readWord } from './lexer-word.js';
import { countNode, failUnexpected, type ParserState } from './parser-state.js';

export function expectReserved(p: ParserState, word: string): void {
  if (peekReserved(p) !== word) failUnexpected(p, p.pos);
  p.pos += word.length;
}

export function expectWord(p: ParserState): Word {
  if (peekOp(p) !== '') failUnexpected(p, p.pos);
  return readWord(p) as Word;
}

export function node<T extends Command>(p: ParserState, command: T): T {
  countNode(p, command.span.start);
  return command;
}
