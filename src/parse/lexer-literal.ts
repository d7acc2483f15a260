// Accumulates a run of literal text, removing escapes from the value and continuations from both forms.

import type { WordPart } from './ast.js';
import { countNode, type ParserState } from './parser-state.js';

export class LiteralRun {
  start = 0;
  private chunk = 0;
  private value = '';
  private raw = '';

  reset(at: number): void {
    this.start = at;
    this.chunk = at;
    this.value = '';
    this.raw = '';
  }

  /** A backslash-newline at `at`: gone from the value and the raw text. */
  dropContinuation(text: string, at: number): void {
    const piece = text.slice(this.chunk, at);
    this.value += piece;
    this.raw += piece;
    this.chunk = at + 2;
  }

  /** A backslash at `at` quoting the next code unit: the value keeps the unit, raw keeps both. */
  escape(text: string, at: number): void {
    this.value += text.slice(this.chunk, at) + text[at + 1];
    this.raw += text.slice(this.chunk, at + 2);
    this.chunk = at + 2;
  }

  /** Ends the run at `to` and appends it to `parts` as a Literal, or a QuotedLiteral when quoted. */
  flush(p: ParserState, to: number, parts: WordPart[], quoted: boolean): void {
    const part = this.take(p, to, quoted);
    if (part !== undefined) parts.push(part);
  }

  /** Ends the run at `to`: its Literal (QuotedLiteral when quoted), if it holds any text. */
  take(p: ParserState, to: number, quoted: boolean): WordPart | undefined {
    let part: WordPart | undefined;
    if (to > this.start) {
      const piece = p.text.slice(this.chunk, to);
      const value = this.value + piece;
      const raw = this.raw + piece;
      if (raw.length > 0 || value.length > 0) {
        countNode(p, this.start);
        const span = { start: this.start, end: to };
        part = quoted ? { type: 'QuotedLiteral', value, span } : { type: 'Literal', value, raw, span };
      }
    }
    this.reset(to);
    return part;
  }
}
