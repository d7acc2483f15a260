// The kubeconfig reader: the line reader answers for what kubectl writes, the yaml package
// for the rest, and both agree with a real YAML parser on every fixture.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { parseKubeconfig } from '../../src/tools/kube-config.js';

const dir = new URL('../fixtures/kube/', import.meta.url).pathname;
const read = (name: string) => readFileSync(join(dir, name), 'utf8');

interface Expected {
  reader: 'lines' | 'json' | 'yaml';
  current?: string;
  contexts: Record<string, { cluster?: string; user?: string; namespace?: string }>;
}

const cases: [string, Expected][] = [
  [
    'home/.kube/config',
    {
      reader: 'lines',
      current: 'kind-dev',
      contexts: { 'kind-dev': { cluster: 'kind-dev', user: 'kind-dev' } },
    },
  ],
  [
    'prod.yaml',
    {
      reader: 'lines',
      current: 'prod-eu',
      contexts: {
        'prod-eu': { cluster: 'prod-eu-cluster', namespace: 'payments', user: 'admin' },
        'kind-dev': { cluster: 'kind-dev', user: 'kind-dev' },
      },
    },
  ],
  [
    'dev.yaml',
    {
      reader: 'lines',
      current: 'dev-cluster',
      contexts: {
        'dev-cluster': { cluster: 'dev-cluster', namespace: 'team-a' },
        'prod-eu': { cluster: 'should-not-win', namespace: 'shadowed' },
      },
    },
  ],
  [
    'no-current.yaml',
    { reader: 'lines', contexts: { 'staging-us': { cluster: 'staging-us', namespace: 'web' } } },
  ],
  [
    'eks.yaml',
    {
      reader: 'lines',
      current: 'arn:aws:eks:eu-west-1:111111111111:cluster/production',
      contexts: {
        'arn:aws:eks:eu-west-1:111111111111:cluster/production': {
          cluster: 'arn:aws:eks:eu-west-1:111111111111:cluster/production',
          user: 'arn:aws:eks:eu-west-1:111111111111:cluster/production',
        },
      },
    },
  ],
  [
    'inline-flow.yaml',
    {
      reader: 'lines',
      current: 'prod-eu',
      contexts: { 'prod-eu': { cluster: 'prod-eu', user: 'prod-eu', namespace: 'default' } },
    },
  ],
  [
    'flow.yaml',
    {
      reader: 'yaml',
      current: 'flow-prod',
      contexts: {
        'flow-prod': { cluster: 'flow-cluster', namespace: 'flow-ns' },
        'flow-dev': { cluster: 'kind-x' },
      },
    },
  ],
  [
    'anchors.yaml',
    {
      reader: 'yaml',
      current: 'staging-eu',
      contexts: {
        'staging-eu': { cluster: 'staging-eu', namespace: 'shop' },
        'staging-copy': { cluster: 'staging-eu', namespace: 'shop' },
      },
    },
  ],
  [
    'block-scalar.yaml',
    { reader: 'yaml', current: 'live-cluster', contexts: { 'live-cluster': { cluster: 'live' } } },
  ],
  [
    'config.json',
    {
      reader: 'json',
      current: 'json-prod',
      contexts: { 'json-prod': { cluster: 'c', namespace: 'from-json' } },
    },
  ],
];

describe('parseKubeconfig', () => {
  test.each(cases)('%s', (name, expected) => {
    const result = parseKubeconfig(read(name));
    expect(result?.reader).toBe(expected.reader);
    expect(result?.data.currentContext).toBe(expected.current);
    expect(Object.fromEntries(result?.data.contexts ?? [])).toEqual(expected.contexts);
  });

  test.each(cases.map(([name]) => name))('%s: agrees with the yaml package', (name) => {
    const doc = parse(read(name)) as {
      'current-context'?: string;
      contexts?: { name: string; context?: object }[];
    };
    const result = parseKubeconfig(read(name));
    expect(result?.data.currentContext).toBe(doc['current-context'] || undefined);
    const firstByName = new Map<string, object>();
    for (const c of doc.contexts ?? [])
      if (!firstByName.has(c.name)) firstByName.set(c.name, c.context ?? {});
    for (const [ctxName, entry] of result?.data.contexts ?? []) {
      const fromYaml = firstByName.get(ctxName) as Record<string, unknown>;
      for (const key of ['cluster', 'user', 'namespace'] as const) expect(entry[key]).toBe(fromYaml[key]);
    }
    expect([...(result?.data.contexts.keys() ?? [])]).toEqual([...firstByName.keys()]);
  });

  test('text that is not a kubeconfig gives nothing, not a throw', () => {
    expect(parseKubeconfig(read('broken.yaml'))).toBeUndefined();
    expect(parseKubeconfig('{"contexts": ')?.data.contexts.size ?? 0).toBe(0);
    expect(parseKubeconfig('\u0000\u0001binary')?.data.currentContext).toBeUndefined();
  });

  test('tabs are never read by the line reader', () => {
    expect(parseKubeconfig('contexts:\n-\tname: x\n')?.reader).not.toBe('lines');
    expect(parseKubeconfig('contexts:\n- name: x\n\tcontext: {}\n')?.reader).not.toBe('lines');
  });

  test.each([
    ['a second document', 'current-context: a\n---\ncurrent-context: b\n', 'yaml'],
    ['a quoted key', '"current-context": q\n', 'yaml'],
    ['escapes in a double-quoted name', 'current-context: "a\\u0062c"\n', 'lines'],
    ['an escaped quote in a single-quoted name', "current-context: 'it''s'\n", 'lines'],
    [
      'CRLF line ends',
      'current-context: crlf\r\ncontexts:\r\n- name: crlf\r\n  context:\r\n    namespace: n\r\n',
      'lines',
    ],
  ])('%s', (_why, text, reader) => {
    const ours = parseKubeconfig(text);
    expect(ours?.reader).toBe(reader);
    const doc = parse(text.split('---')[0]!) as { 'current-context'?: string };
    expect(ours?.data.currentContext).toBe(doc['current-context']);
  });
});
