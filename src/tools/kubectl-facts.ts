// What a kubectl verb would do to the cluster: the objects it names, whether it is a dry
// run, whether it deletes whole namespaces or every object, and patches that scale to zero.

import type { SimpleCommand } from '../parse/command.js';
import { lastFlag } from './argv.js';
import type { FactValue, RecognizeContext, Target } from './invocation.js';
import { resolvePath } from './paths.js';

type Flags = Readonly<Record<string, string[]>>;

/** A flag that is present and not switched off with `=false`. */
export function flagOn(flags: Flags, name: string): boolean {
  const value = lastFlag(flags, name);
  return value !== undefined && value !== 'false';
}

/** `--dry-run`, `--dry-run=client|server` (and the old `=true`) change nothing; `=none` does. */
export function isDryRun(flags: Flags): boolean {
  const value = lastFlag(flags, 'dry-run');
  return value !== undefined && value !== 'none' && value !== 'false';
}

const namespaceKinds = new Set([
  'ns',
  'namespace',
  'namespaces',
  'project',
  'projects',
  'project.project.openshift.io',
]);
const crdKinds = new Set([
  'crd',
  'crds',
  'customresourcedefinition',
  'customresourcedefinitions',
  'customresourcedefinition.apiextensions.k8s.io',
  'customresourcedefinitions.apiextensions.k8s.io',
]);
const storageKinds = new Set([
  'pvc',
  'pvcs',
  'persistentvolumeclaim',
  'persistentvolumeclaims',
  'pv',
  'pvs',
  'persistentvolume',
  'persistentvolumes',
]);

export interface ObjectRefs {
  kinds: string[];
  targets: Target[];
}

/** `TYPE NAME…`, `TYPE/NAME…` and `TYPE1,TYPE2 -l sel`: the kinds and objects named. */
export function objectRefs(args: readonly string[], flags: Flags): ObjectRefs {
  const kinds: string[] = [];
  const targets: Target[] = [];
  const push = (kind: string, name: string | undefined) => {
    const lower = kind.toLowerCase();
    if (!kinds.includes(lower)) kinds.push(lower);
    if (name === undefined) return;
    if (namespaceKinds.has(lower)) targets.push({ kind: 'namespace', value: name });
    else targets.push({ kind: 'resource', value: `${lower}/${name}` });
  };
  const [first, ...rest] = args;
  if (first === undefined) return { kinds, targets };
  if (first.includes('/')) {
    for (const arg of args) {
      const slash = arg.indexOf('/');
      if (slash === -1) push(arg, undefined);
      else push(arg.slice(0, slash), arg.slice(slash + 1));
    }
    return { kinds, targets };
  }
  const typeList = first.split(',').filter((k) => k !== '');
  for (const kind of typeList) push(kind, undefined);
  for (const name of rest) for (const kind of typeList) push(kind, name);
  const every = flagOn(flags, 'all') || flagOn(flags, 'all-namespaces');
  if (every || (rest.length === 0 && lastFlag(flags, 'selector') !== undefined)) {
    for (const kind of typeList) {
      const value = `${kind.toLowerCase()}/*`;
      targets.push(
        namespaceKinds.has(kind.toLowerCase())
          ? { kind: 'namespace', pattern: '*' }
          : { kind: 'resource', pattern: value },
      );
    }
  }
  return { kinds, targets };
}

/** True when a patch document sets replicas to 0 (merge/strategic patch or JSON patch). */
export function patchScalesToZero(text: string): boolean {
  try {
    return valueScalesToZero(JSON.parse(text) as unknown, 0);
  } catch {
    // kubectl also takes YAML patches (`{spec: {replicas: 0}}`): look for the key itself.
    return /(^|[\s{,"'])replicas["']?\s*:\s*["']?0+["']?\s*($|[\s},])/m.test(text);
  }
}

function valueScalesToZero(value: unknown, depth: number): boolean {
  if (depth > 64 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (const item of value) {
      // JSON patch: {"op": "replace", "path": "/spec/replicas", "value": 0}
      const op = item as { op?: unknown; path?: unknown; value?: unknown } | null;
      if (
        typeof op?.path === 'string' &&
        op.path.endsWith('/replicas') &&
        (op.op === 'replace' || op.op === 'add') &&
        isZero(op.value)
      )
        return true;
      if (valueScalesToZero(item, depth + 1)) return true;
    }
    return false;
  }
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'replicas' && isZero(inner)) return true;
    if (valueScalesToZero(inner, depth + 1)) return true;
  }
  return false;
}

function isZero(value: unknown): boolean {
  return value === 0 || (typeof value === 'string' && /^0+$/.test(value));
}

/** The patch text from -p, or from --patch-file when it is small and readable. */
export function patchText(flags: Flags, command: SimpleCommand, ctx: RecognizeContext): string | undefined {
  const inline = lastFlag(flags, 'patch');
  if (inline !== undefined) return inline;
  const file = lastFlag(flags, 'patch-file');
  if (file === undefined || command.cwd === undefined) return undefined;
  return ctx.fs.readText(resolvePath(file, command.cwd, ctx.fs), 1024 * 1024);
}

export interface VerbShape {
  facts: Record<string, FactValue>;
  targets: Target[];
}

/** Per-verb facts the kubectl pack matches on. */
export function kubectlFacts(
  verb: readonly string[],
  args: readonly string[],
  flags: Flags,
  command: SimpleCommand,
  ctx: RecognizeContext,
): VerbShape {
  const facts: Record<string, FactValue> = { 'dry-run': isDryRun(flags) };
  const head = verb[0];
  const refs = objectRefs(head === 'cp' || head === 'exec' || head === 'run' ? [] : args, flags);
  const has = (kinds: ReadonlySet<string>) => refs.kinds.some((k) => kinds.has(k));
  if (head === 'delete') {
    facts['delete.namespace'] = has(namespaceKinds);
    facts['delete.crd'] = has(crdKinds);
    facts['delete.storage'] = has(storageKinds);
    facts['delete.all'] =
      flagOn(flags, 'all') || flagOn(flags, 'all-namespaces') || refs.kinds.includes('all');
  }
  if (head === 'scale') {
    const replicas = lastFlag(flags, 'replicas');
    facts['scale.to-zero'] = replicas !== undefined && /^0+$/.test(replicas);
  }
  if (head === 'patch') {
    const text = patchText(flags, command, ctx);
    facts['patch.to-zero'] = text !== undefined && patchScalesToZero(text);
  }
  if (head === 'replace' || head === 'apply') facts['force-recreate'] = flagOn(flags, 'force');
  if (head === 'apply') facts['apply.prune'] = flagOn(flags, 'prune');
  if (head === 'cp') {
    const destination = args[args.length - 1];
    facts['cp.into-pod'] = args.length >= 2 && destination !== undefined && destination.includes(':');
  }
  if (head === 'taint') facts['taint.evicts'] = args.some((a) => a.endsWith(':NoExecute'));
  return { facts, targets: refs.targets };
}
