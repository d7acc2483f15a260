// gsutil, and the transfer commands it shares with `gcloud storage` (cp, mv, rm, rsync):
// which side is the bucket, whether objects leave it, and whether rsync deletes extras.

import type { SimpleCommand } from '../parse/command.js';
import { gcloudHints } from './gcloud-config.js';
import type { Recognition, RecognizeContext, Recognizer, Target } from './invocation.js';
import { makeInvocation } from './make-invocation.js';

const isRemote = (url: string) => url.startsWith('gs://') || url.startsWith('s3://');

/** `gs://bucket` is a bucket; anything longer an object or prefix. */
export function storageTargets(positionals: readonly string[]): Target[] {
  const targets: Target[] = [];
  for (const url of positionals) {
    if (!isRemote(url)) continue;
    const rest = url.slice(5);
    const slash = rest.indexOf('/');
    targets.push(
      slash === -1 || slash === rest.length - 1
        ? { kind: 'bucket', value: rest.replace(/\/$/, '') }
        : { kind: 'object', value: url },
    );
  }
  return targets;
}

export function storageTransferFacts(
  verb: string,
  positionals: readonly string[],
  flags: Readonly<Record<string, string[]>>,
): Record<string, boolean> {
  const destination = positionals.length > 1 ? positionals[positionals.length - 1] : undefined;
  const sources = positionals.slice(0, -1);
  const transfer = verb === 'cp' || verb === 'mv' || verb === 'rsync';
  const remoteDestination = destination !== undefined && isRemote(destination);
  return {
    'storage.download': transfer && destination !== undefined && !remoteDestination && sources.some(isRemote),
    'storage.writes-remote': transfer && remoteDestination,
    'storage.deletes-extra':
      verb === 'rsync' &&
      (flags.d !== undefined || flags['delete-unmatched-destination-objects'] !== undefined),
    'storage.recursive': flags.r !== undefined || flags.R !== undefined || flags.recursive !== undefined,
  };
}

/** Commands with a second verb word (`acl set`, `iam ch`). */
const nested = new Set([
  'acl',
  'iam',
  'defacl',
  'lifecycle',
  'versioning',
  'label',
  'cors',
  'web',
  'logging',
  'notification',
  'retention',
  'defstorageclass',
  'requesterpays',
  'autoclass',
  'rpo',
  'ubla',
  'pap',
  'kms',
  'hmac',
  'bucketpolicyonly',
]);
const globalValueLetters = 'ouhi';
const valueLetters: Record<string, string> = {
  cp: 'aszjL',
  mv: 'aszjL',
  rsync: 'axjy',
  mb: 'pclbks',
  ls: 'p',
};

function recognizeGsutil(command: SimpleCommand, ctx: RecognizeContext): Recognition {
  const words = command.argv.slice(1);
  const globals: Record<string, string[]> = {};
  const flags: Record<string, string[]> = {};
  const positionals: string[] = [];
  const subcommand: string[] = [];
  const unknowns: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const value = word.value;
    const inCommand = subcommand.length > 0;
    if (value === undefined) {
      if (!inCommand) unknowns.push(`gsutil command ${word.text} is not known before it runs`);
      positionals.push(word.pattern ?? word.text);
      continue;
    }
    if (
      value.startsWith('-') &&
      value.length > 1 &&
      !(inCommand && positionals.length > 0 && value === '-')
    ) {
      const letters = value.startsWith('--') ? [value.slice(2)] : [...value.slice(1)];
      const takes = inCommand ? (valueLetters[subcommand[0]!] ?? '') : globalValueLetters;
      for (const letter of letters) {
        const into = inCommand ? flags : globals;
        const list = into[letter] ?? [];
        into[letter] = list;
        if (letter.length === 1 && takes.includes(letter)) {
          list.push(words[i + 1]?.value ?? '');
          i++;
          break;
        }
        list.push('');
      }
      continue;
    }
    if (!inCommand) subcommand.push(value);
    else if (subcommand.length === 1 && nested.has(subcommand[0]!) && positionals.length === 0)
      subcommand.push(value);
    else positionals.push(value);
  }
  const verb = subcommand[0] ?? '';
  const facts: Record<string, boolean> = { ...storageTransferFacts(verb, positionals, flags) };
  if (verb === '' || verb === 'help' || verb === 'version') facts.help = true;
  if (flags.n !== undefined && verb === 'rsync') facts['dry-run'] = true;
  const project = flags.p?.at(-1) ?? globals.u?.at(-1);
  const envHints = gcloudHints(command, { ...(project !== undefined && { project }), dynamic: false }, ctx);
  const invocation = makeInvocation(command, {
    tool: 'gsutil',
    subcommand,
    flags,
    positionals,
    targets: storageTargets(positionals),
    envHints,
    facts,
    unknowns,
  });
  return { invocations: [invocation] };
}

export const gsutilRecognizer: Recognizer = { programs: ['gsutil'], recognize: recognizeGsutil };
