// The way back from `kubectl delete`: before it runs, the objects it would delete are read
// with the same cluster, namespace and selectors and saved, cleaned of server-set fields,
// under airlock's data directory; `airlock undo ID` re-creates them. Volume data is gone
// with its volume and is not restored.

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type KubeObject,
  kubeConnectionArgs,
  lastError,
  objectLabel,
  objectsOf,
} from '../probes/kube-args.js';
import { namespacedKinds } from '../probes/kube-namespace.js';
import { affectedObjects } from '../probes/kube-objects.js';
import type { ExecResult, ProbeContext } from '../probes/types.js';
import type { Invocation } from '../tools/invocation.js';

export const volumeWarning = 'volume data is not restored: re-created claims get new, empty volumes';

/** Fields the server sets; a manifest carrying them cannot be created again. */
const serverMetadata = [
  'uid',
  'resourceVersion',
  'managedFields',
  'creationTimestamp',
  'generation',
  'selfLink',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
];

export function cleanManifest(object: KubeObject): KubeObject {
  const { status: _status, ...rest } = object;
  const metadata = { ...(rest.metadata ?? {}) } as Record<string, unknown>;
  for (const key of serverMetadata) delete metadata[key];
  const annotations = { ...((metadata.annotations as Record<string, string> | undefined) ?? {}) };
  for (const key of Object.keys(annotations))
    if (key === 'kubectl.kubernetes.io/last-applied-configuration' || key.startsWith('pv.kubernetes.io/'))
      delete annotations[key];
  if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
  else delete metadata.annotations;
  const spec = rest.spec === undefined ? undefined : { ...rest.spec };
  if (spec !== undefined && object.kind === 'Service') {
    // The cluster hands out a new address; asking for the old one can collide.
    delete spec.clusterIP;
    delete spec.clusterIPs;
  }
  if (spec !== undefined && object.kind === 'PersistentVolumeClaim') delete spec.volumeName;
  return { ...rest, metadata: metadata as KubeObject['metadata'], ...(spec === undefined ? {} : { spec }) };
}

/** Namespaces first, then volumes, then the rest, so each exists before what lives in it. */
function createOrder(o: KubeObject): number {
  if (o.kind === 'Namespace') return 0;
  if (o.kind === 'PersistentVolume') return 1;
  if (o.kind === 'PersistentVolumeClaim') return 2;
  return 3;
}

export interface SavedManifests {
  file: string;
  /** Objects saved (objects a controller owns are left to it). */
  objects: number;
  labels: string[];
}

type Exec = ProbeContext['exec'];

/** The undo manifest entry for a kubectl delete, in the shape of the other ways back (src/undo/manifest.ts). */
export interface KubectlManifest {
  kind: 'kubectl-manifests';
  id: string;
  createdAt: string;
  command: string;
  cwd: string;
  /** The directory holding `<id>.json` (the objects) and `<id>.connection.json`. */
  dir: string;
  objects: number;
  labels: string[];
  /** KUBECONFIG when it was deleted: undo goes to the same cluster whatever the caller's is then. */
  kubeconfig?: string;
}

/** Reads and saves what `kubectl delete` (or delete namespace) would delete, as `<dir>/<id>.json`. */
export async function saveKubectlManifests(
  invocation: Invocation,
  ctx: Pick<ProbeContext, 'exec'> & Partial<ProbeContext>,
  dir: string,
  id: string,
): Promise<SavedManifests | { error: string }> {
  const found = await affectedObjects(invocation, ctx as ProbeContext);
  if ('error' in found) return found;
  const objects = [...found.objects];
  const connection = kubeConnectionArgs(invocation);
  for (const ns of objects.filter((o) => o.kind === 'Namespace').map((o) => o.metadata?.name ?? '')) {
    const inside = await ctx.exec('kubectl', ['get', namespacedKinds, '-n', ns, ...connection, '-o', 'json']);
    if (inside.code !== 0) return { error: lastError(inside.stderr) };
    objects.push(...objectsOf(inside.stdout));
  }
  // A controller re-creates what it owns (pods of a ReplicaSet); saving them too would double them.
  const saved = objects.filter((o) => (o.metadata?.ownerReferences ?? []).length === 0).map(cleanManifest);
  saved.sort((a, b) => createOrder(a) - createOrder(b));
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, `${id}.json`);
  await writeFile(file, JSON.stringify({ apiVersion: 'v1', kind: 'List', items: saved }, null, 2), {
    mode: 0o600,
  });
  await writeFile(join(dir, `${id}.connection.json`), JSON.stringify(connection), { mode: 0o600 });
  return { file, objects: saved.length, labels: saved.map(objectLabel) };
}

export interface KubectlUndoResult {
  created: string[];
  /** Objects that exist again already: left as they are, never overwritten. */
  conflicts: string[];
  failed: string[];
  warning: string;
}

/**
 * Re-creates saved objects with `kubectl create` (never apply: an object someone made since
 * is reported as a conflict rather than overwritten), on the cluster the delete went to.
 */
export async function undoKubectlDelete(dir: string, id: string, exec: Exec): Promise<KubectlUndoResult> {
  const connection = JSON.parse(await readFile(join(dir, `${id}.connection.json`), 'utf8')) as string[];
  const result: ExecResult = await exec('kubectl', [
    'create',
    '-f',
    join(dir, `${id}.json`),
    '--validate=false',
    '-o',
    'name',
    ...connection,
  ]);
  const created = result.stdout.split('\n').filter((l) => l.trim() !== '');
  const conflicts: string[] = [];
  const failed: string[] = [];
  for (const line of result.stderr.split('\n').filter((l) => l.trim() !== '')) {
    if (line.includes('AlreadyExists') || line.includes('already exists')) conflicts.push(line);
    else failed.push(line);
  }
  return { created, conflicts, failed, warning: volumeWarning };
}
