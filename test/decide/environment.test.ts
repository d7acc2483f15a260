import { describe, expect, it } from 'vitest';
import { environmentOfName, nameMatches, resolveEnvironment } from '../../src/decide/environment.js';
import { defaultPolicy } from '../../src/decide/policy.js';
import type { EnvHint } from '../../src/tools/invocation.js';

describe('nameMatches', () => {
  it.each([
    ['prod', 'prod', true],
    ['prod', 'prod-eu', true],
    ['prod', 'db.prod.internal', true],
    ['prod', 'arn:aws:eks:eu-west-1:1:cluster/prod', true],
    ['prod', 'product-api', false],
    ['prod', 'PROD_EU', true],
    ['live', 'liveness', false],
    ['kind-*', 'kind-dev', true],
    ['kind-*', 'mykind-dev', false],
    ['stag', 'stag-1', true],
    ['test', 'latest', false],
  ])('%s ~ %s → %s', (pattern, name, expected) => {
    expect(nameMatches(pattern, name)).toBe(expected);
  });
});

describe('environmentOfName', () => {
  it.each([
    ['prod-eu', 'prod'],
    ['gke_acme_europe-west1_production', 'prod'],
    ['staging', 'staging'],
    ['preprod-db', 'staging'],
    ['dev', 'dev'],
    ['sandbox-7', 'dev'],
    ['kind-dev', 'local'],
    ['kind-prod', 'local'],
    ['minikube', 'local'],
    ['docker-desktop', 'local'],
    ['localhost', 'local'],
    ['127.0.0.1', 'local'],
    ['payments', undefined],
  ])('%s → %s', (name, env) => {
    expect(environmentOfName(name, defaultPolicy)).toBe(env);
  });

  it('checks prod before the others, so prod wins a name that matches two', () => {
    expect(environmentOfName('dev-to-prod', defaultPolicy)).toBe('prod');
  });

  it('lets a whole-name match beat a match on one part of the name', () => {
    const policy = {
      ...defaultPolicy,
      environments: { ...defaultPolicy.environments, dev: ['payments-staging'] },
    };
    expect(environmentOfName('payments-staging', policy)).toBe('dev');
  });
});

describe('resolveEnvironment', () => {
  const hint = (kind: EnvHint['kind'], value: string | undefined, source = 'flag'): EnvHint => ({
    kind,
    value,
    source,
  });

  it('is local when nothing says otherwise', () => {
    expect(resolveEnvironment([], defaultPolicy).name).toBe('local');
  });

  it('ignores hints that only qualify a target', () => {
    expect(resolveEnvironment([hint('kube-namespace', 'prod')], defaultPolicy).name).toBe('local');
  });

  it('takes the strictest matching hint and says where it came from', () => {
    const env = resolveEnvironment(
      [hint('db-host', 'localhost'), hint('db-name', 'app_production', '-d flag')],
      defaultPolicy,
    );
    expect(env).toMatchObject({ name: 'prod', value: 'app_production' });
    expect(env.source).toContain('-d flag');
  });

  it('a name that matches no pattern is unknown', () => {
    expect(resolveEnvironment([hint('kube-context', 'payments-eu')], defaultPolicy).name).toBe('unknown');
  });

  it('an unrecognized database name on a local host stays local', () => {
    expect(
      resolveEnvironment([hint('db-host', 'localhost'), hint('db-name', 'app')], defaultPolicy).name,
    ).toBe('local');
  });

  it('a locator whose value cannot be known outranks a dev match', () => {
    expect(
      resolveEnvironment([hint('kube-context', undefined), hint('db-host', 'dev-db')], defaultPolicy).name,
    ).toBe('unknown');
  });

  it('an ssh destination is a locating hint', () => {
    expect(resolveEnvironment([], defaultPolicy, 'prod-web-1').name).toBe('prod');
  });

  it('honours configured patterns', () => {
    const policy = {
      ...defaultPolicy,
      environments: { ...defaultPolicy.environments, prod: ['payments-*'] },
    };
    expect(resolveEnvironment([hint('kube-context', 'payments-eu')], policy).name).toBe('prod');
  });
});
