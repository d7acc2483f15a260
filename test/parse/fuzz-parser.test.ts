// Property and mutation tests: the parser never throws, always returns promptly, is deterministic,
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are shell text, where ${…} is parameter expansion
// and every tree it returns has exact spans, whatever the input.

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParseOutcome } from '../../src/parse/ast.js';
import { parseScript } from '../../src/parse/parser.js';

const corpus: string[] = JSON.parse(
  readFileSync(new URL('./fixtures-parser/lines.json', import.meta.url), 'utf8'),
);

/** Throws (failing the test) on a broken span or a word whose text is not its exact slice. */
function checkTree(text: string, node: unknown): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) checkTree(text, item);
    return;
  }
  const record = node as Record<string, unknown>;
  const span = record.span as { start: number; end: number } | undefined;
  if (span !== undefined && !(span.start >= 0 && span.end >= span.start && span.end <= text.length)) {
    throw new Error(`bad span ${JSON.stringify(span)} in ${JSON.stringify(text)}`);
  }
  if (record.type === 'Word' && span !== undefined && record.text !== text.slice(span.start, span.end)) {
    throw new Error(`word text ${JSON.stringify(record.text)} is not its slice in ${JSON.stringify(text)}`);
  }
  for (const [key, value] of Object.entries(record)) if (key !== 'span') checkTree(text, value);
}

/** Parses twice: never throws, same result both times, bounded time, valid tree. */
function checkParse(text: string): ParseOutcome {
  const started = performance.now();
  const first = parseScript(text);
  const elapsed = performance.now() - started;
  expect(elapsed).toBeLessThan(text.length > 100_000 ? 5000 : 200);
  if (text.length <= 100_000) {
    const second = parseScript(text);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  }
  if (first.ok) checkTree(text, first.script);
  else {
    expect(['syntax', 'limit']).toContain(first.error.kind);
    expect(first.error.offset).toBeGreaterThanOrEqual(0);
  }
  return first;
}

const fragments = [
  'a',
  'rm',
  ' ',
  '\t',
  '\n',
  ';',
  '&',
  '|',
  '&&',
  '||',
  '(',
  ')',
  '{',
  '}',
  '[[',
  ']]',
  '((',
  '))',
  '<',
  '>',
  '<<EOF\n',
  'EOF\n',
  "<<'E'\n",
  '<<-',
  '<<<',
  "'",
  '"',
  '`',
  '\\',
  '\\\n',
  '$',
  '$(',
  '${',
  '}',
  '$((',
  '$[',
  "$'",
  '$"',
  '<(',
  '>(',
  '#',
  '=',
  'x=',
  '=(',
  'if ',
  'then ',
  'fi',
  'for ',
  ' in ',
  'do ',
  'done',
  'case ',
  'esac',
  ';;',
  'function ',
  'f()',
  '!',
  'time ',
  'coproc ',
  '2>&1',
  '\r',
  '\u00a0',
  '\u202e',
  '\u200b',
  'é',
  '😀',
  '\0',
];

describe('random shell-like text', () => {
  it('never throws, is deterministic and keeps exact spans', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 40 }), (pieces) => {
        checkParse(pieces.join(''));
      }),
      { numRuns: 1000, seed: 20240601 },
    );
  });
  it('handles arbitrary unicode strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 120 }), (text) => {
        checkParse(text);
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});

/** A small deterministic generator so mutation runs are reproducible. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const insertions = [
  '"',
  "'",
  '`',
  '\\',
  '(',
  ')',
  '$(',
  '${',
  '<<EOF\n',
  '\n',
  '\0',
  '\r',
  '\u202e',
  '\u200b',
  '}',
  ';;',
  '&',
];

function mutate(line: string, random: () => number): string {
  let text = line;
  const edits = 1 + Math.floor(random() * 3);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(random() * (text.length + 1));
    const kind = random();
    if (kind < 0.45) {
      text = text.slice(0, at) + insertions[Math.floor(random() * insertions.length)] + text.slice(at);
    } else if (kind < 0.75) {
      text = text.slice(0, at) + text.slice(at + 1);
    } else {
      const end = Math.min(text.length, at + 1 + Math.floor(random() * 6));
      text = text.slice(0, end) + text.slice(at, end) + text.slice(end);
    }
  }
  return text;
}

describe('mutated corpus lines', () => {
  it('survive insertions, deletions and duplications of quotes, parens, escapes and odd characters', () => {
    const random = prng(42);
    let parsedOk = 0;
    let rejected = 0;
    for (const line of corpus) {
      for (let round = 0; round < 3; round++) {
        const outcome = checkParse(mutate(line, random));
        if (outcome.ok) parsedOk++;
        else rejected++;
      }
    }
    // Both outcomes occur: the mutations exercise the error paths and the happy paths.
    expect(parsedOk).toBeGreaterThan(100);
    expect(rejected).toBeGreaterThan(100);
  });
  it('rejects a NUL anywhere', () => {
    for (const line of corpus.slice(0, 200)) {
      const at = line.length >> 1;
      const outcome = parseScript(`${line.slice(0, at)}\0${line.slice(at)}`);
      expect(outcome.ok).toBe(false);
    }
  });
});

describe('large inputs', () => {
  it('returns for a 1 MB text made of the corpus', () => {
    let text = corpus.join('\n');
    while (text.length < 1_000_000) text += `\n${text}`;
    text = text.slice(0, 1_000_000);
    const outcome = checkParse(text);
    expect(outcome.ok || outcome.error.kind === 'limit' || outcome.error.kind === 'syntax').toBe(true);
  });
  it.each([
    ['$(', 1_000_000],
    ['((', 1_000_000],
    ['"$(', 1_000_000],
    ['${x:-', 1_000_000],
    ['cat <<E\n', 1_000_000],
    ['`', 200_000],
    ['a |', 200_000],
    ['[[ ! ', 200_000],
    ['\\', 200_000],
    ["$'", 200_000],
  ])('returns for %j repeated to %i characters', (piece, size) => {
    checkParse(piece.repeat(Math.ceil(size / piece.length)).slice(0, size));
  });
});
