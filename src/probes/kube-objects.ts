// kubectl delete, scale, apply and other object verbs: the objects they act on, read with
// `kubectl get` under the same cluster, namespace, names, selectors and files; claims whose
// volumes go with them; for apply, which objects exist (changed) and which are new.

import type { Invocation } from '../tools/invocation.js';
import {
  countsByKind,
  describeCounts,
  type KubeObject,
  kubeConnectionArgs,
  kubeSelectionArgs,
  lastError,
  objectLabel,
  objectsOf,
} from './kube-args.js';
import { claimFates, describeFates } from './kube-volumes.js';
import { registerProbe } from './registry.js';
import type { Probe, ProbeContext } from './types.js';

type Result = Awaited<ReturnType<Probe['measure']>>;

/** Verbs whose positionals name objects (`TYPE NAME…`, `TYPE/NAME`). */
const namingVerbs = new Set([
  'delete',
  'scale',
  'autoscale',
  'patch',
  'label',
  'annotate',
  'rollout',
  'expose',
  'edit',
  'cordon',
  'uncordon',
  'taint',
]);
/** Verbs that read their objects from files. */
const fileVerbs = new Set(['apply', 'create', 'replace']);

export const manifestRecovery =
  "airlock keeps the deleted objects' manifests, and `airlock undo` re-creates them; volume data and pod state are not restored";

function objectWords(invocation: Invocation): string[] {
  const verb = invocation.subcommand[0];
  // `label pods x app=web tier-`: the label changes are not object names.
  if (verb === 'label' || verb === 'annotate' || verb === 'taint')
    return invocation.positionals.filter((w) => !w.includes('=') && !w.endsWith('-') && !w.includes(':'));
  return invocation.positionals;
}

export async function affectedObjects(
  invocation: Invocation,
  ctx: ProbeContext,
): Promise<{ objects: KubeObject[] } | { error: string }> {
  const connection = kubeConnectionArgs(invocation);
  const words = namingVerbs.has(invocation.subcommand[0] ?? '') ? objectWords(invocation) : [];
  const got = await ctx.exec('kubectl', [
    'get',
    ...words,
    ...kubeSelectionArgs(invocation),
    ...connection,
    '-o',
    'json',
    '--ignore-not-found',
  ]);
  if (got.code !== 0) return { error: lastError(got.stderr) };
  return { objects: objectsOf(got.stdout) };
}

async function measureApply(invocation: Invocation, ctx: ProbeContext): Promise<Result> {
  const connection = kubeConnectionArgs(invocation);
  const selection = kubeSelectionArgs(invocation);
  const listed = await ctx.exec('kubectl', [
    'create',
    '--dry-run=client',
    '--validate=false',
    '-o',
    'json',
    ...selection,
    ...connection,
  ]);
  if (listed.code !== 0)
    return {
      status: 'unknown',
      summary: 'objects unknown',
      recoverability: 'unknown',
      reason: lastError(listed.stderr),
    };
  const inFile = objectsOf(listed.stdout);
  const existing = await affectedObjects(invocation, ctx);
  if ('error' in existing)
    return {
      status: 'unknown',
      summary: 'objects unknown',
      recoverability: 'unknown',
      reason: existing.error,
    };
  const key = (o: KubeObject) => `${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name}`;
  const present = new Set(existing.objects.map(key));
  const changed = inFile.filter((o) => present.has(key(o)));
  const created = inFile.filter((o) => !present.has(key(o)));
  const prune = invocation.flags.prune !== undefined;
  const diff = await ctx.exec('kubectl', ['diff', ...selection, ...connection]);
  return {
    summary: `${changed.length} existing object${changed.length === 1 ? '' : 's'} changed, ${created.length} created${prune ? '; --prune may delete objects not in the files' : ''}`,
    counts: { objects: inFile.length, changed: changed.length, created: created.length },
    items: [
      ...changed.map((o) => `change ${objectLabel(o)}`),
      ...created.map((o) => `create ${objectLabel(o)}`),
    ].slice(0, ctx.maxItems),
    recoverability: prune ? 'unknown' : 'recoverable',
    recovery: prune ? 'pruned objects are deleted' : 're-apply the previous manifests to go back',
    ...(diff.code === 0 || diff.code === 1 ? { raw: diff.stdout } : {}),
  };
}

async function measureScale(
  invocation: Invocation,
  objects: KubeObject[],
  ctx: ProbeContext,
): Promise<Result> {
  const target = invocation.flags.replicas?.at(-1);
  const lines = objects.map(
    (o) =>
      `${objectLabel(o)}: ${String((o.spec as { replicas?: number } | undefined)?.replicas ?? '?')} → ${target ?? '?'} replicas`,
  );
  const pods = objects.reduce(
    (sum, o) => sum + Number((o.spec as { replicas?: number } | undefined)?.replicas ?? 0),
    0,
  );
  return {
    summary: `${objects.length} object${objects.length === 1 ? '' : 's'} scaled from ${pods} to ${target === undefined ? '?' : Number(target) * objects.length} replicas in all`,
    counts: { objects: objects.length, replicas: pods },
    items: lines.slice(0, ctx.maxItems),
    recoverability: 'recoverable',
    recovery: 'scale back to the previous replica counts',
  };
}

const measureObjects: Probe['measure'] = async (subject, ctx) => {
  const invocation = subject.invocation;
  const verb = invocation.subcommand[0] ?? '';
  if (invocation.facts['targets.from-stdin'] === true || invocation.flags.filename?.includes('-'))
    return {
      status: 'unknown',
      summary: 'objects unknown',
      recoverability: 'unknown',
      reason: 'the objects come from standard input',
    };
  if (fileVerbs.has(verb)) return measureApply(invocation, ctx);
  if (!namingVerbs.has(verb) && invocation.flags.filename === undefined)
    return {
      status: 'unknown',
      summary: 'objects unknown',
      recoverability: 'unknown',
      reason: `kubectl ${verb} is not measured`,
    };
  const found = await affectedObjects(invocation, ctx);
  if ('error' in found)
    return { status: 'unknown', summary: 'objects unknown', recoverability: 'unknown', reason: found.error };
  const objects = found.objects;
  if (verb === 'scale') return measureScale(invocation, objects, ctx);
  const counts = countsByKind(objects);
  const claims = verb === 'delete' ? objects.filter((o) => o.kind === 'PersistentVolumeClaim') : [];
  const fates = await claimFates(claims, kubeConnectionArgs(invocation), ctx);
  const lost = fates.filter((f) => f.dataLost).length;
  const what = objects.length === 0 ? 'no objects' : describeCounts(counts);
  return {
    summary: `${what}${lost > 0 ? `; ${lost} volume${lost === 1 ? '' : 's'} deleted with ${lost === 1 ? 'its claim' : 'their claims'}` : ''}`,
    counts: { objects: objects.length, ...counts, ...(claims.length > 0 ? { volumesLost: lost } : {}) },
    items: [...describeFates(fates), ...objects.map(objectLabel)].slice(0, ctx.maxItems),
    recoverability: verb !== 'delete' ? 'recoverable' : lost > 0 ? 'not recoverable' : 'recoverable',
    recovery:
      verb !== 'delete'
        ? 'undo the change by hand'
        : lost > 0
          ? `volume data is lost; ${manifestRecovery}`
          : manifestRecovery,
  };
};

registerProbe({ name: 'kubectl-objects', measure: measureObjects });
