// mongosh and the legacy mongo shell: the connection (--host, a mongodb:// URI, host/db),
// and the JavaScript it runs (--eval, script files, standard input), scanned for the
// method calls that drop, delete or change data. Each call becomes its own invocation.

import type { SimpleCommand } from '../parse/command.js';
import { urlHost } from './cloud-env.js';
import { stdinText } from './cloud-stdin.js';
import type {
  EnvHint,
  FactValue,
  Invocation,
  Recognition,
  RecognizeContext,
  Recognizer,
} from './invocation.js';
import { makeInvocation } from './make-invocation.js';
import { isEmptyFilter, type JsCall, scanMongoScript } from './mongo-js.js';
import { resolvePath } from './paths.js';

const valueOptions = new Set([
  'host',
  'port',
  'eval',
  'file',
  'username',
  'password',
  'authenticationDatabase',
  'authenticationMechanism',
  'tlsCAFile',
  'tlsCertificateKeyFile',
  'tlsCertificateKeyFilePassword',
  'tlsCRLFile',
  'apiVersion',
  'awsAccessKeyId',
  'awsSecretAccessKey',
  'awsSessionToken',
  'gssapiServiceName',
  'sspiHostnameCanonicalization',
  'csfleLibraryPath',
  'cryptSharedLibPath',
  'keyVaultNamespace',
  'kmsURL',
  'browser',
  'sslCAFile',
  'sslPEMKeyFile',
]);
const shortNames: Record<string, string> = { u: 'username', p: 'password', f: 'file', h: 'help' };
const SCRIPT_LIMIT = 1024 * 1024;

interface MongoArgs {
  flags: Record<string, string[]>;
  positionals: string[];
  dynamic: string[];
}

function parseMongoArgs(command: SimpleCommand): MongoArgs {
  const out: MongoArgs = { flags: {}, positionals: [], dynamic: [] };
  const words = command.argv.slice(1);
  const add = (name: string, value: string) => {
    const list = out.flags[name] ?? [];
    list.push(value);
    out.flags[name] = list;
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const value = word.value;
    if (value === undefined || !value.startsWith('-') || value === '-') {
      if (value === undefined) out.dynamic.push(word.text);
      out.positionals.push(value ?? word.text);
      continue;
    }
    const long = value.startsWith('--');
    const eq = value.indexOf('=');
    const raw = value.slice(long ? 2 : 1, eq === -1 ? undefined : eq);
    const name = long ? raw : (shortNames[raw] ?? raw);
    if (eq !== -1) {
      add(name, value.slice(eq + 1));
      continue;
    }
    const next = words[i + 1];
    // `-p` with no value prompts for the password.
    const takes =
      valueOptions.has(name) &&
      next !== undefined &&
      !(name === 'password' && (next.value ?? '').match(/^(-|mongodb)/));
    if (!takes) {
      add(name, '');
      continue;
    }
    i++;
    if (next.value === undefined) out.dynamic.push(`--${name} ${next.text}`);
    add(name, next.value ?? '');
  }
  return out;
}

const isScriptFile = (p: string) => p.endsWith('.js') || p.endsWith('.mongodb') || p.endsWith('.mongodb.js');

function connectionHints(args: MongoArgs): EnvHint[] {
  const address = args.positionals.find((p) => !isScriptFile(p));
  const hints: EnvHint[] = [];
  const hostFlag = args.flags.host?.at(-1);
  let host: string | undefined;
  let db: string | undefined;
  let source = 'mongosh default host';
  if (address?.startsWith('mongodb://') || address?.startsWith('mongodb+srv://')) {
    host = urlHost(address);
    const path = address
      .slice(address.indexOf('://') + 3)
      .split('/')[1]
      ?.split('?')[0];
    if (path !== undefined && path !== '') db = path;
    source = 'connection string';
  } else if (address !== undefined) {
    const slash = address.indexOf('/');
    if (slash === -1) db = address;
    else {
      host = address.slice(0, slash).split(':')[0];
      db = address.slice(slash + 1);
    }
    source = 'address argument';
  }
  if (hostFlag !== undefined) {
    // `--host rs0/db1:27017,db2:27017`: the replica set's first member.
    const members = hostFlag.includes('://')
      ? (urlHost(hostFlag) ?? hostFlag)
      : hostFlag
          .slice(hostFlag.indexOf('/') + 1)
          .split(',')[0]!
          .split(':')[0]!;
    host = members;
    source = '--host flag';
  }
  hints.push({
    kind: 'db-host',
    value: host ?? 'localhost',
    source: host === undefined ? 'mongosh default host' : source,
  });
  if (db !== undefined) hints.push({ kind: 'db-name', value: db, source });
  return hints;
}

function callFacts(call: JsCall): Record<string, FactValue> {
  const facts: Record<string, FactValue> = { 'filter.empty': isEmptyFilter(call.firstArg) };
  if (call.name === 'aggregate' || call.name === 'mapReduce')
    facts['pipeline.writes'] = /\$(out|merge)\b|\bout\s*:/.test(call.args);
  if (call.name === 'renameCollection') facts['rename.drop-target'] = /,\s*true\s*$/.test(call.args.trim());
  if (call.name === 'runCommand' || call.name === 'adminCommand') {
    const key =
      /^\{\s*["']?([A-Za-z_$][\w$]*)/.exec(call.firstArg)?.[1] ??
      /^["']([A-Za-z_$][\w$]*)/.exec(call.firstArg)?.[1];
    facts['command.name'] = key ?? '';
  }
  return facts;
}

function recognizeMongo(command: SimpleCommand, ctx: RecognizeContext): Recognition {
  const args = parseMongoArgs(command);
  const envHints = connectionHints(args);
  const make = (
    subcommand: string[],
    facts: Record<string, FactValue>,
    unknowns: string[] = [],
  ): Invocation =>
    makeInvocation(command, {
      tool: 'mongo',
      subcommand,
      flags: args.flags,
      positionals: args.positionals,
      envHints,
      facts,
      unknowns,
    });
  if (args.flags.help !== undefined || args.flags.version !== undefined)
    return { invocations: [make([], { help: true })] };
  const scripts: { text?: string; unknown?: string }[] = [];
  for (const text of args.flags.eval ?? []) scripts.push({ text });
  const files = [...(args.flags.file ?? []), ...args.positionals.filter(isScriptFile)];
  for (const file of files) {
    const path =
      command.cwd === undefined && !file.startsWith('/')
        ? undefined
        : resolvePath(file, command.cwd ?? '/', ctx.fs);
    const text = path === undefined ? undefined : ctx.fs.readText(path, SCRIPT_LIMIT);
    scripts.push(text === undefined ? { unknown: `the script ${file} cannot be read` } : { text });
  }
  if (args.dynamic.length > 0)
    scripts.push({ unknown: `mongosh arguments are not known before it runs: ${args.dynamic.join(' ')}` });
  if (scripts.length === 0 && args.flags.eval === undefined) {
    const input = stdinText(command, ctx);
    if (input === undefined) return { invocations: [make([], { 'mongo.interactive': true })] };
    scripts.push(
      'dynamic' in input ? { unknown: `the input is not known: ${input.dynamic}` } : { text: input.text },
    );
  }
  const invocations: Invocation[] = [];
  const unknowns: string[] = [];
  for (const script of scripts) {
    if (script.text === undefined) {
      unknowns.push(script.unknown ?? 'the script is not known');
      continue;
    }
    const scan = scanMongoScript(script.text);
    if (!scan.ok) {
      unknowns.push(`the script cannot be checked: ${scan.reason}`);
      continue;
    }
    for (const call of scan.calls) invocations.push(make([call.name], callFacts(call)));
  }
  if (unknowns.length > 0 || invocations.length === 0) invocations.push(make([], {}, unknowns));
  return { invocations };
}

export const mongoRecognizer: Recognizer = { programs: ['mongosh', 'mongo'], recognize: recognizeMongo };
