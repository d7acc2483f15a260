// The MongoDB database tools: mongodump and mongoexport read; mongorestore and mongoimport
// write, and with --drop first drop every collection they restore into.

import type { SimpleCommand } from '../parse/command.js';
import { urlHost } from './cloud-env.js';
import type { EnvHint, Recognition, RecognizeContext, Recognizer } from './invocation.js';
import { makeInvocation } from './make-invocation.js';

const switches = new Set([
  'drop',
  'gzip',
  'oplogReplay',
  'oplog',
  'quiet',
  'verbose',
  'help',
  'version',
  'ssl',
  'tls',
  'dryRun',
  'stopOnError',
  'noIndexRestore',
  'jsonArray',
  'headerline',
  'upsert',
  'ignoreBlanks',
  'preserveUUID',
  'drop-target',
  'archive',
]);
const shortNames: Record<string, string> = {
  h: 'host',
  d: 'db',
  c: 'collection',
  u: 'username',
  p: 'password',
  o: 'out',
  v: 'verbose',
};

function recognizeMongoTools(command: SimpleCommand, _ctx: RecognizeContext): Recognition {
  const flags: Record<string, string[]> = {};
  const positionals: string[] = [];
  const words = command.argv.slice(1);
  for (let i = 0; i < words.length; i++) {
    const value = words[i]!.value ?? words[i]!.text;
    if (!value.startsWith('-') || value === '-') {
      positionals.push(value);
      continue;
    }
    const long = value.startsWith('--');
    const eq = value.indexOf('=');
    const raw = value.slice(long ? 2 : 1, eq === -1 ? undefined : eq);
    const name = long ? raw : (shortNames[raw] ?? raw);
    const list = flags[name] ?? [];
    flags[name] = list;
    if (eq !== -1) list.push(value.slice(eq + 1));
    else if (switches.has(name) || name === 'v') list.push('');
    else list.push(words[++i]?.value ?? '');
  }
  const uri =
    flags.uri?.at(-1) ??
    positionals.find((p) => p.startsWith('mongodb://') || p.startsWith('mongodb+srv://'));
  const hostFlag = flags.host?.at(-1);
  const host =
    uri !== undefined
      ? urlHost(uri)
      : hostFlag
          ?.slice(hostFlag.indexOf('/') + 1)
          .split(',')[0]
          ?.split(':')[0];
  const envHints: EnvHint[] = [
    {
      kind: 'db-host',
      value: host ?? 'localhost',
      source: uri !== undefined ? '--uri' : hostFlag !== undefined ? '--host flag' : 'default host',
    },
  ];
  const db = flags.db?.at(-1);
  if (db !== undefined) envHints.push({ kind: 'db-name', value: db, source: '--db flag' });
  const facts = {
    drop: flags.drop !== undefined,
    'dry-run': flags.dryRun !== undefined,
    help: flags.help !== undefined || flags.version !== undefined,
  };
  return {
    invocations: [makeInvocation(command, { tool: 'mongo-tools', flags, positionals, envHints, facts })],
  };
}

export const mongoToolsRecognizer: Recognizer = {
  programs: ['mongodump', 'mongorestore', 'mongoimport', 'mongoexport'],
  recognize: recognizeMongoTools,
};
