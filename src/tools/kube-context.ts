// Which cluster and namespace a kubectl (or helm) command reaches, resolved as kubectl does:
// --context > current-context of the kubeconfig (--kubeconfig, else each file of KUBECONFIG
// in order, else ~/.kube/config); namespace: -n > the context's namespace > default.

import { isAbsolute, join } from 'node:path';
import type { SimpleCommand } from '../parse/command.js';
import type { EnvHint, RecognizeContext } from './invocation.js';
import { type KubeContextEntry, type KubeconfigData, parseKubeconfig } from './kube-config.js';

/** What the command line says about its target; undefined when the flag is not given. */
export interface KubeFlags {
  context?: string;
  kubeconfig?: string;
  namespace?: string;
  cluster?: string;
  server?: string;
  /** Set when an option word is not known statically: it could name another context. */
  dynamic?: string;
  /** Set when the namespace flag's value is not known statically. */
  namespaceDynamic?: string;
  /** Where context, namespace and server came from when not kubectl's flags (`--kube-context flag`, `HELM_NAMESPACE`). */
  sources?: { context?: string; namespace?: string; server?: string };
}

export interface Resolved {
  value?: string;
  source: string;
}

export interface KubeTarget {
  context: Resolved;
  namespace: Resolved;
  /** The cluster the context (or --cluster) names, when known. */
  cluster?: Resolved;
  /** The API server URL given with --server. */
  server?: Resolved;
  /** The kubeconfig files kubectl would load, in order. */
  files: string[];
}

/** Kubeconfigs with embedded certificates run to tens of kilobytes; beyond this, give up. */
const kubeconfigLimit = 4 * 1024 * 1024;

/** Parsed kubeconfigs by text: a batch or a line with many kubectl commands parses each once. */
const parsedByText = new Map<string, KubeconfigData | undefined>();

function parseCached(text: string): KubeconfigData | undefined {
  if (parsedByText.has(text)) return parsedByText.get(text);
  const data = parseKubeconfig(text)?.data;
  if (parsedByText.size >= 32) parsedByText.clear();
  parsedByText.set(text, data);
  return data;
}

/** The kubeconfig files in kubectl's order, or why they are not known. */
function kubeconfigFiles(
  flags: KubeFlags,
  command: SimpleCommand,
  ctx: RecognizeContext,
): { files: string[]; via: string } | { unknown: string } {
  const cwd = command.cwd;
  const absolute = (path: string) =>
    isAbsolute(path) ? path : cwd === undefined ? undefined : join(cwd, path);
  if (flags.kubeconfig !== undefined) {
    const file = absolute(flags.kubeconfig);
    return file === undefined
      ? { unknown: '--kubeconfig is relative to an unknown directory' }
      : { files: [file], via: '--kubeconfig' };
  }
  if ('KUBECONFIG' in command.env) {
    const list = command.env.KUBECONFIG;
    if (list === undefined) return { unknown: 'KUBECONFIG is not known before it runs' };
    const files: string[] = [];
    for (const part of list.split(':')) {
      const file = part === '' ? undefined : absolute(part);
      if (file !== undefined) files.push(file);
    }
    if (files.length > 0) return { files, via: 'KUBECONFIG' };
  }
  const home = 'HOME' in command.env ? command.env.HOME : (ctx.home ?? ctx.env.HOME);
  if (home === undefined) return { unknown: 'HOME is not known, so neither is ~/.kube/config' };
  return { files: [join(home, '.kube', 'config')], via: '~/.kube/config' };
}

interface Merged {
  currentContext?: { name: string; file: string };
  contexts: Map<string, { entry: KubeContextEntry; file: string }>;
  readable: number;
}

/** Size of the file a path names, through a symlink (stat here is lstat-like). */
function fileSize(file: string, ctx: RecognizeContext): number | undefined {
  const stat = ctx.fs.stat(file);
  if (stat === undefined || !stat.isSymlink) return stat?.size;
  const real = ctx.fs.realpath(file);
  return real === undefined ? undefined : ctx.fs.stat(real)?.size;
}

/** kubectl's merge: the first file to set current-context wins, and the first to define a name. */
function mergeFiles(files: readonly string[], ctx: RecognizeContext): Merged {
  const merged: Merged = { contexts: new Map(), readable: 0 };
  for (const file of files) {
    // readText allocates its limit: ask for the file's own size, not the cap.
    const size = fileSize(file, ctx);
    if (size === undefined || size > kubeconfigLimit) continue;
    const text = ctx.fs.readText(file, size + 4096);
    if (text === undefined) continue;
    const data = parseCached(text);
    if (data === undefined) continue;
    merged.readable++;
    if (merged.currentContext === undefined && data.currentContext !== undefined)
      merged.currentContext = { name: data.currentContext, file };
    for (const [name, entry] of data.contexts)
      if (!merged.contexts.has(name)) merged.contexts.set(name, { entry, file });
  }
  return merged;
}

function serverHost(url: string): string {
  const scheme = url.indexOf('://');
  const rest = scheme === -1 ? url : url.slice(scheme + 3);
  const end = rest.search(/[/:?]/);
  return end === -1 ? rest : rest.slice(0, end);
}

export function resolveKubeTarget(
  flags: KubeFlags,
  command: SimpleCommand,
  ctx: RecognizeContext,
): KubeTarget {
  const where = kubeconfigFiles(flags, command, ctx);
  const files = 'files' in where ? where.files : [];
  const merged = mergeFiles(files, ctx);
  const target: KubeTarget = { context: { source: '' }, namespace: { source: '' }, files };

  if (flags.dynamic !== undefined) target.context = { source: flags.dynamic };
  else if (flags.context !== undefined)
    target.context = { value: flags.context, source: flags.sources?.context ?? '--context flag' };
  else if (merged.currentContext !== undefined) {
    target.context = {
      value: merged.currentContext.name,
      source: `current-context in ${merged.currentContext.file}`,
    };
  } else if ('unknown' in where) target.context = { source: where.unknown };
  else if (merged.readable === 0)
    target.context = { source: `no readable kubeconfig (${where.via}: ${files.join(':')})` };
  else target.context = { source: `no current-context in ${files.join(':')}` };

  const found = target.context.value === undefined ? undefined : merged.contexts.get(target.context.value);
  if (flags.namespaceDynamic !== undefined) target.namespace = { source: flags.namespaceDynamic };
  else if (flags.namespace !== undefined)
    target.namespace = { value: flags.namespace, source: flags.sources?.namespace ?? '--namespace flag' };
  else if (found?.entry.namespace !== undefined) {
    target.namespace = {
      value: found.entry.namespace,
      source: `namespace of context ${target.context.value} in ${found.file}`,
    };
  } else if (target.context.value !== undefined)
    target.namespace = { value: 'default', source: 'kubectl default namespace' };
  else target.namespace = { source: 'the context is not known' };

  if (flags.cluster !== undefined) target.cluster = { value: flags.cluster, source: '--cluster flag' };
  else if (found?.entry.cluster !== undefined && found.entry.cluster !== target.context.value) {
    target.cluster = {
      value: found.entry.cluster,
      source: `cluster of context ${target.context.value} in ${found.file}`,
    };
  }
  if (flags.server !== undefined)
    target.server = { value: serverHost(flags.server), source: flags.sources?.server ?? '--server flag' };
  return target;
}

/** Hints for decide: the context (and cluster, server) locate; the namespace qualifies. */
export function kubeEnvHints(target: KubeTarget): EnvHint[] {
  const hints: EnvHint[] = [{ kind: 'kube-context', ...target.context }];
  if (target.cluster?.value !== undefined) hints.push({ kind: 'kube-context', ...target.cluster });
  if (target.server?.value !== undefined) hints.push({ kind: 'endpoint', ...target.server });
  hints.push({ kind: 'kube-namespace', ...target.namespace });
  return hints;
}
