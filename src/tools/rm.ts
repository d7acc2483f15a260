// rm, rmdir and unlink: which paths go, and how (recursive, forced, root protection).

import type { SimpleCommand } from '../parse/command.js';
import { type ArgvSpec, hasFlag, parseArgv } from './argv.js';
import type { Recognition, RecognizeContext, Recognizer } from './invocation.js';
import { argsOf, makeInvocation } from './make-invocation.js';
import { pathTargets } from './paths.js';

const common = {
  help: {},
  version: {},
  verbose: { short: 'v' },
} as const;

const rmSpec: ArgvSpec = {
  options: {
    ...common,
    recursive: { short: 'rR' },
    force: { short: 'f' },
    interactive: { value: 'optional' },
    'interactive-always': { short: 'i' },
    'interactive-once': { short: 'I' },
    dir: { short: 'd' },
    'no-preserve-root': {},
    'preserve-root': { value: 'optional' },
    'one-file-system': {},
  },
};

const rmdirSpec: ArgvSpec = {
  options: { ...common, parents: { short: 'p' }, 'ignore-fail-on-non-empty': {} },
};

const unlinkSpec: ArgvSpec = { options: { ...common } };

const specs: Record<string, ArgvSpec> = { rm: rmSpec, rmdir: rmdirSpec, unlink: unlinkSpec };

/** Where a home directory keeps configuration, keys and credentials that nothing rebuilds. */
const userConfigDirs = [
  '.ssh',
  '.gnupg',
  '.aws',
  '.kube',
  '.config',
  '.docker',
  '.azure',
  '.gcloud',
  '.password-store',
];

/**
 * A file directly in the home directory (`~/.bashrc`, `~/notes.txt`) or in one of its
 * configuration and credential folders; not the inner files tools manage (`~/.pyenv/shims/x`).
 */
function isUserFile(path: string, ctx: RecognizeContext): boolean {
  const home = ctx.home ?? ctx.env.HOME;
  if (home === undefined || home === '/' || !path.startsWith(`${home}/`)) return false;
  const rest = path.slice(home.length + 1);
  const first = rest.split('/')[0]!;
  return !rest.includes('/') || userConfigDirs.includes(first);
}

function recognizeRm(command: SimpleCommand, ctx: RecognizeContext): Recognition {
  const program = command.program ?? 'rm';
  const parsed = parseArgv(argsOf(command), specs[program] ?? rmSpec);
  const targets = pathTargets(parsed.positionalWords, command, ctx);
  const facts: Record<string, boolean | number> = {
    recursive: hasFlag(parsed.flags, 'recursive'),
    force: hasFlag(parsed.flags, 'force'),
    'no-preserve-root': hasFlag(parsed.flags, 'no-preserve-root'),
    'target-count': targets.length,
  };
  const only = targets.length === 1 ? targets[0] : undefined;
  // One file named outright, not a tree or a pattern: deleting it is ordinary housekeeping.
  facts['single-file'] =
    facts.recursive === false &&
    only !== undefined &&
    only.value !== undefined &&
    only.pattern === undefined &&
    only.isDirectory !== true;
  facts['user-file'] = targets.some(
    (t) => t.pattern === undefined && t.resolved !== undefined && isUserFile(t.resolved, ctx),
  );
  // Only a file-or-empty-dir removal when every target exists and is not a directory.
  facts['removes-tree'] =
    facts.recursive === true && targets.some((t) => t.exists !== true || t.isDirectory === true);
  return { invocations: [makeInvocation(command, { tool: program, parsed, targets, facts })] };
}

export const rmRecognizer: Recognizer = { programs: ['rm', 'rmdir', 'unlink'], recognize: recognizeRm };
