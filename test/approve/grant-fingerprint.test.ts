// Fingerprints and the grants an approved line hands to its shims: what makes two runs the
// same request, and which commands inside a line get a grant.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type FingerprintInput, fingerprint } from '../../src/approve/fingerprint.js';
import {
  type ArgvJudge,
  formatGrantToken,
  lineCommandFingerprints,
  lineGrants,
  parseGrantToken,
} from '../../src/approve/grant.js';
import { builtInPacks } from '../../src/commands/packs.js';
import { type EvaluateOptions, evaluateArgvFully, evaluateLineFully } from '../../src/decide/evaluate.js';
import type { Verdict } from '../../src/decide/verdict.js';
import type { Invocation } from '../../src/tools/invocation.js';
import { realFs } from '../../src/tools/real-fs.js';

const invocation = (over: Partial<Invocation> = {}): Invocation =>
  ({
    tool: 'kubectl',
    targets: [{ kind: 'namespace', value: 'shop' }],
    envHints: [{ kind: 'kube-context', value: 'dev-eu', source: 'KUBECONFIG current-context' }],
    ...over,
  }) as Invocation;
const verdict = (value = 'dev-eu'): Verdict =>
  ({
    findings: [{ rule: 'kubectl/delete-namespace', environment: { name: 'dev', value, source: 'x' } }],
  }) as unknown as Verdict;

const base: FingerprintInput = {
  program: '/usr/bin/kubectl',
  subject: { argv: ['kubectl', 'delete', 'ns', 'shop'] },
  cwd: '/w',
  evaluation: { invocations: [invocation()], verdict: verdict() },
};

describe('fingerprint', () => {
  it('is stable for the same run', () => {
    expect(fingerprint(base)).toBe(fingerprint({ ...base }));
    expect(fingerprint(base)).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each<[string, FingerprintInput]>([
    ['another real program', { ...base, program: '/opt/bin/kubectl' }],
    ['another argument', { ...base, subject: { argv: ['kubectl', 'delete', 'ns', 'shop2'] } }],
    ['another directory', { ...base, cwd: '/elsewhere' }],
    ['a line instead of argv', { ...base, subject: { line: 'kubectl delete ns shop' } }],
    [
      'another target',
      {
        ...base,
        evaluation: {
          ...base.evaluation,
          invocations: [invocation({ targets: [{ kind: 'namespace', value: 'x' }] })],
        },
      },
    ],
    [
      'another context',
      {
        ...base,
        evaluation: {
          invocations: [
            invocation({ envHints: [{ kind: 'kube-context', value: 'prod-eu', source: 'flag' }] }),
          ],
          verdict: verdict(),
        },
      },
    ],
    ['another environment', { ...base, evaluation: { ...base.evaluation, verdict: verdict('dev-us') } }],
  ])('changes with %s', (_name, changed) => {
    expect(fingerprint(changed)).not.toBe(fingerprint(base));
  });
});

describe('lineCommandFingerprints', () => {
  const work = mkdtempSync('/var/tmp/airlock-line-grants-');
  mkdirSync(join(work, 'data'));
  mkdirSync(join(work, 'sub', 'data'), { recursive: true });
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const env = { HOME: '/home/ana', PATH: '/usr/bin:/bin' };
  const options: EvaluateOptions = { env, cwd: work, packs: builtInPacks(), fs: realFs };
  const judge: ArgvJudge = {
    evaluate: (argv, e, cwd) => evaluateArgvFully(argv, { ...options, env: e, cwd }),
    resolveProgram: (program) => `/usr/bin/${program}`,
  };
  /** What the rm shim computes for `rm ARGS` run in `cwd`. */
  const shimFingerprint = (args: string[], cwd: string) => {
    const argv = ['rm', ...args];
    const evaluation = evaluateArgvFully(argv, { ...options, cwd });
    return fingerprint({ program: '/usr/bin/rm', subject: { argv }, cwd, evaluation });
  };
  const ofLine = (line: string) => lineCommandFingerprints(evaluateLineFully(line, options).analysis, judge);

  it('gives each static command that would ask the fingerprint its shim computes', () => {
    expect(ofLine('rm -rf data && echo done')).toEqual([shimFingerprint(['-rf', 'data'], work)]);
  });

  it('follows a static cd', () => {
    expect(ofLine('cd sub && rm -rf data')).toEqual([shimFingerprint(['-rf', 'data'], join(work, 'sub'))]);
  });

  it.each([
    ['a command that needs no approval', 'echo hi; ls data'],
    ['a program called by path (no shim sees it)', '/bin/rm -rf data'],
    ['a dynamic argument', 'rm -rf "$TARGET"'],
    ['a command built at run time', '$(echo rm) -rf data'],
  ])('skips %s', (_name, line) => {
    expect(ofLine(line)).toEqual([]);
  });

  it('allows a command as many uses as the line runs it', () => {
    const fp = shimFingerprint(['-rf', 'data'], work);
    const fps = ofLine('rm -rf data; rm -rf data');
    expect(fps).toEqual([fp, fp]);
    expect(lineGrants(fps, 'a'.repeat(32), 7, 1000)).toEqual([
      { requestId: 7, fingerprint: fp, expiresMs: 1000, usesLeft: 2, token: 'a'.repeat(32) },
    ]);
  });
});

describe('the grant token', () => {
  const token = 'f'.repeat(48);
  it.each([
    [formatGrantToken(12, token), { requestId: 12, token }],
    [formatGrantToken(undefined, token), { token }],
    ['12', undefined],
    ['12:short', undefined],
    [`x:${token}`, undefined],
    [`:${token}`, undefined],
    [undefined, undefined],
  ])('%s', (value, expected) => {
    expect(parseGrantToken(value)).toEqual(expected);
  });
});
