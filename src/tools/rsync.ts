// rsync: the last operand is the destination; `--delete*` removes files there that the
// source lacks, and `--remove-source-files` removes the sources.

import { once } from '../once.js';
import type { SimpleCommand } from '../parse/command.js';
import { type ArgvSpec, hasFlag, parseArgv } from './argv.js';
import type { Recognition, RecognizeContext, Recognizer, Target } from './invocation.js';
import { argsOf, makeInvocation } from './make-invocation.js';
import { pathTarget } from './paths.js';

const req = { value: 'required' } as const;

const spec = once(
  (): ArgvSpec => ({
    options: {
      help: {},
      version: {},
      'dry-run': { short: 'n' },
      delete: { aliases: ['del'] },
      'delete-before': {},
      'delete-during': {},
      'delete-delay': {},
      'delete-after': {},
      'delete-excluded': {},
      'remove-source-files': {},
      archive: { short: 'a' },
      recursive: { short: 'r' },
      verbose: { short: 'v' },
      compress: { short: 'z' },
      update: { short: 'u' },
      exclude: req,
      include: req,
      filter: { short: 'f', ...req },
      rsh: { short: 'e', ...req },
      'exclude-from': req,
      'include-from': req,
      'files-from': req,
      'backup-dir': req,
      backup: { short: 'b' },
      'link-dest': req,
      'compare-dest': req,
      chmod: req,
      chown: req,
      port: req,
      'rsync-path': req,
      timeout: req,
      bwlimit: req,
      'max-size': req,
      'min-size': req,
      'partial-dir': req,
      'temp-dir': { short: 'T', ...req },
      'log-file': req,
      'out-format': req,
      'password-file': req,
      info: req,
      debug: req,
    },
  }),
);

/** `host:path` and `rsync://…` name another machine. */
function isRemote(value: string | undefined): boolean {
  if (value === undefined) return false;
  if (value.startsWith('rsync://')) return true;
  const colon = value.indexOf(':');
  const slash = value.indexOf('/');
  return colon > 0 && (slash === -1 || colon < slash);
}

function recognizeRsync(command: SimpleCommand, ctx: RecognizeContext): Recognition {
  const parsed = parseArgv(argsOf(command), spec());
  const words = parsed.positionalWords;
  const targets: Target[] = [];
  const removesSources = hasFlag(parsed.flags, 'remove-source-files');
  words.forEach((word, index) => {
    const isDestination = index === words.length - 1 && words.length > 1;
    // Sources are only read, unless --remove-source-files deletes them.
    if (!isDestination && !removesSources) return;
    if (isRemote(word.value)) targets.push({ kind: 'host', value: word.value });
    else targets.push(pathTarget(word, command, ctx));
  });
  const deletes = Object.keys(parsed.flags).some((f) => f.startsWith('delete'));
  return {
    invocations: [
      makeInvocation(command, {
        tool: 'rsync',
        parsed,
        targets,
        facts: {
          'rsync.delete': deletes,
          'rsync.remove-source-files': removesSources,
          'rsync.dry-run': hasFlag(parsed.flags, 'dry-run'),
        },
      }),
    ],
  };
}

export const rsyncRecognizer: Recognizer = { programs: ['rsync'], recognize: recognizeRsync };
