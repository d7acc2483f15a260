// Tools that matter only for self-protection: text editors (what file they open), package
// managers (uninstalling airlock itself) and `export PATH=…` (dropping airlock's shims).

import { isAbsolute } from 'node:path';
import type { SimpleCommand } from '../parse/command.js';
import { type ArgvSpec, hasFlag, parseArgv } from './argv.js';
import type { Recognition, RecognizeContext, Recognizer } from './invocation.js';
import { argsOf, makeInvocation } from './make-invocation.js';
import { pathTarget } from './paths.js';

const editorSpec: ArgvSpec = {
  options: {
    help: { short: 'h' },
    version: {},
    readonly: { short: 'RM', aliases: ['view'] },
    // nano -v is its view mode.
    'view-mode': { short: 'v' },
    cmd: { short: 'c', value: 'required' },
    'exec-before': { short: 'S', value: 'required' },
  },
};

const readOnlyEditors = new Set(['view', 'less', 'more']);

function recognizeEditor(command: SimpleCommand, ctx: RecognizeContext): Recognition {
  const program = command.program ?? 'vim';
  const parsed = parseArgv(argsOf(command), editorSpec);
  // `+42 file` jumps to a line; it is not a file.
  const files = parsed.positionalWords.filter((w) => !(w.value ?? '').startsWith('+'));
  const readonly =
    readOnlyEditors.has(program) ||
    hasFlag(parsed.flags, 'readonly') ||
    (program === 'nano' && hasFlag(parsed.flags, 'view-mode'));
  return {
    invocations: [
      makeInvocation(command, {
        tool: 'editor',
        parsed,
        targets: files.map((w) => pathTarget(w, command, ctx)),
        facts: { 'editor.readonly': readonly },
      }),
    ],
  };
}

export const editorRecognizer: Recognizer = {
  programs: [
    'vi',
    'vim',
    'nvim',
    'view',
    'nano',
    'pico',
    'emacs',
    'micro',
    'hx',
    'helix',
    'kak',
    'joe',
    'mcedit',
    'ed',
    'ex',
    'gedit',
    'code',
    'subl',
  ],
  shim: false,
  recognize: recognizeEditor,
};

const removeVerbs = new Set(['uninstall', 'remove', 'rm', 'r', 'un', 'unlink']);

const packageSpec: ArgvSpec = {
  options: { help: { short: 'h' }, global: { short: 'g' }, location: { value: 'required' } },
};

/** `npm uninstall -g airlock`, `pnpm remove -g airlock`, `yarn global remove airlock`. */
function recognizePackageManager(command: SimpleCommand, _ctx: RecognizeContext): Recognition {
  const parsed = parseArgv(argsOf(command), packageSpec);
  let [verb, ...names] = parsed.positionals;
  let global = hasFlag(parsed.flags, 'global') || parsed.flags.location?.includes('global') === true;
  if (verb === 'global') {
    global = true;
    [verb, ...names] = names;
  }
  const removes = verb !== undefined && removeVerbs.has(verb);
  const airlock = names.some((name) => name === 'airlock' || name.startsWith('airlock@'));
  return {
    invocations: [
      makeInvocation(command, {
        tool: 'package-manager',
        parsed,
        subcommand: verb === undefined ? [] : [verb],
        facts: { 'package.removes': removes, 'package.global': global, 'package.airlock': airlock },
      }),
    ],
  };
}

export const packageManagerRecognizer: Recognizer = {
  programs: ['npm', 'pnpm', 'yarn', 'bun'],
  shim: false,
  recognize: recognizePackageManager,
};

/** A PATH component that keeps every existing entry. */
const keepsPath = new Set(['$PATH', '$' + '{PATH}']);

/**
 * `export PATH=…`: a value that cannot be read from the line, or one that leaves out a PATH
 * entry inside airlock's files (its shims), switches the guard off for later commands.
 */
function recognizeExport(command: SimpleCommand, ctx: RecognizeContext): Recognition {
  let dropsShims = false;
  let unknownPath = false;
  for (const word of command.argv.slice(1)) {
    const text = word.value ?? word.text;
    if (!text.startsWith('PATH=')) continue;
    if (word.value === undefined) {
      // `PATH="$HOME/bin:$PATH"` keeps every entry; `PATH=$(… | grep -v airlock)` may not.
      const parts = word.text.slice(5).replaceAll('"', '').split(':');
      unknownPath ||= !parts.some((part) => keepsPath.has(part));
      continue;
    }
    const entries = new Set(word.value.slice(5).split(':'));
    const before = (ctx.env.PATH ?? '').split(':').filter((entry) => isAbsolute(entry));
    dropsShims ||= before.some(
      (entry) =>
        !entries.has(entry) && ctx.airlockPaths.some((own) => entry === own || entry.startsWith(`${own}/`)),
    );
  }
  return {
    invocations: [
      makeInvocation(command, {
        tool: 'export',
        positionals: command.argv.slice(1).map((w) => w.value ?? w.text),
        facts: { 'path.drops-shims': dropsShims, 'path.unknown': unknownPath },
      }),
    ],
  };
}

export const exportRecognizer: Recognizer = {
  programs: ['export', 'declare', 'typeset', 'readonly', 'local'],
  shim: false,
  recognize: recognizeExport,
};
