// helm and kustomize through the whole pipeline: release verbs and their cluster, resolved
// like kubectl's, and local chart work that never reaches a cluster.

import { describe, expect, test } from 'vitest';
import { evaluate, hint, invocationOf, kubeFixtures, outcome } from '../fixtures/kube/evaluate.js';

const prod = `${kubeFixtures}/prod.yaml`;

const lines: [string, string][] = [
  ['helm list -A --kube-context prod-eu', 'allow'],
  ['helm status web --kube-context prod-eu', 'allow'],
  ['helm get values web -n payments --kube-context prod-eu', 'allow'],
  ['helm history web --kube-context prod-eu', 'allow'],
  ['helm template web ./chart -f values-prod.yaml', 'allow'],
  ['helm lint ./chart', 'allow'],
  ['helm diff upgrade web ./chart --kube-context prod-eu', 'allow'],
  ['helm show values bitnami/postgresql', 'allow'],
  ['helm search repo nginx', 'allow'],
  ['helm repo add bitnami https://charts.bitnami.com/bitnami', 'allow'],
  ['helm repo update', 'allow'],
  ['helm dependency update ./chart', 'allow'],
  ['helm package ./chart -d /tmp', 'allow'],
  ['helm pull bitnami/redis --untar -d /tmp', 'allow'],
  ['helm install web ./chart --kube-context prod-eu', 'approve helm/release-change'],
  [
    'helm --kube-context staging-us upgrade --install web ./chart -f values.yaml',
    'approve helm/release-change',
  ],
  ['helm upgrade -i web ./chart --set image.tag=1.2.3 --kube-context kind-dev', 'allow'],
  ['helm install web ./chart', 'approve helm/release-change'],
  ['helm rollback web 3 --kube-context prod-eu', 'approve helm/release-change'],
  ['helm test web --kube-context prod-eu', 'approve helm/release-change'],
  ['helm install web ./chart --dry-run --kube-context prod-eu', 'allow'],
  ['helm install web ./chart --dry-run=server --kube-context prod-eu', 'allow'],
  ['helm upgrade web ./chart --force --kube-context kind-dev', 'approve helm/force-replace'],
  ['helm uninstall web --kube-context kind-dev', 'approve helm/uninstall'],
  ['helm del web --kube-context prod-eu', 'approve helm/uninstall'],
  ['helm un redis -n cache', 'approve helm/uninstall'],
  ['helm uninstall web --dry-run --kube-context prod-eu', 'allow'],
  [
    'helm list -q --kube-context prod-eu | xargs -n1 helm uninstall --kube-context prod-eu',
    'approve helm/uninstall',
  ],
  ['helm plugin install https://github.com/databus23/helm-diff', 'approve helm/plugin-install'],
  ['helm plugin list', 'allow'],
  ['helm mapkubeapis web --kube-context prod-eu', 'approve helm/unknown-verb'],
  ['HELM_KUBECONTEXT=prod-eu helm upgrade --install web ./chart', 'approve helm/release-change'],
  ['HELM_KUBECONTEXT=kind-dev helm upgrade --install web ./chart', 'allow'],
  ['helm template web ./chart | kubectl apply -f - --context kind-dev', 'allow'],
  ['helm template web ./chart | kubectl apply -f - --context prod-eu', 'approve kubectl/change-objects'],
  ['kustomize build overlays/prod', 'allow'],
  ['kustomize edit set image app=shop:1.2.3', 'allow'],
  ['kustomize build overlays/prod | kubectl apply -f - --context prod-eu', 'approve kubectl/change-objects'],
  ['kustomize build overlays/dev | kubectl apply -f - --context kind-dev', 'allow'],
];

describe('helm and kustomize through the pipeline', () => {
  test.each(lines)('%s', (line, expected) => {
    expect(outcome(evaluate(line))).toBe(expected);
  });
});

describe('the cluster helm reaches', () => {
  test.each([
    [
      '--kube-context beats HELM_KUBECONTEXT',
      'helm install web ./c --kube-context kind-a',
      { HELM_KUBECONTEXT: 'prod-eu' },
      'kind-a',
      '--kube-context flag',
    ],
    [
      'HELM_KUBECONTEXT beats the kubeconfig',
      'helm install web ./c',
      { HELM_KUBECONTEXT: 'kind-b', KUBECONFIG: prod },
      'kind-b',
      'HELM_KUBECONTEXT',
    ],
    [
      'the kubeconfig current-context',
      'helm install web ./c',
      { KUBECONFIG: prod },
      'prod-eu',
      `current-context in ${prod}`,
    ],
    [
      '--kubeconfig',
      `helm install web ./c --kubeconfig ${prod}`,
      {},
      'prod-eu',
      `current-context in ${prod}`,
    ],
  ])('%s', (_name, line, env, context, source) => {
    const helm = invocationOf(evaluate(line, env), 'helm');
    expect(hint(helm, 'kube-context')).toEqual({ kind: 'kube-context', value: context, source });
  });

  test('namespace: -n > HELM_NAMESPACE > the context namespace', () => {
    const ns = (line: string, env: Record<string, string>) =>
      hint(invocationOf(evaluate(line, env), 'helm'), 'kube-namespace')?.value;
    expect(ns('helm install w ./c -n a', { HELM_NAMESPACE: 'b', KUBECONFIG: prod })).toBe('a');
    expect(ns('helm install w ./c', { HELM_NAMESPACE: 'b', KUBECONFIG: prod })).toBe('b');
    expect(ns('helm install w ./c', { KUBECONFIG: prod })).toBe('payments');
  });

  test('--kube-apiserver is an endpoint', () => {
    const helm = invocationOf(
      evaluate('helm install w ./c --kube-apiserver https://api.prod.example.com --kube-context kind-x'),
      'helm',
    );
    expect(hint(helm, 'endpoint')?.value).toBe('api.prod.example.com');
    expect(
      evaluate('helm install w ./c --kube-apiserver https://api.prod.example.com --kube-context kind-x')
        .verdict.decision,
    ).toBe('approve');
  });

  test('local chart work carries no cluster hint', () => {
    expect(
      invocationOf(evaluate('helm template web ./chart', { KUBECONFIG: prod }), 'helm').envHints,
    ).toEqual([]);
  });

  test('the release is the target, verbs are folded to one name', () => {
    const helm = invocationOf(evaluate('helm del web --kube-context prod-eu'), 'helm');
    expect(helm.subcommand).toEqual(['uninstall']);
    expect(helm.targets).toEqual([{ kind: 'resource', value: 'release/web' }]);
  });
});
