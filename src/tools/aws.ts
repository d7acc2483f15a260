// aws (v1 and v2): service and operation behind global options, the operation's verb
// (`delete` in delete-db-instance) for the packs to classify, the `s3` transfer commands,
// and the profile, account, region and endpoint the call goes to.

import type { SimpleCommand } from '../parse/command.js';
import { type AwsArgs, parseAwsArgs } from './aws-argv.js';
import { awsHints } from './aws-config.js';
import { isS3Url, s3Facts, s3Target } from './aws-s3.js';
import type { Recognition, RecognizeContext, Recognizer, Target, TargetKind } from './invocation.js';
import { makeInvocation } from './make-invocation.js';

/** Commands that only touch this machine (credentials, local config, a kubeconfig). */
const localServices = new Set(['configure', 'help', 'history', 'sso', 'login', 'logout', 'cli-dev']);
const localOperations = new Set([
  'eks update-kubeconfig',
  'codeartifact login',
  'ecr get-login-password',
  'ecr get-login',
  'ecr-public get-login-password',
]);

/** `delete` for delete-db-instance, `batch-delete` for batch-delete-image. */
export function operationVerb(operation: string): string {
  const parts = operation.split('-');
  if (parts[0] === 'batch' && parts[1] !== undefined) return `batch-${parts[1]}`;
  return parts[0] ?? operation;
}

/** API parameters that name what a call acts on. */
function targetKindOf(name: string): TargetKind | undefined {
  if (name === 'bucket') return 'bucket';
  if (name === 'key') return 'object';
  if (name === 'table-name') return 'table';
  if (name === 'endpoint-url' || name === 'cli-input-json') return undefined;
  if (/-(name|id|ids|identifier|arn|url)$/.test(name)) return 'resource';
  return undefined;
}

function apiTargets(args: AwsArgs): Target[] {
  const targets: Target[] = [];
  for (const [name, values] of Object.entries(args.flags)) {
    const kind = targetKindOf(name);
    if (kind === undefined) continue;
    for (const value of values)
      for (const one of kind === 'resource' ? value.split(' ') : [value])
        if (one !== '') targets.push({ kind, value: one });
  }
  return targets;
}

function recognizeAws(command: SimpleCommand, ctx: RecognizeContext): Recognition {
  const args = parseAwsArgs(command.argv.slice(1).map((w) => ({ value: w.value, text: w.text })));
  const { service, operation, flags } = args;
  const unknowns: string[] = [];
  const facts: Record<string, string | boolean> = {};
  // `aws $SERVICE $OP` hides what is called; an unknown --profile only hides where (see the hints).
  if (args.dynamic.some((d) => !d.startsWith('--')))
    unknowns.push(`aws ${args.dynamic.join(' ')} is not known before it runs`);
  const subcommand = [service, operation].filter((w): w is string => w !== undefined);
  const pair = subcommand.join(' ');
  if (
    flags.help !== undefined ||
    flags.version !== undefined ||
    flags['generate-cli-skeleton'] !== undefined ||
    operation === 'help' ||
    args.positionals.at(-1) === 'help' ||
    service === undefined
  )
    facts.help = true;
  const local = (service !== undefined && localServices.has(service)) || localOperations.has(pair);
  facts['aws.local'] = local;
  facts['dry-run'] = flags['dry-run'] !== undefined || flags.dryrun !== undefined;
  let targets: Target[] = [];
  if (service === 's3' && operation !== undefined) {
    Object.assign(facts, s3Facts(operation, args.positionals));
    targets = args.positionals.filter(isS3Url).map(s3Target);
  } else if (!local && operation !== undefined) {
    facts['aws.api'] = true;
    facts['aws.service'] = service ?? '';
    facts['aws.operation'] = operation;
    facts['aws.verb'] = operationVerb(operation);
    targets = apiTargets(args);
  }
  if (command.origin.some((o) => o.kind === 'xargs')) facts['aws.arguments-from-input'] = true;
  const settings = {
    profile: flags.profile?.at(-1),
    region: flags.region?.at(-1),
    endpointUrl: flags['endpoint-url']?.at(-1),
    dynamic: {
      profile: args.dynamic.some((d) => d.startsWith('--profile ')),
      region: args.dynamic.some((d) => d.startsWith('--region ')),
      endpoint: args.dynamic.some((d) => d.startsWith('--endpoint-url ')),
    },
  };
  const envHints = local ? [] : awsHints(command, settings, ctx);
  const invocation = makeInvocation(command, {
    tool: 'aws',
    subcommand,
    flags,
    positionals: args.positionals,
    targets,
    envHints,
    facts,
    unknowns,
  });
  return { invocations: [invocation] };
}

export const awsRecognizer: Recognizer = { programs: ['aws'], recognize: recognizeAws };
