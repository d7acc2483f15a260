// az: the command group path (`vm delete`, `group delete`) whose last word is the verb,
// --yes, and the subscription it acts in: --subscription, AZURE_SUBSCRIPTION_ID, else the
// default subscription in azureProfile.json (AZURE_CONFIG_DIR or ~/.azure).

import type { SimpleCommand } from '../parse/command.js';
import { expandHome, homeOf, lookupEnv } from './cloud-env.js';
import { CONFIG_FILE_LIMIT } from './cloud-ini.js';
import { parseVerbCommand, type VerbGrammar, verbHead } from './cloud-verbs.js';
import type { EnvHint, Recognition, RecognizeContext, Recognizer, Target } from './invocation.js';
import { makeInvocation } from './make-invocation.js';

/** Groups that only change this machine (login, local config, extensions). */
const localGroups = new Set([
  'login',
  'logout',
  'account',
  'config',
  'extension',
  'upgrade',
  'version',
  'find',
  'interactive',
  'init',
  'cloud',
  'feedback',
  'survey',
  'self-test',
  'bicep',
]);

const grammar: VerbGrammar = {
  switches: new Set([
    'yes',
    'no-wait',
    'debug',
    'verbose',
    'only-show-errors',
    'help',
    'all',
    'force',
    'force-deletion',
    'purge',
    'no-prompt',
    'dry-run',
    'what-if',
    'wait',
  ]),
  shortSwitches: 'yh',
  shortNames: {
    y: 'yes',
    h: 'help',
    g: 'resource-group',
    n: 'name',
    l: 'location',
    o: 'output',
    s: 'subscription',
  },
  // Every leading word is part of the path; the last is the verb.
  isVerb: () => false,
};

interface AzureProfile {
  subscriptions?: { id?: string; name?: string; isDefault?: boolean }[];
}

function defaultSubscription(command: SimpleCommand, ctx: RecognizeContext): EnvHint {
  const dirEnv = lookupEnv(command, 'AZURE_CONFIG_DIR');
  if (dirEnv.state === 'dynamic')
    return { kind: 'azure-subscription', source: 'AZURE_CONFIG_DIR (not known before it runs)' };
  const dir = expandHome(
    dirEnv.state === 'set' ? dirEnv.value : '~/.azure',
    homeOf(command, ctx),
    command.cwd,
  );
  const file = `${dir}/azureProfile.json`;
  const text = dir === undefined ? undefined : ctx.fs.readText(file, CONFIG_FILE_LIMIT);
  if (text === undefined) return { kind: 'azure-subscription', source: 'no default subscription found' };
  try {
    // az writes this file with a byte-order mark.
    const profile = JSON.parse(text.replace(/^\ufeff/, '')) as AzureProfile;
    const chosen = profile.subscriptions?.find((s) => s.isDefault === true);
    const value = chosen?.name ?? chosen?.id;
    if (value !== undefined)
      return { kind: 'azure-subscription', value, source: `default subscription in ${file}` };
  } catch {
    // An unreadable profile leaves the subscription unknown.
  }
  return { kind: 'azure-subscription', source: `no default subscription in ${file}` };
}

function subscriptionHint(
  command: SimpleCommand,
  flag: string | undefined,
  dynamic: boolean,
  ctx: RecognizeContext,
): EnvHint {
  if (dynamic)
    return { kind: 'azure-subscription', source: '--subscription flag (not known before it runs)' };
  if (flag !== undefined) return { kind: 'azure-subscription', value: flag, source: '--subscription flag' };
  const fromEnv = lookupEnv(command, 'AZURE_SUBSCRIPTION_ID');
  if (fromEnv.state === 'set')
    return { kind: 'azure-subscription', value: fromEnv.value, source: 'AZURE_SUBSCRIPTION_ID' };
  if (fromEnv.state === 'dynamic')
    return { kind: 'azure-subscription', source: 'AZURE_SUBSCRIPTION_ID (not known before it runs)' };
  return defaultSubscription(command, ctx);
}

function recognizeAz(command: SimpleCommand, ctx: RecognizeContext): Recognition {
  const parsed = parseVerbCommand(command.argv.slice(1), grammar);
  const { path, verb, flags } = parsed;
  const unknowns: string[] = [];
  if (parsed.dynamic.length > 0)
    unknowns.push(`az ${[...path, ...parsed.dynamic].join(' ')} is not known before it runs`);
  const facts: Record<string, string | boolean> = {};
  if (verb !== undefined) {
    facts.verb = verb;
    facts['verb.head'] = verbHead(verb);
  }
  if (flags.help !== undefined || path.length === 0) facts.help = true;
  facts.yes = flags.yes !== undefined;
  facts['az.local'] = path[0] !== undefined && localGroups.has(path[0]);
  if (flags['dry-run'] !== undefined || flags['what-if'] !== undefined) facts['dry-run'] = true;
  const targets: Target[] = [];
  for (const name of ['resource-group', 'name', 'ids'])
    for (const value of flags[name] ?? [])
      for (const one of value.split(' ')) if (one !== '') targets.push({ kind: 'resource', value: one });
  const envHints = facts['az.local']
    ? []
    : [
        subscriptionHint(
          command,
          flags.subscription?.at(-1),
          parsed.dynamicFlags.includes('subscription'),
          ctx,
        ),
      ];
  const invocation = makeInvocation(command, {
    tool: 'az',
    subcommand: path,
    flags,
    positionals: parsed.positionals,
    targets,
    envHints,
    facts,
    unknowns,
  });
  return { invocations: [invocation] };
}

export const azRecognizer: Recognizer = { programs: ['az'], recognize: recognizeAz };
