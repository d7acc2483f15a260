// `[[ … ]]`: reads the words between the brackets and checks them against bash's conditional grammar.

import type { Command, Word } from './ast.js';
import { at, consumeNewline, peekOp, skipLinebreaks } from './lexer.js';
import { readWord } from './lexer-word.js';
import { countNode, enter, fail, failUnexpected, isBreak, leave, type ParserState } from './parser-state.js';

const unaryOps: ReadonlySet<string> = new Set(
  [
    'a',
    'b',
    'c',
    'd',
    'e',
    'f',
    'g',
    'h',
    'k',
    'p',
    'r',
    's',
    't',
    'u',
    'w',
    'x',
    'G',
    'L',
    'N',
    'O',
    'S',
    'z',
    'n',
    'o',
    'v',
    'R',
  ].map((c) => `-${c}`),
);
const binaryOps: ReadonlySet<string> = new Set([
  '=',
  '==',
  '!=',
  '<',
  '>',
  '=~',
  '-eq',
  '-ne',
  '-lt',
  '-le',
  '-gt',
  '-ge',
  '-nt',
  '-ot',
  '-ef',
]);
const structural: ReadonlySet<string> = new Set(['&&', '||', '(', ')']);

function operatorWord(p: ParserState, length: number): Word {
  const start = p.pos;
  const text = p.text.slice(start, start + length);
  p.pos += length;
  countNode(p, start);
  const span = { start, end: p.pos };
  return { type: 'Word', parts: [{ type: 'Literal', value: text, raw: text, span }], text, span };
}

function atClosingBrackets(p: ParserState): boolean {
  const i = p.pos;
  return at(p, i) === 93 && at(p, i + 1) === 93 && (i + 2 >= p.end || isBreak(p.text.charCodeAt(i + 2)));
}

export function parseTestCommand(p: ParserState, start: number): Command {
  p.pos += 2;
  const words: Word[] = [];
  const operators: boolean[] = [];
  for (;;) {
    const op = peekOp(p);
    if (op === '' && atClosingBrackets(p)) {
      p.pos += 2;
      break;
    }
    if (op === 'EOF') fail("unexpected EOF while looking for `]]'", p.pos);
    const previous = words[words.length - 1]?.text;
    if (previous === '=~' && (op === '' || op === '(')) {
      words.push(readWord(p, 'regex') as Word);
      operators.push(false);
      continue;
    }
    if (op === '&&' || op === '||' || op === '(' || op === ')' || op === '<' || op === '>') {
      words.push(operatorWord(p, op.length));
      operators.push(true);
      if (op === '&&' || op === '||') skipLinebreaks(p);
      continue;
    }
    if (op === '\n' && (previous === '&&' || previous === '||' || previous === '(')) {
      consumeNewline(p);
      continue;
    }
    if (op !== '') failUnexpected(p, p.pos);
    words.push(readWord(p, 'cond') as Word);
    operators.push(false);
  }
  checkConditional(
    p,
    words.map((w, i) => (operators[i] === true ? w.text : structural.has(w.text) ? `"${w.text}"` : w.text)),
    start,
  );
  countNode(p, start);
  return { type: 'Test', words, redirects: [], span: { start, end: p.pos } };
}

/** Validates the token texts like bash's cond_expr: `!`, `( )`, `&&`, `||`, unary and binary tests. */
function checkConditional(p: ParserState, tokens: string[], offset: number): void {
  let k = 0;
  const isOperand = (t: string | undefined): boolean => t !== undefined && !structural.has(t);
  const orExpr = (): void => {
    andExpr();
    while (tokens[k] === '||') {
      k++;
      andExpr();
    }
  };
  const andExpr = (): void => {
    term();
    while (tokens[k] === '&&') {
      k++;
      term();
    }
  };
  const term = (): void => {
    const t = tokens[k];
    if (t === undefined) fail('unexpected end of conditional expression', offset);
    if (t === '!' || t === '(') {
      k++;
      enter(p, offset);
      if (t === '!') term();
      else {
        orExpr();
        if (tokens[k] !== ')') fail("expected `)' in conditional expression", offset);
        k++;
      }
      leave(p);
      return;
    }
    if (!isOperand(t)) fail(`unexpected token \`${t}' in conditional expression`, offset);
    if (unaryOps.has(t)) {
      if (!isOperand(tokens[k + 1])) fail(`unexpected argument to conditional unary operator`, offset);
      k += 2;
      return;
    }
    k++;
    const next = tokens[k];
    if (next === undefined || structural.has(next)) return;
    if (!binaryOps.has(next)) fail('conditional binary operator expected', offset);
    if (!isOperand(tokens[k + 1])) fail('unexpected argument to conditional binary operator', offset);
    k += 2;
  };
  if (tokens.length === 0) return;
  orExpr();
  if (k < tokens.length) failUnexpected(p, offset);
}
