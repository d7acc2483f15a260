// Entry point of the shell parser: text in, syntax tree or a syntax/limit error out. Never throws.

import type { ParseLimits, ParseOutcome } from './ast.js';
import { skipLinebreaks } from './lexer.js';
import { finishHeredocsAtEnd } from './parser-heredoc.js';
import { parseList } from './parser-list.js';
import { defaultLimits, failUnexpected, ParseFailure, ParserState } from './parser-state.js';

export type { ParseLimits, ParseOutcome } from './ast.js';

export function parseScript(text: string, limits?: Partial<ParseLimits>): ParseOutcome {
  const effective: ParseLimits = { ...defaultLimits, ...limits };
  if (text.length > effective.maxInput) {
    return {
      ok: false,
      error: {
        kind: 'limit',
        message: `input longer than ${effective.maxInput} characters`,
        offset: effective.maxInput,
      },
    };
  }
  // bash silently drops NUL bytes, so the text it runs differs from the text shown: refuse it.
  const nul = text.indexOf('\0');
  if (nul >= 0)
    return { ok: false, error: { kind: 'syntax', message: 'NUL character in input', offset: nul } };
  const p = new ParserState(text, effective);
  try {
    const body = parseList(p);
    skipLinebreaks(p);
    if (p.pos < p.end) failUnexpected(p, p.pos);
    finishHeredocsAtEnd(p);
    return { ok: true, script: { type: 'Script', body, span: { start: 0, end: text.length } } };
  } catch (error) {
    if (error instanceof ParseFailure) {
      return { ok: false, error: { kind: error.kind, message: error.message, offset: error.offset } };
    }
    if (error instanceof RangeError) {
      return { ok: false, error: { kind: 'limit', message: 'input nested too deeply', offset: p.pos } };
    }
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { kind: 'syntax', message: `parser failure: ${message}`, offset: p.pos } };
  }
}
