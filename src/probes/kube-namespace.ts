// kubectl delete namespace: what is inside each namespace (counts per kind), and the claims
// whose volumes the deletion takes along with their data.

import {
  countsByKind,
  describeCounts,
  type KubeObject,
  kubeConnectionArgs,
  kubeSelectionArgs,
  lastError,
  objectsOf,
} from './kube-args.js';
import { manifestRecovery } from './kube-objects.js';
import { claimFates, describeFates } from './kube-volumes.js';
import { registerProbe } from './registry.js';
import type { Probe } from './types.js';

/** Kinds that hold a namespace's workloads and data (core, apps and batch: every cluster has them). */
export const namespacedKinds =
  'pods,services,configmaps,secrets,persistentvolumeclaims,deployments.apps,statefulsets.apps,daemonsets.apps,replicasets.apps,jobs.batch,cronjobs.batch';

const measureNamespace: Probe['measure'] = async (subject, ctx) => {
  const invocation = subject.invocation;
  const connection = kubeConnectionArgs(invocation);
  const selection = kubeSelectionArgs(invocation).filter((a) => !a.startsWith('--namespace'));
  const names = invocation.positionals
    .filter((p) => !/^(ns|namespaces?|projects?)$/i.test(p))
    .map((p) => p.replace(/^[^/]+\//, ''));
  const listed = await ctx.exec('kubectl', [
    'get',
    'namespaces',
    ...names,
    ...selection,
    ...connection,
    '-o',
    'json',
    '--ignore-not-found',
  ]);
  if (listed.code !== 0)
    return {
      status: 'unknown',
      summary: 'namespace contents unknown',
      recoverability: 'unknown',
      reason: lastError(listed.stderr),
    };
  const namespaces = objectsOf(listed.stdout).map((n) => n.metadata?.name ?? '?');
  if (namespaces.length === 0)
    return {
      summary: 'no such namespace',
      counts: { namespaces: 0 },
      recoverability: 'recoverable',
      recovery: 'nothing is deleted',
    };
  const objects: KubeObject[] = [];
  for (const ns of namespaces) {
    const got = await ctx.exec('kubectl', ['get', namespacedKinds, '-n', ns, ...connection, '-o', 'json']);
    if (got.code !== 0)
      return {
        status: 'unknown',
        summary: 'namespace contents unknown',
        recoverability: 'unknown',
        reason: lastError(got.stderr),
      };
    objects.push(...objectsOf(got.stdout));
  }
  const counts = countsByKind(objects);
  const fates = await claimFates(
    objects.filter((o) => o.kind === 'PersistentVolumeClaim'),
    connection,
    ctx,
  );
  const lost = fates.filter((f) => f.dataLost).length;
  const inside = objects.length === 0 ? 'empty' : describeCounts(counts);
  return {
    summary: `${namespaces.length === 1 ? `namespace ${namespaces[0]}` : `${namespaces.length} namespaces`}: ${inside}${lost > 0 ? `; ${lost} volume${lost === 1 ? '' : 's'} deleted with data` : ''}`,
    counts: { namespaces: namespaces.length, objects: objects.length, ...counts, volumesLost: lost },
    items: [...describeFates(fates), ...namespaces.map((n) => `namespace ${n}`)].slice(0, ctx.maxItems),
    recoverability: lost > 0 ? 'not recoverable' : 'recoverable',
    recovery: lost > 0 ? `volume data is lost; ${manifestRecovery}` : manifestRecovery,
  };
};

registerProbe({ name: 'kubectl-namespace', measure: measureNamespace });
