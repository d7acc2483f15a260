// Static brace expansion (`{a,b}`, `{1..5}`, `{a..e..2}`, nested, with prefix and suffix) over
// a flattened word, capped so `{1..9}{1..9}{1..9}…` cannot blow up.

import { type Item, isUnquotedChar } from './expand-items.js';

export const MAX_BRACE_WORDS = 1000;

/** The expanded alternatives, or undefined when there would be more than `limit`. */
export function expandBraces(items: Item[], limit = MAX_BRACE_WORDS): Item[][] | undefined {
  if (!items.some((item) => isUnquotedChar(item, '{'))) return [items];
  const out: Item[][] = [];
  return expandInto(items, 0, limit, out) ? out : undefined;
}

function expandInto(items: Item[], from: number, limit: number, out: Item[][]): boolean {
  for (let open = from; open < items.length; open++) {
    if (!isUnquotedChar(items[open], '{')) continue;
    const found = findAlternatives(items, open);
    if (found === undefined) continue;
    const prefix = items.slice(0, open);
    const suffix = items.slice(found.close + 1);
    for (const alternative of found.alternatives) {
      const next = [...prefix, ...alternative, ...suffix];
      // The alternative itself and the suffix may hold more braces.
      if (!expandInto(next, open, limit, out)) return false;
      if (out.length > limit) return false;
    }
    return true;
  }
  out.push(items);
  return out.length <= limit;
}

interface Alternatives {
  alternatives: Item[][];
  close: number;
}

function findAlternatives(items: Item[], open: number): Alternatives | undefined {
  let depth = 0;
  const commas: number[] = [];
  for (let i = open + 1; i < items.length; i++) {
    const item = items[i];
    if (isUnquotedChar(item, '{')) depth++;
    else if (isUnquotedChar(item, '}')) {
      if (depth === 0) {
        if (commas.length > 0) return { alternatives: splitAt(items, open, commas, i), close: i };
        const sequence = expandSequence(items.slice(open + 1, i));
        return sequence === undefined ? undefined : { alternatives: sequence, close: i };
      }
      depth--;
    } else if (depth === 0 && isUnquotedChar(item, ',')) commas.push(i);
  }
  return undefined;
}

function splitAt(items: Item[], open: number, commas: number[], close: number): Item[][] {
  const result: Item[][] = [];
  let start = open + 1;
  for (const comma of [...commas, close]) {
    result.push(items.slice(start, comma));
    start = comma + 1;
  }
  return result;
}

/** `{1..10}`, `{01..10..3}`, `{a..e}`: only when every character is unquoted literal text. */
function expandSequence(inner: Item[]): Item[][] | undefined {
  let text = '';
  for (const item of inner) {
    if (item.kind !== 'char' || item.quoted) return undefined;
    text += item.c;
  }
  const pieces = text.split('..');
  if (pieces.length !== 2 && pieces.length !== 3) return undefined;
  const [from, to, stepText] = pieces as [string, string, string | undefined];
  if (stepText !== undefined && !/^-?\d{1,9}$/.test(stepText)) return undefined;
  const step = Math.abs(stepText === undefined ? 1 : Number(stepText)) || 1;
  const values = numericSequence(from, to, step) ?? letterSequence(from, to, step);
  if (values === undefined) return undefined;
  return values.map((value) => [...value].map((c) => ({ kind: 'char' as const, c, quoted: false })));
}

function numericSequence(from: string, to: string, step: number): string[] | undefined {
  if (!/^-?\d{1,9}$/.test(from) || !/^-?\d{1,9}$/.test(to)) return undefined;
  const start = Number(from);
  const end = Number(to);
  const padded = /^-?0\d/.test(from) || /^-?0\d/.test(to);
  const width = padded ? Math.max(from.length, to.length) : 0;
  const count = Math.floor(Math.abs(end - start) / step) + 1;
  if (count > MAX_BRACE_WORDS + 1) return Array.from({ length: MAX_BRACE_WORDS + 1 }, () => '');
  const values: string[] = [];
  const direction = end >= start ? 1 : -1;
  for (let i = 0, n = start; i < count; i++, n += direction * step) {
    const digits = String(Math.abs(n)).padStart(n < 0 ? width - 1 : width, '0');
    values.push(n < 0 ? `-${digits}` : digits);
  }
  return values;
}

function letterSequence(from: string, to: string, step: number): string[] | undefined {
  if (from.length !== 1 || to.length !== 1 || !/[A-Za-z]/.test(from) || !/[A-Za-z]/.test(to))
    return undefined;
  const start = from.charCodeAt(0);
  const end = to.charCodeAt(0);
  const direction = end >= start ? 1 : -1;
  const values: string[] = [];
  for (let n = start; direction > 0 ? n <= end : n >= end; n += direction * step) {
    values.push(String.fromCharCode(n));
  }
  return values;
}
