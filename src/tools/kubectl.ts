// kubectl and oc: the verb path behind global flags, the objects named, the cluster and
// namespace the command reaches, and the commands exec/debug/run start inside a pod.

import type { ArgWord, SimpleCommand } from '../parse/command.js';
import { lastFlag, type ParsedArgv, parseArgv } from './argv.js';
import type { FactValue, Invocation, Recognition, RecognizeContext, Recognizer } from './invocation.js';
import { type KubeFlags, kubeEnvHints, resolveKubeTarget } from './kube-context.js';
import { kubectlFacts } from './kubectl-facts.js';
import { innerCommands } from './kubectl-inner.js';
import { kubectlTables, localVerbs } from './kubectl-spec.js';
import { argsOf, makeInvocation } from './make-invocation.js';

/** Verbs whose trailing words are a command run in a container. */
const runsInside = new Set(['exec', 'debug', 'run', 'rsh']);
/** oc adm verbs that are kubectl verbs under another name. */
const admAliases = new Set(['drain', 'cordon', 'uncordon', 'taint', 'new-project']);

export function mergedFlags(parsed: ParsedArgv): Record<string, string[]> {
  const merged: Record<string, string[]> = { ...parsed.globalFlags };
  for (const [name, values] of Object.entries(parsed.flags))
    merged[name] = [...(merged[name] ?? []), ...values];
  return merged;
}

/**
 * A word that is not known statically where an option could stand: unquoted it may expand
 * to `--context=prod`, so the cluster is not known. A quoted one is a single name.
 */
export function hiddenOption(parsed: ParsedArgv, command: SimpleCommand): string | undefined {
  for (const text of parsed.unknownOptions) {
    const word = command.argv.find(
      (w) => w.text === text && w.value === undefined && w.pattern === undefined,
    );
    if (word === undefined) continue;
    // Quoted, it is one word (a name); appended by xargs, it is the names it read.
    if (text.startsWith('"') || text.startsWith("'") || word.dynamic?.startsWith('appended by')) continue;
    return `${text} is not known before it runs and could choose another cluster`;
  }
  return undefined;
}

type KubeFlagName = 'context' | 'kubeconfig' | 'namespace' | 'cluster' | 'server';

/** The kube flags as this tool names them (helm: `kube-context`, `kube-apiserver`). */
export function kubeFlagsOf(
  flags: Readonly<Record<string, string[]>>,
  command: SimpleCommand,
  hidden: string | undefined,
  names: Partial<Record<KubeFlagName, string>> = {},
): KubeFlags {
  const out: KubeFlags = {};
  for (const name of ['context', 'kubeconfig', 'namespace', 'cluster', 'server'] as const) {
    const value = lastFlag(flags, names[name] ?? name);
    if (value === undefined) continue;
    // `--context "$CTX"` with CTX unknown: the flag holds the source text, not a name.
    if (command.argv.some((w) => w.value === undefined && w.text === value)) {
      const why = `--${names[name] ?? name} ${value} is not known before it runs`;
      if (name === 'namespace') out.namespaceDynamic = why;
      else out.dynamic ??= why;
      continue;
    }
    out[name] = value;
  }
  if (hidden !== undefined) out.dynamic ??= hidden;
  return out;
}

interface VerbPath {
  verb: string[];
  args: string[];
  /** Words of the command run inside the pod. */
  inner: ArgWord[];
  known: boolean;
}

function verbPath(parsed: ParsedArgv): VerbPath {
  let verb = parsed.subcommand;
  let words = parsed.positionalWords;
  let known = verb.length > 0;
  if (!known && words[0] !== undefined) {
    // A plugin (`kubectl neat`, `kubectl krew`) or a verb this grammar does not list.
    verb = [words[0].value ?? words[0].text];
    words = words.slice(1);
  }
  if (verb[0] === 'adm' && verb[1] !== undefined && admAliases.has(verb[1])) verb = verb.slice(1);
  else if (verb[0] === 'adm') known = verb.length > 1 && known;
  const dash =
    parsed.dashDashAt === undefined
      ? undefined
      : parsed.dashDashAt - (parsed.positionalWords.length - words.length);
  let inner: ArgWord[] = [];
  let argWords = words;
  if (runsInside.has(verb[0] ?? '')) {
    // `exec POD -- cmd`, the older `exec POD cmd`, `run NAME --image=x -- cmd`.
    const cut = Math.min(dash ?? 1, words.length);
    inner = words.slice(cut);
    argWords = words.slice(0, cut);
  }
  const args = argWords.map((w) => w.value ?? w.pattern ?? w.text);
  return { verb, args, inner, known };
}

function fromXargs(command: SimpleCommand): boolean {
  return command.origin.some((o) => o.kind === 'xargs' || o.kind === 'parallel');
}

function recognizeKubectl(command: SimpleCommand, ctx: RecognizeContext): Recognition {
  const parsed = parseArgv(argsOf(command), kubectlTables().kubectlSpec);
  const flags = mergedFlags(parsed);
  const path = verbPath(parsed);
  const unknowns: string[] = [];
  const head = path.verb[0];
  const first = parsed.subcommand.length === 0 ? parsed.positionalWords[0] : undefined;
  if (first !== undefined && first.value === undefined)
    unknowns.push(`kubectl verb ${first.text} is not known before it runs`);
  if (!path.known && parsed.unknownOptions.some((o) => o.startsWith('-'))) {
    unknowns.push(`kubectl option ${parsed.unknownOptions[0]} is not known, so the verb may be misread`);
  }
  const hidden = hiddenOption(parsed, command);
  const target = resolveKubeTarget(kubeFlagsOf(flags, command, hidden), command, ctx);
  const local = head !== undefined && localVerbs.has(head);
  const shape = kubectlFacts(path.verb, path.args, flags, command, ctx);
  const facts: Record<string, FactValue> = Object.assign({}, shape.facts, {
    'verb.known': path.known || head === undefined,
  });
  if (fromXargs(command)) {
    // `kubectl get -o name | xargs kubectl delete`: the objects are whatever the input holds.
    facts['targets.from-stdin'] = true;
    shape.targets.push({ kind: 'resource', dynamic: 'names come from xargs input' });
  }
  const invocation: Invocation = makeInvocation(command, {
    tool: 'kubectl',
    subcommand: path.verb,
    flags,
    positionals: path.args,
    targets: shape.targets,
    envHints: local ? [] : kubeEnvHints(target),
    facts,
    unknowns,
  });
  if (!runsInside.has(head ?? '') || path.inner.length === 0) return { invocations: [invocation] };
  const inside = innerCommands(path.inner, command, {
    via: `${command.program ?? 'kubectl'} ${head}`,
    remote: target.context.value ?? '(unknown kube context)',
  });
  unknowns.push(...inside.unknowns);
  return { invocations: [invocation, ...inside.hazards], inner: inside.commands };
}

export const kubectlRecognizer: Recognizer = {
  programs: ['kubectl', 'oc', 'kubectl.exe'],
  recognize: recognizeKubectl,
};
