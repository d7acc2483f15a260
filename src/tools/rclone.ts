// rclone: the subcommand, `remote:path` arguments (targets, and the remote's name as a hint
// of where it acts), --dry-run, and which side of a transfer is remote.

import type { SimpleCommand } from '../parse/command.js';
import type { EnvHint, Recognition, RecognizeContext, Recognizer, Target } from './invocation.js';
import { makeInvocation } from './make-invocation.js';

/** Switches (rclone's other flags take a value: --transfers 8, --exclude x, --config FILE). */
const switches = new Set([
  'dry-run',
  'interactive',
  'verbose',
  'progress',
  'checksum',
  'update',
  'delete-excluded',
  'fast-list',
  'no-traverse',
  'ignore-existing',
  'size-only',
  'create-empty-src-dirs',
  'track-renames',
  'immutable',
  'quiet',
  'human-readable',
  'recursive',
  'dirs-only',
  'files-only',
  'ignore-times',
  'ignore-size',
  'no-check-dest',
  'no-update-modtime',
  'copy-links',
  'links',
  'one-file-system',
  'help',
  'stats-one-line',
  'use-json-log',
  'metadata',
  'resync',
  'ask-password',
  'delete-before',
  'delete-during',
  'delete-after',
  'check-first',
  'ignore-errors',
  'server-side-across-configs',
]);
const shortSwitches: Record<string, string> = {
  n: 'dry-run',
  i: 'interactive',
  v: 'verbose',
  P: 'progress',
  c: 'checksum',
  u: 'update',
  q: 'quiet',
  R: 'recursive',
  h: 'help',
  L: 'copy-links',
  l: 'links',
  x: 'one-file-system',
  M: 'metadata',
};

/** `remote:path` (not a Windows drive letter, not a path with a slash before the colon). */
export function remoteName(arg: string): string | undefined {
  const colon = arg.indexOf(':');
  if (colon === -1) return undefined;
  const name = arg.slice(0, colon);
  if (name.includes('/') || (name.length === 1 && /[A-Za-z]/.test(name))) return undefined;
  return name === '' ? undefined : name;
}

function recognizeRclone(command: SimpleCommand, _ctx: RecognizeContext): Recognition {
  const flags: Record<string, string[]> = {};
  const positionals: string[] = [];
  const unknowns: string[] = [];
  let verb: string | undefined;
  const add = (name: string, value: string) => {
    const list = flags[name] ?? [];
    list.push(value);
    flags[name] = list;
  };
  const words = command.argv.slice(1);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const value = word.value;
    if (value === undefined) {
      if (verb === undefined) unknowns.push(`rclone command ${word.text} is not known before it runs`);
      positionals.push(word.pattern ?? word.text);
      continue;
    }
    if (value.startsWith('--')) {
      const eq = value.indexOf('=');
      const name = value.slice(2, eq === -1 ? undefined : eq);
      if (eq !== -1) add(name, value.slice(eq + 1));
      else if (switches.has(name) || name.startsWith('no-')) add(name, '');
      else add(name, words[++i]?.value ?? '');
      continue;
    }
    if (value.startsWith('-') && value.length > 1) {
      for (const letter of value.slice(1)) add(shortSwitches[letter] ?? letter, '');
      continue;
    }
    if (verb === undefined) verb = value;
    else positionals.push(value);
  }
  const facts: Record<string, boolean | string> = {};
  if (verb === undefined || verb === 'help' || verb === 'version' || flags.help !== undefined)
    facts.help = true;
  facts['dry-run'] = flags['dry-run'] !== undefined;
  const destination = positionals.length > 1 ? positionals[positionals.length - 1] : undefined;
  const remoteSource = positionals.length > 1 && remoteName(positionals[0]!) !== undefined;
  const remoteDestination = destination !== undefined && remoteName(destination) !== undefined;
  facts['rclone.download'] = remoteSource && destination !== undefined && !remoteDestination;
  facts['rclone.writes-remote'] =
    remoteDestination || (positionals.length === 1 && remoteName(positionals[0]!) !== undefined);
  const targets: Target[] = [];
  const envHints: EnvHint[] = [];
  const local =
    verb === 'config' ||
    verb === 'listremotes' ||
    verb === 'obscure' ||
    verb === 'genautocomplete' ||
    verb === 'completion' ||
    verb === 'selfupdate';
  for (const arg of positionals) {
    const remote = remoteName(arg);
    if (remote === undefined) continue;
    targets.push({ kind: 'remote', value: arg });
    if (!local && !envHints.some((h) => h.value === remote))
      envHints.push({ kind: 'host', value: remote, source: `rclone remote ${remote}:` });
  }
  const invocation = makeInvocation(command, {
    tool: 'rclone',
    subcommand: verb === undefined ? [] : [verb],
    flags,
    positionals,
    targets,
    envHints,
    facts,
    unknowns,
  });
  return { invocations: [invocation] };
}

export const rcloneRecognizer: Recognizer = { programs: ['rclone'], recognize: recognizeRclone };
