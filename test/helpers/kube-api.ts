// A stand-in for a Kubernetes API server, on node:http, since no cluster can run here. It
// answers what kubectl sends for get, delete, scale and apply: legacy discovery (/api,
// /apis, resource lists), list with label and field selectors, get, create and delete, for
// the core, apps and batch kinds these tests use. Deleting a namespace removes what is in
// it, and deleting a claim removes its volume when the reclaim policy is Delete, as the
// cluster's controllers would. kubectl talks to it through a kubeconfig file.

import { writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';

type Obj = {
  apiVersion?: string;
  kind?: string;
  metadata: Record<string, unknown> & { name: string; namespace?: string; labels?: Record<string, string> };
  [k: string]: unknown;
};

interface Kind {
  group: string;
  version: string;
  plural: string;
  kind: string;
  namespaced: boolean;
  short?: string[];
}

const kinds: Kind[] = [
  { group: '', version: 'v1', plural: 'namespaces', kind: 'Namespace', namespaced: false, short: ['ns'] },
  { group: '', version: 'v1', plural: 'nodes', kind: 'Node', namespaced: false, short: ['no'] },
  {
    group: '',
    version: 'v1',
    plural: 'persistentvolumes',
    kind: 'PersistentVolume',
    namespaced: false,
    short: ['pv'],
  },
  { group: '', version: 'v1', plural: 'pods', kind: 'Pod', namespaced: true, short: ['po'] },
  { group: '', version: 'v1', plural: 'services', kind: 'Service', namespaced: true, short: ['svc'] },
  { group: '', version: 'v1', plural: 'configmaps', kind: 'ConfigMap', namespaced: true, short: ['cm'] },
  { group: '', version: 'v1', plural: 'secrets', kind: 'Secret', namespaced: true },
  {
    group: '',
    version: 'v1',
    plural: 'persistentvolumeclaims',
    kind: 'PersistentVolumeClaim',
    namespaced: true,
    short: ['pvc'],
  },
  {
    group: 'apps',
    version: 'v1',
    plural: 'deployments',
    kind: 'Deployment',
    namespaced: true,
    short: ['deploy'],
  },
  {
    group: 'apps',
    version: 'v1',
    plural: 'statefulsets',
    kind: 'StatefulSet',
    namespaced: true,
    short: ['sts'],
  },
  { group: 'apps', version: 'v1', plural: 'daemonsets', kind: 'DaemonSet', namespaced: true, short: ['ds'] },
  {
    group: 'apps',
    version: 'v1',
    plural: 'replicasets',
    kind: 'ReplicaSet',
    namespaced: true,
    short: ['rs'],
  },
  { group: 'batch', version: 'v1', plural: 'jobs', kind: 'Job', namespaced: true },
  { group: 'batch', version: 'v1', plural: 'cronjobs', kind: 'CronJob', namespaced: true, short: ['cj'] },
];

export interface KubeApi {
  url: string;
  /** A kubeconfig whose current context `test` points at this server. */
  kubeconfig: string;
  /** Adds or replaces an object (apiVersion and kind say which collection). */
  put(object: Obj): void;
  /** Names (`kind/name` or `kind/ns/name`) of the objects stored now. */
  list(plural: string, namespace?: string): string[];
  get(plural: string, name: string, namespace?: string): Obj | undefined;
  /** Requests seen, as `METHOD path`. */
  requests: string[];
  close(): Promise<void>;
}

function kindOf(object: Obj): Kind {
  const found = kinds.find(
    (k) =>
      k.kind === object.kind && (k.group === '' ? 'v1' : `${k.group}/${k.version}`) === object.apiVersion,
  );
  if (found === undefined) throw new Error(`kind ${object.apiVersion} ${object.kind} not served`);
  return found;
}

function apiVersionOf(k: Kind): string {
  return k.group === '' ? k.version : `${k.group}/${k.version}`;
}

/** `a=b,c!=d,e,!f` and `x in (y,z)`: the label selector forms these tests use. */
export function labelsMatch(selector: string, labels: Record<string, string>): boolean {
  const parts = selector.match(/[^,(]+(\([^)]*\))?/g) ?? [];
  return parts.every((raw) => {
    const part = raw.trim();
    const set = /^(\S+)\s+(in|notin)\s+\((.*)\)$/.exec(part);
    if (set) {
      const values = (set[3] as string).split(',').map((v) => v.trim());
      const has = values.includes(labels[set[1] as string] ?? '\u0000');
      return set[2] === 'in' ? has : !has;
    }
    const ne = part.indexOf('!=');
    if (ne > 0) return labels[part.slice(0, ne)] !== part.slice(ne + 2);
    const eq = part.indexOf('=');
    if (eq > 0) return labels[part.slice(0, eq)] === part.slice(part[eq + 1] === '=' ? eq + 2 : eq + 1);
    if (part.startsWith('!')) return labels[part.slice(1)] === undefined;
    return labels[part] !== undefined;
  });
}

function fieldValue(object: Obj, path: string): string | undefined {
  let value: unknown = object;
  for (const key of path.split('.')) value = (value as Record<string, unknown> | undefined)?.[key];
  return value === undefined ? undefined : String(value);
}

function fieldsMatch(selector: string, object: Obj): boolean {
  return selector.split(',').every((part) => {
    const ne = part.indexOf('!=');
    if (ne > 0) return fieldValue(object, part.slice(0, ne)) !== part.slice(ne + 2);
    const eq = part.indexOf('=');
    return fieldValue(object, part.slice(0, eq)) === part.slice(part[eq + 1] === '=' ? eq + 2 : eq + 1);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function status(res: ServerResponse, code: number, reason: string, message: string): void {
  send(res, code, {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    code,
  });
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (c: Buffer) => {
      text += c.toString('utf8');
    });
    req.on('end', () => resolve(text));
  });
}

export async function startKubeApi(dir: string): Promise<KubeApi> {
  const store = new Map<string, Obj>();
  const requests: string[] = [];
  let version = 1;
  const key = (k: Kind, name: string, ns?: string) => `${k.plural}/${k.namespaced ? (ns ?? '') : ''}/${name}`;
  const put = (object: Obj) => {
    const k = kindOf(object);
    object.metadata.uid ??= `uid-${version}`;
    object.metadata.resourceVersion = String(version++);
    object.metadata.creationTimestamp ??= '2026-01-01T00:00:00Z';
    if (k.namespaced) object.metadata.namespace ??= 'default';
    store.set(key(k, object.metadata.name, object.metadata.namespace), object);
  };
  const remove = (k: Kind, name: string, ns?: string) => {
    const object = store.get(key(k, name, ns));
    store.delete(key(k, name, ns));
    if (object === undefined) return;
    if (k.plural === 'namespaces') {
      for (const [id, o] of [...store]) if (o.metadata.namespace === name) store.delete(id);
    }
    if (k.plural === 'persistentvolumeclaims') {
      const volume = (object.spec as { volumeName?: string } | undefined)?.volumeName;
      const pv = volume === undefined ? undefined : store.get(`persistentvolumes//${volume}`);
      if (
        pv !== undefined &&
        (pv.spec as { persistentVolumeReclaimPolicy?: string }).persistentVolumeReclaimPolicy === 'Delete'
      )
        store.delete(`persistentvolumes//${volume}`);
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname.replace(/\/$/, '');
    requests.push(`${req.method} ${path}`);
    if (path === '/version')
      return send(res, 200, { major: '1', minor: '32', gitVersion: 'v1.32.0-airlock-test' });
    if (path === '/api')
      return send(res, 200, {
        kind: 'APIVersions',
        versions: ['v1'],
        serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }],
      });
    if (path === '/apis') {
      const groups = [...new Set(kinds.filter((k) => k.group !== '').map((k) => k.group))];
      return send(res, 200, {
        kind: 'APIGroupList',
        apiVersion: 'v1',
        groups: groups.map((g) => ({
          name: g,
          versions: [{ groupVersion: `${g}/v1`, version: 'v1' }],
          preferredVersion: { groupVersion: `${g}/v1`, version: 'v1' },
        })),
      });
    }
    const m =
      /^\/(?:api\/(v1)|apis\/([^/]+)\/(v1))(?:\/namespaces\/([^/]+))?(?:\/([^/]+))?(?:\/([^/]+))?(?:\/([^/]+))?$/.exec(
        path,
      );
    if (m === null)
      return status(res, 404, 'NotFound', `the server could not find the requested resource (${path})`);
    const group = m[2] ?? '';
    const groupVersion = group === '' ? 'v1' : `${group}/v1`;
    let ns = m[4];
    let plural = m[5];
    let name = m[6];
    if (ns !== undefined && plural === undefined) {
      // /api/v1/namespaces/NAME is the namespace object itself.
      plural = 'namespaces';
      name = ns;
      ns = undefined;
    }
    if (plural === undefined) {
      const resources = kinds
        .filter((k) => k.group === group)
        .map((k) => ({
          name: k.plural,
          singularName: k.kind.toLowerCase(),
          namespaced: k.namespaced,
          kind: k.kind,
          verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
          shortNames: k.short,
        }));
      return send(res, 200, { kind: 'APIResourceList', apiVersion: 'v1', groupVersion, resources });
    }
    const k = kinds.find((x) => x.group === group && x.plural === plural);
    if (k === undefined)
      return status(res, 404, 'NotFound', `the server could not find the requested resource (${plural})`);
    if (m[7] !== undefined)
      return status(res, 405, 'MethodNotAllowed', 'subresources are not served by this stand-in');
    if (req.method === 'GET' && name === undefined) {
      const labels = url.searchParams.get('labelSelector') ?? '';
      const fields = url.searchParams.get('fieldSelector') ?? '';
      const items = [...store.values()].filter(
        (o) =>
          kindOf(o) === k &&
          (ns === undefined || o.metadata.namespace === ns) &&
          (labels === '' || labelsMatch(labels, o.metadata.labels ?? {})) &&
          (fields === '' || fieldsMatch(fields, o)),
      );
      return send(res, 200, {
        kind: `${k.kind}List`,
        apiVersion: apiVersionOf(k),
        metadata: { resourceVersion: String(version) },
        items,
      });
    }
    if (req.method === 'POST' && name === undefined) {
      const object = JSON.parse(await body(req)) as Obj;
      if (k.namespaced) object.metadata.namespace ??= ns;
      if (store.has(key(k, object.metadata.name, object.metadata.namespace)))
        return status(res, 409, 'AlreadyExists', `${plural} "${object.metadata.name}" already exists`);
      put(object);
      return send(res, 201, object);
    }
    if (name === undefined)
      return status(res, 405, 'MethodNotAllowed', `${req.method} on a collection is not served`);
    const found = store.get(key(k, name, ns));
    if (found === undefined) return status(res, 404, 'NotFound', `${plural} "${name}" not found`);
    if (req.method === 'GET') return send(res, 200, found);
    if (req.method === 'DELETE') {
      await body(req);
      remove(k, name, ns);
      return send(res, 200, found);
    }
    return status(res, 405, 'MethodNotAllowed', `${req.method} is not served by this stand-in`);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => status(res, 500, 'InternalError', String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  const kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(
    kubeconfig,
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      `- name: test\n  cluster:\n    server: ${url}`,
      'users:',
      '- name: test\n  user:\n    token: airlock-test',
      'contexts:',
      '- name: test\n  context:\n    cluster: test\n    user: test\n    namespace: default',
      'current-context: test',
      '',
    ].join('\n'),
  );
  return {
    url,
    kubeconfig,
    put,
    list: (p, namespace) =>
      [...store.values()]
        .filter(
          (o) => kindOf(o).plural === p && (namespace === undefined || o.metadata.namespace === namespace),
        )
        .map((o) => o.metadata.name)
        .sort(),
    get: (p, name, namespace) => {
      const k = kinds.find((x) => x.plural === p);
      return k === undefined ? undefined : store.get(key(k, name, namespace));
    },
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
