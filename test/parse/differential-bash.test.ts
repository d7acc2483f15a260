// Differential tests against the real bash: accept/reject agreement with `bash -n`, and command names
// agreement with bash's own canonical re-printing of the line (`declare -f`).
//
// What is compared:
// 1. For every corpus line, `parseScript(line).ok` equals bash accepting `bash -n -c line`. bash -n
//    reports some errors (inside `[[ ]]`, `a=(…`) with exit status 0 or 1 but an error message, so
//    "bash accepts" means exit status 0 and no error message on stderr (warnings are fine).
// 2. For lines both accept, bash re-prints the line as the body of a function (`f() { LINE\n}` then
//    `declare -f f`): continuations, comments, heredoc placement and redirections are normalized.
//    a) Our command names (first word of each simple command, nested ones included) for the line must
//       equal our command names for bash's re-printed text.
//    b) For lines without substitutions, heredocs or `${…}`, an independent tokenizer over bash's
//       re-printed text (below, no shared code with the parser) must find the same top-level names.
// bash only runs the definition (never the body), in a temporary directory with an empty PATH, and only
// for lines that both parsers read as one function definition.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScript } from '../../src/parse/parser.js';
import { commandNames } from '../../src/parse/parser-outline.js';

const corpus: string[] = JSON.parse(
  readFileSync(new URL('./fixtures-parser/lines.json', import.meta.url), 'utf8'),
);

/**
 * Where we are deliberately stricter than `bash -n` (fail closed): bash does not parse backtick
 * bodies or heredoc bodies until run time, and joins operators split by a line continuation.
 */
const stricterThanBash = new Set(['[[ a && ]]', 'echo `echo )`', 'echo a &\\\n& b', 'cat <<EOF\n$(echo']);

const bashScript = `
while IFS= read -r -d '' line; do
  err=$(/usr/bin/bash -n -c "$line" 2>&1 >/dev/null); rc=$?
  printf '%s\\0%s\\0' "$rc" "$err"
done`;

const printScript = `
while IFS= read -r -d '' line; do
  wrapped="f() { $line"$'\\n'"}"
  if /usr/bin/bash -n -c "$wrapped" 2>/dev/null; then
    out=$(env -i PATH=/nonexistent /usr/bin/bash -c "$wrapped"$'\\n'"declare -f f" 2>/dev/null)
  else
    out='<error>'
  fi
  printf '%s\\0' "$out"
done`;

function runBash(script: string, lines: string[], cwd: string, name: string): Promise<string[]> {
  const input = join(cwd, name);
  writeFileSync(input, lines.map((l) => `${l}\0`).join(''));
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/bash', ['-c', `${script} < "$1"`, 'bash', input], { cwd });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', () => resolve(Buffer.concat(chunks).toString('utf8').split('\0')));
  });
}

let work = '';
const bashAccepts = new Map<string, { ok: boolean; stderr: string }>();
const printed = new Map<string, string>();

function isSingleFunction(text: string): boolean {
  const outcome = parseScript(text);
  if (!outcome.ok) return false;
  const items = outcome.script.body.items;
  return items.length === 1 && items[0]?.command.type === 'Function';
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'airlock-parser-diff-'));
  const lines = corpus.filter((l) => !l.includes('\0'));
  // Both bash passes run at once; the second picks lines by our own parse and is checked against the first.
  const printable = lines.filter((l) => parseScript(l).ok && isSingleFunction(`f() { ${l}\n}`));
  const [out, prints] = await Promise.all([
    runBash(bashScript, lines, work, 'lines'),
    runBash(printScript, printable, work, 'printable'),
  ]);
  lines.forEach((line, i) => {
    const rc = out[2 * i];
    const stderr = out[2 * i + 1] ?? '';
    const complained = /syntax error|unexpected|expected|conditional/.test(stderr);
    bashAccepts.set(line, { ok: rc === '0' && !complained, stderr });
  });
  printable.forEach((line, i) => {
    const text = prints[i];
    if (bashAccepts.get(line)?.ok === true && text !== undefined && text.startsWith('f () '))
      printed.set(line, text);
  });
}, 60_000);

afterAll(() => {
  if (work !== '') rmSync(work, { recursive: true, force: true });
});

describe('bash -n agreement', () => {
  it('covers a large corpus', () => {
    expect(corpus.length).toBeGreaterThan(700);
    expect(bashAccepts.size).toBe(corpus.length);
  });
  it('accepts and rejects the same lines as bash -n', () => {
    const disagreements: string[] = [];
    for (const line of corpus) {
      if (stricterThanBash.has(line)) continue;
      const ours = parseScript(line).ok;
      const theirs = bashAccepts.get(line);
      if (ours !== theirs?.ok)
        disagreements.push(`${JSON.stringify(line)} ours=${ours} bash=${theirs?.ok} ${theirs?.stderr}`);
    }
    expect(disagreements).toEqual([]);
  });
  it.each([...stricterThanBash])('is stricter than bash on %j (fails closed)', (line) => {
    expect(bashAccepts.get(line)?.ok).toBe(true);
    expect(parseScript(line).ok).toBe(false);
  });
});

/** Our names for the function body that bash printed (the `f` header and its braces removed). */
function ourNamesOfPrinted(text: string): string[] {
  const outcome = parseScript(text);
  if (!outcome.ok) return [`<parse error: ${outcome.error.message}>`];
  return commandNames(outcome.script);
}

function normalize(name: string): string {
  return name.replaceAll('\\\n', '');
}

describe('command names agree with bash re-printing', () => {
  it('re-printed a large share of the corpus', () => {
    expect(printed.size).toBeGreaterThan(350);
  });
  it('finds the same simple commands in the line and in bash’s canonical form', () => {
    const disagreements: string[] = [];
    for (const [line, text] of printed) {
      const outcome = parseScript(line);
      // bash prints `coproc ls` as `coproc COPROC ls`, which reads back differently; `! !` prints as nothing.
      if (!outcome.ok || /\bcoproc\b/.test(line) || /^f \(\) \n\{ \n\s*\}$/.test(text)) continue;
      const ours = commandNames(outcome.script).map(normalize);
      const theirs = ourNamesOfPrinted(text).filter((name, i) => !(i === 0 && name === 'f'));
      // bash prints `f () {` as a function header: our parse of it yields no name for it.
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) {
        disagreements.push(
          `${JSON.stringify(line)}: ours ${JSON.stringify(ours)} bash ${JSON.stringify(theirs)}`,
        );
      }
    }
    expect(disagreements).toEqual([]);
  });
  it('matches an independent tokenizer over bash’s output for substitution-free lines', () => {
    const disagreements: string[] = [];
    let compared = 0;
    for (const [line, text] of printed) {
      if (/[`]|\$[({[]|<<|[<>]\(|\bcoproc\b/.test(line)) continue;
      const outcome = parseScript(line);
      if (!outcome.ok) continue;
      compared++;
      const ours = commandNames(outcome.script).map(normalize);
      const theirs = independentNames(text);
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) {
        disagreements.push(
          `${JSON.stringify(line)}: ours ${JSON.stringify(ours)} tokenizer ${JSON.stringify(theirs)}`,
        );
      }
    }
    expect(compared).toBeGreaterThan(250);
    expect(disagreements).toEqual([]);
  });
});

type Token = { op: string } | { word: string; glued: boolean };

/** Splits bash's printed text into words and operators; quotes and backslashes stay in words. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const ops = [
    '&>>',
    ';;&',
    '<<<',
    '<<-',
    '((',
    '))',
    '&&',
    '||',
    '|&',
    ';;',
    ';&',
    '>>',
    '>|',
    '<>',
    '<&',
    '>&',
    '&>',
    '<<',
  ];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '\n') {
      tokens.push({ op: '\n' });
      i++;
      continue;
    }
    const op = ops.find((o) => text.startsWith(o, i)) ?? (';&|()<>'.includes(c) ? c : undefined);
    if (op !== undefined) {
      tokens.push({ op });
      i += op.length;
      continue;
    }
    let j = i;
    while (j < text.length && !' \t\n;&|()<>'.includes(text[j] as string)) {
      const q = text[j];
      if (q === '\\') j += 2;
      else if (q === "'" || q === '"') {
        j++;
        while (j < text.length && text[j] !== q) j += text[j] === '\\' && q === '"' ? 2 : 1;
        j++;
      } else j++;
    }
    tokens.push({ word: text.slice(i, j), glued: '<>'.includes(text[j] ?? '') });
    i = j;
  }
  return tokens;
}

const keepsCommandPosition = new Set([
  'if',
  'then',
  'else',
  'elif',
  'do',
  'while',
  'until',
  '!',
  'time',
  '{',
]);
const endsCommand = new Set(['fi', 'done', '}', 'esac']);

/** The first word of each simple command in bash's printed function, by position alone. */
function independentNames(text: string): string[] {
  const tokens = tokenize(text);
  const names: string[] = [];
  let commandPosition = true;
  let inPatterns = false;
  let skipUntil: string | undefined;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    const next = tokens[k + 1];
    if (skipUntil !== undefined) {
      if ('word' in t && t.word === skipUntil) {
        skipUntil = undefined;
        commandPosition = t.word !== ']]' && t.word !== 'in';
        if (t.word === 'in') inPatterns = true;
      } else if ('op' in t && t.op === '))' && skipUntil === '))') {
        skipUntil = undefined;
        commandPosition = false;
      }
      continue;
    }
    if ('op' in t) {
      if (inPatterns) {
        if (t.op === ')') {
          inPatterns = false;
          commandPosition = true;
        }
        continue;
      }
      if (['<', '>', '>>', '>|', '<>', '<&', '>&', '&>', '&>>', '<<<'].includes(t.op)) {
        k++;
        continue;
      }
      if (t.op === ';;' || t.op === ';&' || t.op === ';;&') {
        inPatterns = true;
        continue;
      }
      if (t.op === '((' && commandPosition) {
        skipUntil = '))';
        continue;
      }
      commandPosition = t.op !== ')' && t.op !== '))';
      continue;
    }
    if (inPatterns) {
      if (t.word === 'esac') {
        inPatterns = false;
        commandPosition = false;
      }
      continue;
    }
    if (/^([0-9]+|\{[A-Za-z_][A-Za-z0-9_]*\})$/.test(t.word) && t.glued) continue;
    if (/^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=$/.test(t.word) && next && 'op' in next && next.op === '(') {
      while (k < tokens.length && !('op' in (tokens[k] as Token) && (tokens[k] as { op: string }).op === ')'))
        k++;
      continue;
    }
    if (!commandPosition) continue;
    if (t.word === 'time' && next && 'word' in next && next.word === '-p') {
      k++;
      continue;
    }
    if (keepsCommandPosition.has(t.word)) continue;
    if (endsCommand.has(t.word)) {
      commandPosition = false;
      continue;
    }
    if (t.word === 'for' || t.word === 'select') skipUntil = 'do';
    else if (t.word === 'case') skipUntil = 'in';
    else if (t.word === '[[') skipUntil = ']]';
    else if (t.word === 'function') k++;
    else if (/^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/.test(t.word)) {
      if (t.word.endsWith('=') && next && 'op' in next && next.op === '(') {
        while (
          k < tokens.length &&
          !('op' in (tokens[k] as Token) && (tokens[k] as { op: string }).op === ')')
        )
          k++;
      }
    } else if (next && 'op' in next && next.op === '(' && tokens[k + 2] && 'op' in (tokens[k + 2] as Token)) {
      k += 2;
    } else {
      names.push(t.word);
      commandPosition = false;
    }
  }
  return names;
}
