// azcopy: copy/sync/remove between local paths and Azure Storage URLs; which side is
// remote, --delete-destination on sync, --dry-run, and the storage account as a hint.

import type { SimpleCommand } from '../parse/command.js';
import { urlHost } from './cloud-env.js';
import type { EnvHint, Recognition, RecognizeContext, Recognizer, Target } from './invocation.js';
import { makeInvocation } from './make-invocation.js';

const aliases: Record<string, string> = { cp: 'copy', rm: 'remove', ls: 'list', mk: 'make' };
const switches = new Set([
  'recursive',
  'dry-run',
  'help',
  'as-subdir',
  'overwrite-if-newer',
  'check-md5',
  'force-if-read-only',
  'put-md5',
  'mirror-mode',
]);

const isRemote = (arg: string) => arg.startsWith('https://') || arg.startsWith('http://');

function recognizeAzcopy(command: SimpleCommand, _ctx: RecognizeContext): Recognition {
  const flags: Record<string, string[]> = {};
  const positionals: string[] = [];
  let verb: string | undefined;
  const words = command.argv.slice(1);
  for (let i = 0; i < words.length; i++) {
    const value = words[i]!.value ?? words[i]!.text;
    if (!value.startsWith('-')) {
      if (verb === undefined) verb = aliases[value] ?? value;
      else positionals.push(value);
      continue;
    }
    const eq = value.indexOf('=');
    const name = value
      .replace(/^-+/, '')
      .slice(0, eq === -1 ? undefined : eq - (value.startsWith('--') ? 2 : 1));
    const list = flags[name] ?? [];
    flags[name] = list;
    if (eq !== -1) list.push(value.slice(eq + 1));
    else if (switches.has(name)) list.push('');
    else list.push(words[++i]?.value ?? '');
  }
  const destination = positionals.length > 1 ? positionals[positionals.length - 1] : undefined;
  const deleteDestination = (flags['delete-destination']?.at(-1) ?? 'false').toLowerCase();
  const facts = {
    help: verb === undefined || flags.help !== undefined,
    'dry-run': flags['dry-run'] !== undefined,
    'storage.writes-remote':
      (verb === 'copy' || verb === 'sync') && destination !== undefined && isRemote(destination),
    'storage.deletes-extra':
      verb === 'sync' && (deleteDestination === 'true' || deleteDestination === 'prompt'),
  };
  const targets: Target[] = [];
  const envHints: EnvHint[] = [];
  for (const arg of positionals) {
    if (!isRemote(arg)) continue;
    targets.push({ kind: 'object', value: arg.split('?')[0]! });
    const host = urlHost(arg);
    if (host !== undefined && !envHints.some((h) => h.value === host))
      envHints.push({ kind: 'host', value: host, source: 'azcopy storage URL' });
  }
  return {
    invocations: [
      makeInvocation(command, {
        tool: 'azcopy',
        subcommand: verb === undefined ? [] : [verb],
        flags,
        positionals,
        targets,
        envHints,
        facts,
      }),
    ],
  };
}

export const azcopyRecognizer: Recognizer = { programs: ['azcopy'], recognize: recognizeAzcopy };
