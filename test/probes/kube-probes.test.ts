// kubectl measurements and the delete undo, with the real kubectl binary against a local
// stand-in that speaks the Kubernetes API (test/helpers/kube-api.ts), because no cluster can
// run here. Every figure is checked by running the kubectl command for real afterwards.

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evaluateLineFully } from '../../src/decide/evaluate.js';
import { saveKubectlManifests, undoKubectlDelete } from '../../src/undo/kubectl-manifests.js';
import { type KubeApi, startKubeApi } from '../helpers/kube-api.js';
import { measureLine, packs, probeContext } from '../helpers/probe-context.js';

let dir: string;
let api: KubeApi;
let env: Record<string, string | undefined>;

function kubectl(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) =>
    execFile('kubectl', args, { env: env as NodeJS.ProcessEnv, encoding: 'utf8' }, (error, stdout, stderr) =>
      resolve({ code: typeof error?.code === 'number' ? error.code : error ? 1 : 0, stdout, stderr }),
    ),
  );
}

const pod = (
  name: string,
  ns: string,
  labels: Record<string, string>,
  extra: Record<string, unknown> = {},
) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: ns, labels, ...extra },
  spec: { nodeName: 'node-1', containers: [{ name: 'c', image: 'nginx' }] },
});

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'airlock-kube-'));
  api = await startKubeApi(dir);
  env = { PATH: process.env.PATH, HOME: dir, KUBECONFIG: api.kubeconfig };
  api.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
  api.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'other' } });
  api.put(
    pod('web-1', 'shop', { app: 'web' }, { ownerReferences: [{ kind: 'ReplicaSet', name: 'web-abc' }] }),
  );
  api.put(
    pod('web-2', 'shop', { app: 'web' }, { ownerReferences: [{ kind: 'ReplicaSet', name: 'web-abc' }] }),
  );
  api.put(pod('debug', 'shop', { app: 'debug' }));
  api.put(
    pod('agent', 'shop', { app: 'agent' }, { ownerReferences: [{ kind: 'DaemonSet', name: 'agent' }] }),
  );
  api.put(pod('api-1', 'other', { app: 'web' }));
  api.put({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'shop' },
    spec: { replicas: 2 },
  });
  api.put({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'shop' },
    spec: { clusterIP: '10.0.0.7', ports: [{ port: 80 }] },
  });
  api.put({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'settings', namespace: 'shop' },
    data: { a: '1' },
  });
  api.put({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'token', namespace: 'shop' },
    data: { t: 'eA==' },
  });
  api.put({
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name: 'pv-db' },
    spec: { persistentVolumeReclaimPolicy: 'Delete', capacity: { storage: '10Gi' } },
  });
  api.put({
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name: 'pv-logs' },
    spec: { persistentVolumeReclaimPolicy: 'Retain', capacity: { storage: '1Gi' } },
  });
  api.put({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'db', namespace: 'shop' },
    spec: { volumeName: 'pv-db' },
  });
  api.put({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'logs', namespace: 'shop' },
    spec: { volumeName: 'pv-logs' },
  });
});

afterEach(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('kubectl-objects', () => {
  it('delete by selector: the objects it reads are the ones the delete removes', async () => {
    const line = 'kubectl delete pods -l app=web -n shop';
    const { measurement, finding } = await measureLine(line, 'kubectl', 'kubectl-objects', env, dir);
    expect(finding?.probe).toBe('kubectl-objects');
    expect(measurement.status, measurement.reason).toBe('done');
    expect(measurement.counts).toMatchObject({ objects: 2, pod: 2 });
    expect(measurement.items).toEqual(['pod/web-1 (shop)', 'pod/web-2 (shop)']);
    const before = api.list('pods');
    await kubectl(['delete', 'pods', '-l', 'app=web', '-n', 'shop', '--wait=false']);
    const gone = before.filter((n) => !api.list('pods').includes(n));
    expect(gone.length).toBe(measurement.counts?.objects);
  });

  it('delete claims: says which volumes go with their data (reclaim policy Delete)', async () => {
    const { measurement } = await measureLine(
      'kubectl delete pvc db logs -n shop',
      'kubectl',
      'kubectl-objects',
      env,
      dir,
    );
    expect(measurement.counts).toMatchObject({ objects: 2, volumesLost: 1 });
    expect(measurement.items?.[0]).toMatch(
      /volume pv-db of claim shop\/db is deleted with it \(reclaim policy Delete\): data lost/,
    );
    expect(measurement.items?.[1]).toMatch(/pv-logs .* kept \(reclaim policy Retain\)/);
    expect(measurement.recoverability).toBe('not recoverable');
    await kubectl(['delete', 'pvc', 'db', 'logs', '-n', 'shop', '--wait=false']);
    expect(api.list('persistentvolumes')).toEqual(['pv-logs']);
  });

  it('delete --all in the kubeconfig namespace, and a missing object, both read like kubectl would', async () => {
    const all = await measureLine(
      'kubectl delete configmaps,secrets --all --namespace=shop',
      'kubectl',
      'kubectl-objects',
      env,
      dir,
    );
    expect(all.measurement.summary).toBe('1 configmap, 1 secret');
    const missing = await measureLine(
      'kubectl delete pod nope -n shop',
      'kubectl',
      'kubectl-objects',
      env,
      dir,
    );
    expect(missing.measurement.summary).toBe('no objects');
  });

  it('scale: current and new replicas', async () => {
    const { measurement } = await measureLine(
      'kubectl scale deployment web --replicas=0 -n shop',
      'kubectl',
      'kubectl-objects',
      env,
      dir,
    );
    expect(measurement.items).toEqual(['deployment/web (shop): 2 → 0 replicas']);
    expect(measurement.counts).toMatchObject({ objects: 1, replicas: 2 });
  });

  it('apply -f: existing objects changed and new ones created', async () => {
    const file = join(dir, 'app.json');
    writeFileSync(
      file,
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'List',
        items: [
          {
            apiVersion: 'v1',
            kind: 'ConfigMap',
            metadata: { name: 'settings', namespace: 'shop' },
            data: { a: '2' },
          },
          { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'fresh', namespace: 'shop' }, data: {} },
        ],
      }),
    );
    const { measurement } = await measureLine(
      `kubectl apply -f ${file}`,
      'kubectl',
      'kubectl-objects',
      env,
      dir,
    );
    expect(measurement.status, measurement.reason).toBe('done');
    expect(measurement.counts).toMatchObject({ objects: 2, changed: 1, created: 1 });
    expect(measurement.items).toEqual(['change configmap/settings (shop)', 'create configmap/fresh (shop)']);
  });

  it('an unreachable cluster is unknown with kubectl’s reason', async () => {
    await api.close();
    const { measurement } = await measureLine(
      'kubectl delete pod debug -n shop',
      'kubectl',
      'kubectl-objects',
      env,
      dir,
    );
    expect(measurement.status).toBe('unknown');
    expect(measurement.reason).toMatch(/refused|connect/);
    api = await startKubeApi(dir);
  });
});

describe('kubectl-namespace', () => {
  it('counts what a namespace holds per kind and the volumes deleted with it', async () => {
    const { measurement, finding } = await measureLine(
      'kubectl delete namespace shop',
      'kubectl',
      'kubectl-namespace',
      env,
      dir,
    );
    expect(finding?.probe).toBe('kubectl-namespace');
    expect(measurement.counts).toMatchObject({
      namespaces: 1,
      objects: 10,
      pod: 4,
      persistentvolumeclaim: 2,
      deployment: 1,
      service: 1,
      configmap: 1,
      secret: 1,
      volumesLost: 1,
    });
    expect(measurement.summary).toBe(
      'namespace shop: 4 pods, 2 persistentvolumeclaims, 1 configmap, 1 deployment, 1 secret, 1 service; 1 volume deleted with data',
    );
    const inShop = () =>
      ['pods', 'persistentvolumeclaims', 'deployments', 'services', 'configmaps', 'secrets'].reduce(
        (n, p) => n + api.list(p, 'shop').length,
        0,
      );
    expect(inShop()).toBe(10);
    await kubectl(['delete', 'namespace', 'shop', '--wait=false']);
    expect(inShop()).toBe(0);
  });
});

describe('kubectl-node', () => {
  it('drain: pods evicted, bare pods, DaemonSet pods left', async () => {
    const { measurement } = await measureLine(
      'kubectl drain node-1 --ignore-daemonsets',
      'kubectl',
      'kubectl-node',
      env,
      dir,
    );
    expect(measurement.counts).toEqual({ pods: 4, bare: 2, emptyDir: 0, daemonSet: 1 });
    expect(measurement.recoverability).toBe('not recoverable');
  });
});

describe('kubectl delete undo', () => {
  it('saves the manifests before the delete and re-creates them after, warning about volume data', async () => {
    const evaluation = evaluateLineFully('kubectl delete namespace shop', { env, cwd: dir, packs });
    const invocation = evaluation.invocations[0];
    if (invocation === undefined) throw new Error('no invocation');
    const ctx = probeContext(env, dir);
    const store = join(dir, 'undo');
    const saved = await saveKubectlManifests(invocation, ctx, store, '42');
    if ('error' in saved) throw new Error(saved.error);
    // The ReplicaSet's pods and the DaemonSet's pod are left to their controllers.
    expect(saved.objects).toBe(8);
    expect(saved.labels[0]).toBe('namespace/shop');
    await kubectl(['delete', 'namespace', 'shop', '--wait=false']);
    expect(api.list('configmaps', 'shop')).toEqual([]);
    const undone = await undoKubectlDelete(store, '42', ctx.exec);
    ctx.done();
    expect(undone.failed).toEqual([]);
    expect(undone.created).toHaveLength(8);
    expect(undone.warning).toMatch(/volume data is not restored/);
    expect(api.list('configmaps', 'shop')).toEqual(['settings']);
    expect(api.get('configmaps', 'settings', 'shop')?.data).toEqual({ a: '1' });
    expect(api.list('pods', 'shop')).toEqual(['debug']);
    expect(api.get('services', 'web', 'shop')?.spec).toEqual({ ports: [{ port: 80 }] });
  });

  it('never overwrites an object made again since: it is a conflict', async () => {
    const evaluation = evaluateLineFully('kubectl delete configmap settings -n shop', {
      env,
      cwd: dir,
      packs,
    });
    const ctx = probeContext(env, dir);
    const store = join(dir, 'undo');
    const saved = await saveKubectlManifests(evaluation.invocations[0] as never, ctx, store, '7');
    expect(saved).toMatchObject({ objects: 1 });
    const undone = await undoKubectlDelete(store, '7', ctx.exec);
    ctx.done();
    expect(undone.created).toEqual([]);
    expect(undone.conflicts).toHaveLength(1);
  });
});
