// A word flattened into characters and expansion atoms, each marked quoted or not: the form
// brace expansion, tilde expansion and globbing work on.

import type { Word, WordPart } from './ast.js';

export type Item =
  | { kind: 'char'; c: string; quoted: boolean }
  | { kind: 'part'; part: WordPart; quoted: boolean };

export function wordToItems(word: Word): Item[] {
  const items: Item[] = [];
  pushParts(word.parts, false, items);
  return items;
}

function pushText(text: string, quoted: boolean, items: Item[]): void {
  // An empty quoted string still makes a (possibly empty) field, so it leaves a marker.
  if (text === '' && quoted) items.push({ kind: 'char', c: '', quoted: true });
  for (const c of text) items.push({ kind: 'char', c, quoted });
}

function pushParts(parts: WordPart[], quoted: boolean, items: Item[]): void {
  for (const part of parts) {
    switch (part.type) {
      case 'Literal':
        if (quoted) pushText(part.value, true, items);
        else pushRawLiteral(part.raw, items);
        break;
      case 'QuotedLiteral':
      case 'SingleQuoted':
      case 'AnsiC':
        pushText(part.value, true, items);
        break;
      case 'DoubleQuoted':
        if (part.parts.length === 0) items.push({ kind: 'char', c: '', quoted: true });
        pushParts(part.parts, true, items);
        break;
      default:
        items.push({ kind: 'part', part, quoted });
    }
  }
}

/** Unquoted literal text: a backslash quotes the next character; backslash-newline vanishes. */
function pushRawLiteral(raw: string, items: Item[]): void {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '\\' && i + 1 < raw.length) {
      const next = raw[i + 1]!;
      i++;
      if (next !== '\n') items.push({ kind: 'char', c: next, quoted: true });
      continue;
    }
    items.push({ kind: 'char', c, quoted: false });
  }
}

export function isUnquotedChar(item: Item | undefined, c: string): boolean {
  return item !== undefined && item.kind === 'char' && !item.quoted && item.c === c;
}
