// mv, cp and ln: sources and a destination; the fact that matters is whether an
// existing file at the destination would be replaced.

import { posix } from 'node:path';
import { once } from '../once.js';
import type { SimpleCommand } from '../parse/command.js';
import { type ArgvSpec, hasFlag, lastFlag, type OptionSpec, parseArgv } from './argv.js';
import type { Recognition, RecognizeContext, Recognizer, Target } from './invocation.js';
import { argsOf, makeInvocation } from './make-invocation.js';
import { pathTarget } from './paths.js';

const req = { value: 'required' } as const;
const opt = { value: 'optional' } as const;

const shared: Record<string, OptionSpec> = {
  help: {},
  version: {},
  backup: { short: 'b', ...opt },
  force: { short: 'f' },
  interactive: { short: 'i' },
  'target-directory': { short: 't', ...req },
  'no-target-directory': { short: 'T' },
  verbose: { short: 'v' },
  suffix: { short: 'S', ...req },
};

const specs = once(
  (): Record<string, ArgvSpec> => ({
    cp: {
      options: {
        ...shared,
        'no-clobber': { short: 'n' },
        update: { short: 'u', ...opt },
        archive: { short: 'a' },
        recursive: { short: 'rR' },
        link: { short: 'l' },
        'symbolic-link': { short: 's' },
        preserve: { short: 'p', ...opt },
        'no-dereference': { short: 'dP' },
        dereference: { short: 'L' },
        'one-file-system': { short: 'x' },
        'remove-destination': {},
        parents: {},
        reflink: opt,
        sparse: req,
      },
    },
    mv: {
      options: { ...shared, 'no-clobber': { short: 'n' }, update: { short: 'u', ...opt }, exchange: {} },
    },
    ln: {
      options: {
        ...shared,
        symbolic: { short: 's' },
        'no-dereference': { short: 'n' },
        logical: { short: 'L' },
        physical: { short: 'P' },
        relative: { short: 'r' },
        directory: { short: 'dF' },
      },
    },
  }),
);

function keepsExisting(program: string, flags: Readonly<Record<string, string[]>>): boolean {
  if (hasFlag(flags, 'backup', 'interactive', 'exchange')) return true;
  if (program === 'ln') return !hasFlag(flags, 'force');
  return hasFlag(flags, 'no-clobber') || lastFlag(flags, 'update') === 'none';
}

function recognizeCopyMove(command: SimpleCommand, ctx: RecognizeContext): Recognition {
  const program = command.program ?? 'cp';
  const parsed = parseArgv(argsOf(command), specs()[program] ?? specs().cp!);
  const words = [...parsed.positionalWords];
  const targetDir = lastFlag(parsed.flags, 'target-directory');
  const destWord = targetDir !== undefined ? undefined : words.length > 1 ? words.pop() : undefined;
  // Targets are what the command changes: mv's sources go away, cp's and ln's are only read.
  const targets: Target[] = program === 'mv' ? words.map((w) => pathTarget(w, command, ctx)) : [];
  const dest =
    targetDir !== undefined
      ? pathTarget(targetDir, command, ctx)
      : destWord && pathTarget(destWord, command, ctx);
  // `ln -s TARGET` with one operand makes the link in the current directory.
  const destination = dest ?? (program === 'ln' ? pathTarget('.', command, ctx) : undefined);
  let overwrites = false;
  if (destination !== undefined) {
    targets.push(destination);
    const intoDirectory =
      destination.isDirectory === true &&
      (targetDir !== undefined || !hasFlag(parsed.flags, 'no-target-directory'));
    // `[ -f .env ] || cp .env.example .env`: the copy runs only when the destination is missing.
    const provenMissing =
      destination.resolved !== undefined && command.absent?.includes(destination.resolved) === true;
    if (!intoDirectory)
      overwrites = destination.exists === true && destination.isDirectory !== true && !provenMissing;
    else {
      for (const source of words) {
        if (source.value === undefined || destination.resolved === undefined) continue;
        const inside = pathTarget(
          posix.join(destination.resolved, posix.basename(source.value)),
          command,
          ctx,
        );
        if (inside.exists === true && inside.isDirectory !== true) {
          overwrites = true;
          targets.push(inside);
        }
      }
    }
  }
  const facts = { 'overwrites-existing': overwrites && !keepsExisting(program, parsed.flags) };
  return { invocations: [makeInvocation(command, { tool: program, parsed, targets, facts })] };
}

export const copyMoveRecognizer: Recognizer = { programs: ['mv', 'cp', 'ln'], recognize: recognizeCopyMove };
