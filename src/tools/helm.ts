// helm: the release verb, its dry-run and force flags, and the cluster it reaches, resolved
// like kubectl's (--kube-context > HELM_KUBECONTEXT > the kubeconfig's current-context).

import type { SimpleCommand } from '../parse/command.js';
import { lastFlag, parseArgv } from './argv.js';
import { helmTables } from './helm-spec.js';
import type { FactValue, Recognition, RecognizeContext, Recognizer, Target } from './invocation.js';
import { kubeEnvHints, resolveKubeTarget } from './kube-context.js';
import { hiddenOption, kubeFlagsOf, mergedFlags } from './kubectl.js';
import { flagOn, isDryRun } from './kubectl-facts.js';
import { argsOf, makeInvocation } from './make-invocation.js';

function recognizeHelm(command: SimpleCommand, ctx: RecognizeContext): Recognition {
  const parsed = parseArgv(argsOf(command), helmTables().helmSpec);
  const flags = mergedFlags(parsed);
  const unknowns: string[] = [];
  let verb = [...parsed.subcommand];
  let args = parsed.positionals;
  if (verb.length === 0 && parsed.positionalWords[0] !== undefined) {
    const word = parsed.positionalWords[0];
    if (word.value === undefined) unknowns.push(`helm verb ${word.text} is not known before it runs`);
    verb = [word.value ?? word.text];
    args = args.slice(1);
  }
  const head = verb[0] ?? '';
  verb[0] = helmTables().helmVerbAliases[head] ?? head;
  const kubeFlags = kubeFlagsOf(flags, command, hiddenOption(parsed, command), {
    context: 'kube-context',
    server: 'kube-apiserver',
  });
  kubeFlags.sources = { context: '--kube-context flag', server: '--kube-apiserver flag' };
  // helm reads its own variables where kubectl has none.
  const env = command.env;
  if (kubeFlags.context === undefined && kubeFlags.dynamic === undefined && 'HELM_KUBECONTEXT' in env) {
    if (env.HELM_KUBECONTEXT === undefined)
      kubeFlags.dynamic = 'HELM_KUBECONTEXT is not known before it runs';
    else if (env.HELM_KUBECONTEXT !== '') {
      kubeFlags.context = env.HELM_KUBECONTEXT;
      kubeFlags.sources.context = 'HELM_KUBECONTEXT';
    }
  }
  if (kubeFlags.namespace === undefined && env.HELM_NAMESPACE) {
    kubeFlags.namespace = env.HELM_NAMESPACE;
    kubeFlags.sources.namespace = 'HELM_NAMESPACE';
  }
  if (kubeFlags.server === undefined && env.HELM_KUBEAPISERVER) {
    kubeFlags.server = env.HELM_KUBEAPISERVER;
    kubeFlags.sources.server = 'HELM_KUBEAPISERVER';
  }
  const known = parsed.subcommand.length > 0 || head === '';
  // Plugins (`helm mapkubeapis`) mostly work on releases: assume they reach the cluster.
  const cluster = helmTables().helmClusterVerbs.has(verb[0] ?? '') || !known;
  const target = resolveKubeTarget(kubeFlags, command, ctx);
  const facts: Record<string, FactValue> = {
    'dry-run': isDryRun(flags),
    force: flagOn(flags, 'force'),
    'verb.known': known,
  };
  const targets: Target[] = [];
  const release = verb[0] === 'template' || verb[0] === 'list' ? undefined : args[0];
  if (cluster && release !== undefined) targets.push({ kind: 'resource', value: `release/${release}` });
  if (command.origin.some((o) => o.kind === 'xargs' || o.kind === 'parallel')) {
    facts['targets.from-stdin'] = true;
    targets.push({ kind: 'resource', dynamic: 'release names come from xargs input' });
  }
  if (verb[0] === 'upgrade') facts['upgrade.install'] = lastFlag(flags, 'install') !== undefined;
  const invocation = makeInvocation(command, {
    tool: 'helm',
    subcommand: verb,
    flags,
    positionals: args,
    targets,
    envHints: cluster ? kubeEnvHints(target) : [],
    facts,
    unknowns,
  });
  return { invocations: [invocation] };
}

export const helmRecognizer: Recognizer = { programs: ['helm', 'helm3'], recognize: recognizeHelm };
