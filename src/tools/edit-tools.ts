// Tools that rewrite files in place or write them whole: sed -i, tee, sqlite3.
// They matter most for self-protection (airlock's config and audit store).

import type { SimpleCommand } from '../parse/command.js';
import { isShellStartupFile } from '../parse/nested-later.js';
import { type ArgvSpec, hasFlag, parseArgv } from './argv.js';
import { isUntracked } from './git-index.js';
import type { Recognition, RecognizeContext, Recognizer, Target } from './invocation.js';
import { argsOf, makeInvocation } from './make-invocation.js';
import { pathTarget } from './paths.js';

const req = { value: 'required' } as const;

const sedSpec: ArgvSpec = {
  options: {
    help: {},
    version: {},
    'in-place': { short: 'i', value: 'optional' },
    expression: { short: 'e', ...req },
    file: { short: 'f', ...req },
    quiet: { short: 'n', aliases: ['silent'] },
    'regexp-extended': { short: 'Er' },
    separate: { short: 's' },
    'null-data': { short: 'z' },
    'line-length': { short: 'l', ...req },
    posix: {},
    sandbox: {},
    debug: {},
    unbuffered: { short: 'u' },
  },
};

const teeSpec: ArgvSpec = {
  options: {
    help: {},
    version: {},
    append: { short: 'a' },
    'ignore-interrupts': { short: 'i' },
    'output-error': { short: 'p', value: 'optional' },
  },
};

const sqliteSpec: ArgvSpec = {
  options: Object.fromEntries(
    [
      'readonly',
      'bail',
      'batch',
      'csv',
      'json',
      'line',
      'list',
      'header',
      'noheader',
      'echo',
      'help',
      'version',
      'safe',
    ]
      .map((name) => [name, {}] as const)
      .concat([
        ['cmd', req],
        ['separator', req],
        ['init', req],
        ['newline', req],
        ['nullvalue', req],
      ] as const),
  ),
  // sqlite3 takes options with one dash and stops at the database name.
  optionsAfterPositionals: false,
};

function recognizeSed(command: SimpleCommand, ctx: RecognizeContext): Recognition {
  const parsed = parseArgv(argsOf(command), sedSpec);
  const scriptGiven = hasFlag(parsed.flags, 'expression', 'file');
  const files = scriptGiven ? parsed.positionalWords : parsed.positionalWords.slice(1);
  const inPlace = hasFlag(parsed.flags, 'in-place');
  // Without -i sed only reads its files.
  const targets = inPlace ? files.map((w) => pathTarget(w, command, ctx)) : [];
  return {
    invocations: [
      makeInvocation(command, { tool: 'sed', parsed, targets, facts: { 'sed.in-place': inPlace } }),
    ],
  };
}

function recognizeTee(command: SimpleCommand, ctx: RecognizeContext): Recognition {
  const parsed = parseArgv(argsOf(command), teeSpec);
  const targets = parsed.positionalWords.map((w) => pathTarget(w, command, ctx));
  const append = hasFlag(parsed.flags, 'append');
  const overwrites =
    !append && targets.some((t) => t.exists === true && t.isDirectory !== true && t.kind === 'path');
  return {
    invocations: [
      makeInvocation(command, {
        tool: 'tee',
        parsed,
        targets,
        facts: {
          'overwrites-existing': overwrites,
          'startup-file': targets.some((t) => t.resolved !== undefined && isShellStartupFile(t.resolved)),
          untracked: !append && targets.some((t) => isUntracked(t, ctx) === true),
        },
      }),
    ],
  };
}

function recognizeSqlite(command: SimpleCommand, ctx: RecognizeContext): Recognition {
  // sqlite3 options are written `-readonly`; map them onto the long-option grammar.
  const words = argsOf(command).map((w) =>
    w.value !== undefined && /^-[a-z]/.test(w.value) ? { ...w, value: `-${w.value}` } : w,
  );
  const parsed = parseArgv(words, sqliteSpec);
  const targets: Target[] = parsed.positionalWords.slice(0, 1).map((w) => pathTarget(w, command, ctx));
  return {
    invocations: [
      makeInvocation(command, {
        tool: 'sqlite3',
        parsed,
        targets,
        facts: { 'sqlite.readonly': hasFlag(parsed.flags, 'readonly') },
      }),
    ],
  };
}

export const sedRecognizer: Recognizer = { programs: ['sed', 'gsed'], recognize: recognizeSed };
export const teeRecognizer: Recognizer = { programs: ['tee'], recognize: recognizeTee };
export const sqliteRecognizer: Recognizer = { programs: ['sqlite3', 'sqlite'], recognize: recognizeSqlite };
