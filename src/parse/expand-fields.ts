// Accumulates expanded text into argv fields: quoting, field splitting on IFS, glob detection.

import type { Span } from './ast.js';
import type { ArgWord } from './command.js';

/** Longer values are not worth tracking (and doubling `X=$X$X` must stay bounded). */
export const MAX_VALUE_LENGTH = 65_536;

const GLOB_SPECIAL = new Set(['*', '?', '[', ']', '\\']);

export class FieldBuilder {
  readonly fields: ArgWord[] = [];
  private value = '';
  private pattern = '';
  private glob = false;
  private openBracket = false;
  private dynamic: string | undefined;
  /** The field exists even if empty (quotes, literal text or a dynamic part were seen). */
  private content = false;

  constructor(
    private readonly text: string,
    private readonly span: Span,
  ) {}

  appendChar(c: string, quoted: boolean): void {
    this.content = true;
    if (this.value.length > MAX_VALUE_LENGTH) {
      this.dynamic ??= 'the value is too long to track';
      return;
    }
    this.value += c;
    if (quoted) {
      this.pattern += GLOB_SPECIAL.has(c) ? `\\${c}` : c;
      return;
    }
    this.pattern += c;
    if (c === '*' || c === '?') this.glob = true;
    else if (c === '[') this.openBracket = true;
    else if (c === ']' && this.openBracket) this.glob = true;
  }

  appendQuoted(text: string): void {
    this.content = true;
    for (const c of text) this.appendChar(c, true);
  }

  /** An unquoted expansion's value: split on IFS, and its glob characters stay active. */
  appendSplit(text: string, ifs: string): void {
    for (const c of text) {
      if (!ifs.includes(c)) {
        this.appendChar(c, false);
        continue;
      }
      const whitespace = c === ' ' || c === '\t' || c === '\n';
      if (whitespace) {
        if (this.content) this.finish();
      } else {
        // A non-whitespace separator always ends a field, even an empty one.
        this.content = true;
        this.finish();
      }
    }
  }

  markDynamic(reason: string): void {
    this.content = true;
    this.dynamic ??= reason;
  }

  /** The field exists even when empty (`""`, or a string-mode expansion). */
  markPresent(): void {
    this.content = true;
  }

  get length(): number {
    return this.value.length;
  }

  finish(): void {
    if (!this.content) return;
    const field: ArgWord = { text: this.text, span: this.span };
    if (this.value.length > MAX_VALUE_LENGTH) this.dynamic ??= 'the value is too long to track';
    if (this.dynamic !== undefined) field.dynamic = this.dynamic;
    else if (this.glob) field.pattern = this.pattern;
    else field.value = this.value;
    this.fields.push(field);
    this.value = '';
    this.pattern = '';
    this.glob = false;
    this.openBracket = false;
    this.dynamic = undefined;
    this.content = false;
  }
}
