// Which cluster and namespace kubectl would use, from real kubeconfig files: --context >
// the first current-context along --kubeconfig / KUBECONFIG / ~/.kube/config; -n > the
// context's namespace > default.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseKubeconfig } from '../../src/tools/kube-config.js';
import { realFs } from '../../src/tools/real-fs.js';
import { evaluate, fixtureHome, hint, invocationOf, kubeFixtures } from '../fixtures/kube/evaluate.js';

const f = (name: string) => join(kubeFixtures, name);

interface Row {
  line: string;
  env?: Record<string, string>;
  context: string | undefined;
  /** A part of the context hint's source. */
  from: string;
  namespace: string | undefined;
  cluster?: string;
}

const rows: [string, Row][] = [
  [
    '--context beats KUBECONFIG',
    {
      line: 'kubectl --context kind-x get pods',
      env: { KUBECONFIG: f('prod.yaml') },
      context: 'kind-x',
      from: '--context flag',
      namespace: 'default',
    },
  ],
  [
    'current-context of KUBECONFIG',
    {
      line: 'kubectl get pods',
      env: { KUBECONFIG: f('prod.yaml') },
      context: 'prod-eu',
      from: `current-context in ${f('prod.yaml')}`,
      namespace: 'payments',
      cluster: 'prod-eu-cluster',
    },
  ],
  [
    'the first file that sets current-context wins',
    {
      line: 'kubectl get pods',
      env: { KUBECONFIG: `${f('no-current.yaml')}:${f('dev.yaml')}:${f('prod.yaml')}` },
      context: 'dev-cluster',
      from: f('dev.yaml'),
      namespace: 'team-a',
    },
  ],
  [
    'the first file that defines a context wins',
    {
      line: 'kubectl get pods --context prod-eu',
      env: { KUBECONFIG: `${f('dev.yaml')}:${f('prod.yaml')}` },
      context: 'prod-eu',
      from: '--context flag',
      namespace: 'shadowed',
      cluster: 'should-not-win',
    },
  ],
  [
    'a context defined in a later file than current-context',
    {
      line: 'kubectl get pods --context staging-us',
      env: { KUBECONFIG: `${f('prod.yaml')}:${f('no-current.yaml')}` },
      context: 'staging-us',
      from: '--context flag',
      namespace: 'web',
    },
  ],
  [
    'missing files in the list are skipped',
    {
      line: 'kubectl get pods',
      env: { KUBECONFIG: `${f('missing.yaml')}::${f('prod.yaml')}` },
      context: 'prod-eu',
      from: f('prod.yaml'),
      namespace: 'payments',
      cluster: 'prod-eu-cluster',
    },
  ],
  [
    '~/.kube/config without KUBECONFIG',
    {
      line: 'kubectl get pods',
      env: { HOME: fixtureHome },
      context: 'kind-dev',
      from: join(fixtureHome, '.kube/config'),
      namespace: 'default',
    },
  ],
  [
    'an empty KUBECONFIG means ~/.kube/config',
    {
      line: 'kubectl get pods',
      env: { HOME: fixtureHome, KUBECONFIG: '' },
      context: 'kind-dev',
      from: join(fixtureHome, '.kube/config'),
      namespace: 'default',
    },
  ],
  [
    '--kubeconfig beats KUBECONFIG',
    {
      line: `kubectl --kubeconfig ${f('prod.yaml')} get pods`,
      env: { KUBECONFIG: f('dev.yaml') },
      context: 'prod-eu',
      from: f('prod.yaml'),
      namespace: 'payments',
      cluster: 'prod-eu-cluster',
    },
  ],
  [
    '--kubeconfig=relative path, from the cwd',
    {
      line: 'kubectl get pods --kubeconfig=dev.yaml',
      env: { HOME: fixtureHome },
      context: 'dev-cluster',
      from: f('dev.yaml'),
      namespace: 'team-a',
    },
  ],
  [
    'oc --config is --kubeconfig',
    {
      line: `oc get pods --config ${f('prod.yaml')}`,
      context: 'prod-eu',
      from: f('prod.yaml'),
      namespace: 'payments',
      cluster: 'prod-eu-cluster',
    },
  ],
  [
    '-n beats the context namespace',
    {
      line: 'kubectl -n web get pods',
      env: { KUBECONFIG: f('prod.yaml') },
      context: 'prod-eu',
      from: f('prod.yaml'),
      namespace: 'web',
      cluster: 'prod-eu-cluster',
    },
  ],
  [
    '--namespace=x after the verb',
    {
      line: 'kubectl get pods --namespace=ops',
      env: { KUBECONFIG: f('prod.yaml') },
      context: 'prod-eu',
      from: f('prod.yaml'),
      namespace: 'ops',
      cluster: 'prod-eu-cluster',
    },
  ],
  [
    'a prefix assignment is the environment kubectl sees',
    {
      line: `KUBECONFIG=${f('prod.yaml')} kubectl get pods`,
      env: { KUBECONFIG: f('dev.yaml') },
      context: 'prod-eu',
      from: f('prod.yaml'),
      namespace: 'payments',
      cluster: 'prod-eu-cluster',
    },
  ],
  [
    'a flow-style kubeconfig (yaml fallback)',
    {
      line: 'kubectl get pods',
      env: { KUBECONFIG: f('flow.yaml') },
      context: 'flow-prod',
      from: f('flow.yaml'),
      namespace: 'flow-ns',
      cluster: 'flow-cluster',
    },
  ],
  [
    'a JSON kubeconfig',
    {
      line: 'kubectl get pods',
      env: { KUBECONFIG: f('config.json') },
      context: 'json-prod',
      from: f('config.json'),
      namespace: 'from-json',
      cluster: 'c',
    },
  ],
  [
    'an EKS context name with colons',
    {
      line: 'kubectl get pods',
      env: { KUBECONFIG: f('eks.yaml') },
      context: 'arn:aws:eks:eu-west-1:111111111111:cluster/production',
      from: f('eks.yaml'),
      namespace: 'default',
    },
  ],
  [
    'a symlinked kubeconfig',
    {
      line: 'kubectl get pods',
      env: { KUBECONFIG: f('link.yaml') },
      context: 'prod-eu',
      from: f('link.yaml'),
      namespace: 'payments',
      cluster: 'prod-eu-cluster',
    },
  ],
  [
    'no kubeconfig anywhere: unknown',
    { line: 'kubectl get pods', context: undefined, from: 'no readable kubeconfig', namespace: undefined },
  ],
  [
    'a kubeconfig with no current-context: unknown',
    {
      line: 'kubectl get pods',
      env: { KUBECONFIG: f('no-current.yaml') },
      context: undefined,
      from: 'no current-context',
      namespace: undefined,
    },
  ],
  [
    'a broken kubeconfig: unknown',
    {
      line: 'kubectl get pods',
      env: { KUBECONFIG: f('broken.yaml') },
      context: undefined,
      from: 'no readable kubeconfig',
      namespace: undefined,
    },
  ],
  [
    '-n alone without a kubeconfig',
    {
      line: 'kubectl -n payments get pods',
      context: undefined,
      from: 'no readable kubeconfig',
      namespace: 'payments',
    },
  ],
  [
    'KUBECONFIG set from a substitution: unknown',
    {
      line: 'KUBECONFIG=$(pick) kubectl get pods',
      env: { HOME: fixtureHome },
      context: undefined,
      from: 'KUBECONFIG is not known',
      namespace: undefined,
    },
  ],
  [
    '--context from an unset variable: unknown',
    {
      line: 'kubectl get pods --context "$CTX"',
      env: { HOME: fixtureHome },
      context: undefined,
      from: '--context "$CTX" is not known',
      namespace: undefined,
    },
  ],
  [
    '--context=$CTX as one word: unknown',
    {
      line: 'kubectl get pods --context=$CTX',
      env: { HOME: fixtureHome },
      context: undefined,
      from: 'could choose another cluster',
      namespace: undefined,
    },
  ],
  [
    '--context from a set variable',
    {
      line: 'kubectl get pods --context "$CTX"',
      env: { CTX: 'prod-eu', KUBECONFIG: f('prod.yaml') },
      context: 'prod-eu',
      from: '--context flag',
      namespace: 'payments',
      cluster: 'prod-eu-cluster',
    },
  ],
];

describe('kube context and namespace resolution', () => {
  test.each(rows)('%s', (_name, row) => {
    const kubectl = invocationOf(evaluate(row.line, row.env), 'kubectl');
    const contexts = kubectl.envHints.filter((h) => h.kind === 'kube-context');
    expect(contexts[0]?.value).toBe(row.context);
    expect(contexts[0]?.source).toContain(row.from);
    expect(hint(kubectl, 'kube-namespace')?.value).toBe(row.namespace);
    expect(contexts[1]?.value).toBe(row.cluster);
  });

  test('--server adds the API host as an endpoint', () => {
    const kubectl = invocationOf(
      evaluate('kubectl --server https://api.prod.example.com:6443 get pods'),
      'kubectl',
    );
    expect(hint(kubectl, 'endpoint')).toEqual({
      kind: 'endpoint',
      value: 'api.prod.example.com',
      source: '--server flag',
    });
  });

  test('kubeconfig-only verbs carry no cluster hint', () => {
    const kubectl = invocationOf(
      evaluate('kubectl config use-context prod-eu', { HOME: fixtureHome }),
      'kubectl',
    );
    expect(kubectl.envHints).toEqual([]);
  });
});

describe('cost of reading a kubeconfig', () => {
  test('an ordinary kubeconfig is read and parsed well under a millisecond', () => {
    const file = join(fixtureHome, '.kube/config');
    expect(parseKubeconfig(readFileSync(file, 'utf8'))?.reader).toBe('lines');
    const rounds = 2000;
    const start = process.hrtime.bigint();
    for (let i = 0; i < rounds; i++)
      parseKubeconfig(realFs.readText(file, (realFs.stat(file)?.size ?? 0) + 4096) ?? '');
    const perCall = Number(process.hrtime.bigint() - start) / rounds / 1e6;
    console.log(`kubeconfig read + parse: ${(perCall * 1000).toFixed(1)} µs per command`);
    expect(perCall).toBeLessThan(1);
  });
});
