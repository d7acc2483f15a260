import { describe, expect, it } from 'vitest';
import type { Finding, TargetView } from '../../src/classify/finding.js';
import { decide } from '../../src/decide/decide.js';
import { defaultPolicy, type Policy } from '../../src/decide/policy.js';
import type { EnvHint } from '../../src/tools/invocation.js';

function finding(over: Partial<Finding> & { targets?: TargetView[]; envHints?: EnvHint[] } = {}): Finding {
  const { targets = [], envHints = [], ...rest } = over;
  return {
    rule: 'test/rule',
    pack: 'test',
    effect: 'destroy',
    reason: 'test reason',
    alternatives: [],
    catastrophic: false,
    regenerableExempt: false,
    command: 'x',
    span: { start: 0, end: 1 },
    invocation: {
      tool: 'x',
      program: 'x',
      subcommand: [],
      flags: {},
      positionals: [],
      targets,
      envHints,
      facts: {},
      unknowns: [],
      origin: [],
    },
    ...rest,
  };
}

const path = (value: string, traits: TargetView['traits']): TargetView => ({ kind: 'path', value, traits });
const prod: EnvHint = { kind: 'kube-context', value: 'prod-eu', source: '--context flag' };
const dev: EnvHint = { kind: 'kube-context', value: 'kind-dev', source: '--context flag' };

describe('decide', () => {
  it('allows a line with no findings and no unknowns', () => {
    expect(decide([], [], defaultPolicy)).toMatchObject({ decision: 'allow', effect: 'none' });
  });

  it.each([
    ['read', [], 'allow'],
    ['read', [prod], 'allow'],
    ['write', [], 'allow'],
    ['write', [dev], 'allow'],
    ['write', [prod], 'approve'],
    ['write', [{ kind: 'kube-context', value: 'payments', source: 'kubeconfig' } as EnvHint], 'approve'],
    ['destroy', [], 'approve'],
    ['destroy', [dev], 'approve'],
    ['destroy', [prod], 'approve'],
  ] as const)('%s with hints %j → %s', (effect, hints, expected) => {
    expect(decide([finding({ effect, envHints: [...hints] })], [], defaultPolicy).decision).toBe(expected);
  });

  it('refuses catastrophic findings outright', () => {
    expect(decide([finding({ catastrophic: true })], [], defaultPolicy).decision).toBe('deny');
  });

  it('refuses in the environments a rule names', () => {
    const f = finding({ denyIn: ['prod'], envHints: [prod] });
    expect(decide([f], [], defaultPolicy).decision).toBe('deny');
    expect(decide([finding({ denyIn: ['prod'], envHints: [dev] })], [], defaultPolicy).decision).toBe(
      'approve',
    );
  });

  it('exempts a destroy only when every target is regenerable', () => {
    const exempt = { regenerableExempt: true };
    const ok = finding({ ...exempt, targets: [path('node_modules', ['regenerable'])] });
    const mixed = finding({
      ...exempt,
      targets: [path('node_modules', ['regenerable']), path('src', ['inside-project'])],
    });
    const none = finding({ ...exempt, targets: [] });
    expect(decide([ok], [], defaultPolicy).decision).toBe('allow');
    expect(decide([mixed], [], defaultPolicy).decision).toBe('approve');
    expect(decide([none], [], defaultPolicy).decision).toBe('approve');
    expect(decide([finding({ targets: [path('dist', ['regenerable'])] })], [], defaultPolicy).decision).toBe(
      'approve',
    );
  });

  it('lets the strictest finding win', () => {
    const verdict = decide(
      [finding({ effect: 'read' }), finding({ catastrophic: true }), finding()],
      [],
      defaultPolicy,
    );
    expect(verdict.decision).toBe('deny');
    expect(verdict.findings[0]?.decision).toBe('deny');
    expect(verdict.effect).toBe('destroy');
  });

  it('never allows what cannot be known', () => {
    const verdict = decide([], [{ kind: 'syntax-error', reason: 'unbalanced quote' }], defaultPolicy);
    expect(verdict).toMatchObject({ decision: 'approve', effect: 'unknown' });
    expect(verdict.reasons.join(' ')).toContain('cannot be known');
  });

  it('keeps catastrophic findings refused whatever the configuration says', () => {
    const policy: Policy = { ...defaultPolicy, rules: { 'test/rule': 'allow' } };
    expect(decide([finding({ catastrophic: true })], [], policy).decision).toBe('deny');
  });

  it('applies configured rule overrides', () => {
    const policy: Policy = { ...defaultPolicy, rules: { 'test/rule': 'deny' } };
    expect(decide([finding({ effect: 'read' })], [], policy).decision).toBe('deny');
  });

  it('asks before any write to a protected target, even locally', () => {
    const policy: Policy = { ...defaultPolicy, protected: ['/srv/data', 'payments'] };
    expect(
      decide([finding({ effect: 'write', targets: [path('/srv/data/x', [])] })], [], policy).decision,
    ).toBe('approve');
    expect(
      decide(
        [finding({ effect: 'write', targets: [{ kind: 'namespace', value: 'payments', traits: [] }] })],
        [],
        policy,
      ).decision,
    ).toBe('approve');
    expect(
      decide([finding({ effect: 'write', targets: [path('/srv/other', [])] })], [], policy).decision,
    ).toBe('allow');
  });

  it('reports the strictest environment of the line', () => {
    const verdict = decide(
      [finding({ effect: 'read', envHints: [prod] }), finding({ effect: 'write' })],
      [],
      defaultPolicy,
    );
    expect(verdict.environment.name).toBe('prod');
  });
});

describe('decide in an image build (a Dockerfile RUN)', () => {
  const image = { imageBuild: true };

  it('allows what changes only the build container, and says why', () => {
    const verdict = decide(
      [finding({ targets: [path('/var/lib/apt/lists', ['system'])] })],
      [],
      defaultPolicy,
      image,
    );
    expect(verdict.decision).toBe('allow');
    expect(verdict.findings[0]?.why).toBe(
      'inside the image being built, which every build starts again from scratch',
    );
    // The same finding on this machine needs a person.
    expect(
      decide([finding({ targets: [path('/var/lib/apt/lists', ['system'])] })], [], defaultPolicy).decision,
    ).toBe('approve');
  });

  it('still stops what reaches another environment, a catastrophe, a configured rule and unknowns', () => {
    expect(decide([finding({ envHints: [prod] })], [], defaultPolicy, image).decision).toBe('approve');
    expect(decide([finding({ catastrophic: true })], [], defaultPolicy, image).decision).toBe('deny');
    const policy: Policy = { ...defaultPolicy, rules: { 'test/rule': 'deny' } };
    expect(decide([finding()], [], policy, image).decision).toBe('deny');
    const unknown = { kind: 'dynamic-argument' as const, reason: 'a command name known only at run time' };
    expect(decide([], [unknown], defaultPolicy, image).decision).toBe('approve');
  });
});
