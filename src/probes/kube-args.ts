// The kubectl arguments that choose the cluster, namespace and objects of a measured command,
// so the probe's `kubectl get` reads exactly what the command would act on.

import type { Invocation } from '../tools/invocation.js';

/** Flags that choose the cluster and the identity (passed on as they were given). */
const connectionFlags = [
  'context',
  'kubeconfig',
  'cluster',
  'server',
  'user',
  'token',
  'as',
  'as-group',
  'as-uid',
  'certificate-authority',
  'client-certificate',
  'client-key',
  'tls-server-name',
  'insecure-skip-tls-verify',
  'request-timeout',
];

/** Flags that choose the objects. */
const selectionFlags = [
  'namespace',
  'selector',
  'field-selector',
  'filename',
  'kustomize',
  'recursive',
  'all-namespaces',
];

function passOn(invocation: Invocation, names: readonly string[]): string[] {
  const args: string[] = [];
  for (const name of names)
    for (const value of invocation.flags[name] ?? [])
      args.push(value === '' ? `--${name}` : `--${name}=${value}`);
  return args;
}

export function kubeConnectionArgs(invocation: Invocation): string[] {
  return passOn(invocation, connectionFlags);
}

export function kubeSelectionArgs(invocation: Invocation): string[] {
  return passOn(invocation, selectionFlags);
}

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    ownerReferences?: { kind?: string }[];
    [k: string]: unknown;
  };
  spec?: Record<string, unknown>;
  [k: string]: unknown;
}

/** Top-level JSON documents written one after another (`kubectl create --dry-run -o json`). */
function jsonDocuments(text: string): string[] {
  const docs: string[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') {
      if (depth++ === 0) start = i;
    } else if (c === '}' && --depth === 0) docs.push(text.slice(start, i + 1));
  }
  return docs;
}

/** `kubectl get … -o json` output: a List, one object when one was named, or a stream of them. */
export function objectsOf(json: string): KubeObject[] {
  const out: KubeObject[] = [];
  for (const doc of jsonDocuments(json)) {
    const parsed = JSON.parse(doc) as KubeObject & { items?: KubeObject[] };
    if (Array.isArray(parsed.items)) out.push(...parsed.items);
    else out.push(parsed);
  }
  return out;
}

export function objectLabel(o: KubeObject): string {
  const kind = (o.kind ?? 'object').toLowerCase();
  const ns = o.metadata?.namespace;
  return `${kind}/${o.metadata?.name ?? '?'}${ns === undefined ? '' : ` (${ns})`}`;
}

/** `2 pods, 1 service`: counts per kind, most first. */
export function countsByKind(objects: readonly KubeObject[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of objects) {
    const kind = (o.kind ?? 'object').toLowerCase();
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}

export function describeCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([kind, n]) => `${n} ${kind}${n === 1 ? '' : kind.endsWith('s') ? 'es' : 's'}`)
    .join(', ');
}

export function lastError(stderr: string): string {
  const lines = stderr.split('\n').filter((l) => l.trim() !== '');
  return lines.at(-1) ?? 'kubectl failed';
}
