// redis-cli: connection options (-h/-p/-u/-s/-n, --tls), then one command from argv or many
// from standard input (heredoc, here-string, pipe, `<` file); each command becomes its own
// invocation so the pack classifies FLUSHALL in line 40 of a script as surely as in argv.

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
import { redisCommandsOf, redisVerb } from './redis-commands.js';

const shortValues = new Set(['h', 'p', 's', 'a', 'u', 'n', 'r', 'i', 'd', 't']);
const longValues = new Set([
  'user',
  'pass',
  'sni',
  'cacert',
  'cacertdir',
  'cert',
  'key',
  'tls-ciphers',
  'tls-ciphersuites',
  'pattern',
  'count',
  'quoted-pattern',
  'rdb',
  'functions-rdb',
  'pipe-timeout',
  'eval',
  'memkeys-samples',
  'intrinsic-latency',
  'lru-test',
  'cluster-yes',
  'show-pushes',
  'name',
  'cluster',
]);
/** Modes that only read (key scans, statistics, an RDB dump to a local file). */
const readModes = [
  'scan',
  'bigkeys',
  'memkeys',
  'hotkeys',
  'stat',
  'latency',
  'latency-history',
  'latency-dist',
  'rdb',
  'functions-rdb',
  'replica',
  'intrinsic-latency',
  'lru-test',
  'help',
  'version',
];

interface RedisArgs {
  flags: Record<string, string[]>;
  command: string[];
  dynamic: boolean;
}

function parseRedisArgs(command: SimpleCommand): RedisArgs {
  const flags: Record<string, string[]> = {};
  const words = command.argv.slice(1);
  const add = (name: string, value: string) => {
    const list = flags[name] ?? [];
    list.push(value);
    flags[name] = list;
  };
  let i = 0;
  let dynamic = false;
  for (; i < words.length; i++) {
    const value = words[i]!.value;
    if (value === undefined) {
      dynamic = true;
      break;
    }
    if (!value.startsWith('-') || value === '-') break;
    const name = value.startsWith('--') ? value.slice(2) : value.slice(1);
    if (value.startsWith('--') ? longValues.has(name) : shortValues.has(name[0]!)) {
      if (!value.startsWith('--') && name.length > 1) add(name[0]!, name.slice(1));
      else add(name, words[++i]?.value ?? '');
      // `--cluster call host:port CMD…`: the rest is the cluster command and its arguments.
      if (name === 'cluster') break;
      continue;
    }
    add(name, '');
  }
  const rest = words.slice(flags.cluster !== undefined ? i + 1 : i);
  if (rest.length > 0 && rest[0]!.value === undefined) dynamic = true;
  return { flags, command: rest.map((w) => w.value ?? w.pattern ?? w.text), dynamic };
}

function connectionHints(flags: Record<string, string[]>): EnvHint[] {
  const uri = flags.u?.at(-1);
  const host = uri !== undefined ? urlHost(uri) : flags.h?.at(-1);
  if (flags.s !== undefined)
    return [{ kind: 'db-host', value: 'unix-socket', source: `-s ${flags.s.at(-1)}` }];
  if (host !== undefined && host !== '')
    return [{ kind: 'db-host', value: host, source: uri !== undefined ? '-u URI' : '-h flag' }];
  return [{ kind: 'db-host', value: '127.0.0.1', source: 'redis-cli default host' }];
}

/** CONFIG SET's parameter, lower-cased, for the pack to tell `dir` from `maxmemory`. */
function commandFacts(words: readonly string[]): Record<string, FactValue> {
  const verb = redisVerb(words);
  if (verb[0] === 'config' && verb[1] === 'set')
    return { 'redis.config-param': (words[2] ?? '').toLowerCase() };
  return {};
}

function recognizeRedis(command: SimpleCommand, ctx: RecognizeContext): Recognition {
  const args = parseRedisArgs(command);
  const envHints = connectionHints(args.flags);
  const base: Record<string, FactValue> = { 'redis.tls': args.flags.tls !== undefined };
  if (args.flags.n !== undefined) base['redis.db'] = args.flags.n.at(-1) ?? '';
  // Keys appended by xargs or read by -x are whatever the input holds: a pattern delete.
  if (command.origin.some((o) => o.kind === 'xargs') || args.flags.x !== undefined)
    base['redis.keys-from-input'] = true;
  const make = (
    words: readonly string[],
    facts: Record<string, FactValue> = {},
    unknowns: string[] = [],
  ): Invocation =>
    makeInvocation(command, {
      tool: 'redis',
      subcommand: redisVerb(words),
      flags: args.flags,
      positionals: words.slice(1),
      targets:
        words.length > 1 && !['flushall', 'flushdb'].includes(words[0]!.toLowerCase())
          ? [{ kind: 'key', value: words[1]! }]
          : [],
      envHints,
      facts: Object.assign({}, base, { 'redis.command': words.length > 0 }, commandFacts(words), facts),
      unknowns,
    });
  if (args.dynamic) return { invocations: [make([], {}, ['the redis command is not known before it runs'])] };
  if (args.flags.cluster !== undefined) {
    const sub = args.flags.cluster.at(-1) ?? '';
    // `--cluster call HOST:PORT CMD …` runs CMD on every node.
    if (sub === 'call') return { invocations: [make(args.command.slice(1), { 'redis.all-nodes': true })] };
    return {
      invocations: [
        makeInvocation(command, {
          tool: 'redis',
          subcommand: ['--cluster', sub],
          flags: args.flags,
          positionals: args.command,
          envHints,
          facts: base,
        }),
      ],
    };
  }
  if (args.flags.eval !== undefined)
    return { invocations: [make(['eval'], { 'redis.script-file': args.flags.eval.at(-1) ?? '' })] };
  if (args.command.length > 0) return { invocations: [make(args.command)] };
  if (readModes.some((m) => args.flags[m] !== undefined))
    return {
      invocations: [make([], { help: args.flags.help !== undefined || args.flags.version !== undefined })],
    };
  const input = stdinText(command, ctx);
  // No command and no input in the line: an interactive session, outside what airlock sees.
  if (input === undefined) return { invocations: [make([], { 'redis.interactive': true })] };
  if ('dynamic' in input)
    return { invocations: [make([], {}, [`commands for redis-cli are not known: ${input.dynamic}`])] };
  const commands = redisCommandsOf(input.text);
  if (commands === undefined)
    return {
      invocations: [
        make([], {}, ['redis-cli input cannot be read (unbalanced quotes or too many commands)']),
      ],
    };
  return { invocations: commands.map((words) => make(words, { 'redis.from-stdin': true })) };
}

export const redisRecognizer: Recognizer = {
  programs: ['redis-cli', 'valkey-cli', 'keydb-cli'],
  recognize: recognizeRedis,
};
