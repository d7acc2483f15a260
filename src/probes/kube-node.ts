// kubectl drain (and cordon/taint): the pods on each node that an eviction removes, which of
// them no controller re-creates, and which lose emptyDir data.

import { type KubeObject, kubeConnectionArgs, lastError, objectLabel, objectsOf } from './kube-args.js';
import { registerProbe } from './registry.js';
import type { Probe } from './types.js';

function ownerKind(pod: KubeObject): string | undefined {
  return pod.metadata?.ownerReferences?.[0]?.kind;
}

function hasEmptyDir(pod: KubeObject): boolean {
  const volumes = (pod.spec as { volumes?: { emptyDir?: unknown }[] } | undefined)?.volumes ?? [];
  return volumes.some((v) => v.emptyDir !== undefined);
}

const measureNode: Probe['measure'] = async (subject, ctx) => {
  const invocation = subject.invocation;
  const connection = kubeConnectionArgs(invocation);
  const nodes = invocation.positionals
    .filter((p) => !p.includes('=') && !p.includes(':'))
    .map((p) => p.replace(/^(node|nodes|no)\//, ''));
  if (nodes.length === 0)
    return { status: 'unknown', summary: 'pods unknown', recoverability: 'unknown', reason: 'no node named' };
  const podSelector = invocation.flags['pod-selector']?.at(-1);
  const pods: KubeObject[] = [];
  for (const node of nodes) {
    const args = [
      'get',
      'pods',
      '--all-namespaces',
      `--field-selector=spec.nodeName=${node}`,
      ...connection,
      '-o',
      'json',
    ];
    if (podSelector !== undefined) args.push(`--selector=${podSelector}`);
    const got = await ctx.exec('kubectl', args);
    if (got.code !== 0)
      return {
        status: 'unknown',
        summary: 'pods unknown',
        recoverability: 'unknown',
        reason: lastError(got.stderr),
      };
    pods.push(...objectsOf(got.stdout));
  }
  // DaemonSet pods stay (drain skips them); a bare pod is gone for good once evicted.
  const evicted = pods.filter((p) => ownerKind(p) !== 'DaemonSet');
  const bare = evicted.filter((p) => ownerKind(p) === undefined);
  const emptyDir = evicted.filter(hasEmptyDir);
  const drain = invocation.subcommand[0] === 'drain';
  const notes = [
    bare.length > 0 ? `${bare.length} with no controller to re-create them` : '',
    emptyDir.length > 0 ? `${emptyDir.length} losing emptyDir data` : '',
  ].filter((n) => n !== '');
  return {
    summary: `${evicted.length} pod${evicted.length === 1 ? '' : 's'} on ${nodes.join(', ')}${drain ? ' evicted' : ''}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`,
    counts: {
      pods: evicted.length,
      bare: bare.length,
      emptyDir: emptyDir.length,
      daemonSet: pods.length - evicted.length,
    },
    items: evicted
      .map(
        (p) =>
          `${objectLabel(p)}${ownerKind(p) === undefined ? ' (no controller)' : ''}${hasEmptyDir(p) ? ' (emptyDir)' : ''}`,
      )
      .slice(0, ctx.maxItems),
    recoverability: bare.length > 0 || emptyDir.length > 0 ? 'not recoverable' : 'recoverable',
    recovery:
      bare.length > 0 || emptyDir.length > 0
        ? 'bare pods and emptyDir data do not come back'
        : 'controllers re-create the pods elsewhere; uncordon the node to use it again',
  };
};

registerProbe({ name: 'kubectl-node', measure: measureNode });
