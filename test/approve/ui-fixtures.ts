// Approval views for the UI tests: a local rm and a production namespace delete, with
// measurements in every state.

import type { ApprovalView, Measurement } from '../../src/approve/types.js';
import type { DecidedFinding, Verdict } from '../../src/decide/verdict.js';

const local = { name: 'local', source: 'runs on this machine' } as const;
const prod = { name: 'prod', value: 'prod-eu', source: 'kube context prod-eu from --context flag' } as const;

export const rmFinding: DecidedFinding = {
  rule: 'rm/recursive',
  pack: 'rm',
  effect: 'destroy',
  reason: 'Recursively deletes a directory tree; files outside git are gone for good.',
  alternatives: ['move it to the trash instead: mv DIR /tmp/'],
  probe: 'rm-tree',
  catastrophic: false,
  regenerableExempt: true,
  command: 'rm -rf somedir',
  span: { start: 0, end: 14 },
  decision: 'approve',
  environment: local,
  why: 'destroy needs approval',
  invocation: {
    tool: 'rm',
    program: 'rm',
    subcommand: [],
    flags: { recursive: [''], force: [''] },
    positionals: ['somedir'],
    targets: [
      {
        kind: 'path',
        value: 'somedir',
        resolved: '/home/ada/proj/somedir',
        exists: true,
        isDirectory: true,
        traits: ['exists', 'directory', 'inside-project'],
      },
    ],
    envHints: [],
    facts: { recursive: true },
    unknowns: [],
    origin: ['line'],
  },
};

const rmVerdict: Verdict = {
  decision: 'approve',
  effect: 'destroy',
  findings: [rmFinding],
  unknowns: [],
  environment: local,
  reasons: ['rm/recursive: destroy needs approval'],
};

export const pending: Measurement = {
  probe: 'rm-tree',
  status: 'pending',
  summary: '',
  recoverability: 'unknown',
};
export const measured: Measurement = {
  probe: 'rm-tree',
  status: 'done',
  summary: '1,204 files, 38 MB (12 untracked)',
  counts: { files: 1204, bytes: 38_000_000 },
  items: ['somedir/a.txt', 'somedir/b.txt'],
  recoverability: 'not recoverable',
  recovery: '12 files are not in git',
  elapsedMs: 41,
  raw: 'walked 1204 entries',
};
export const timedOut: Measurement = {
  probe: 'git-status',
  status: 'unknown',
  summary: '',
  recoverability: 'unknown',
  reason: 'timed out after 3000 ms',
};

export const rmView: ApprovalView = {
  command: 'rm -rf somedir',
  cwd: '/home/ada/proj',
  verdict: rmVerdict,
  blastRadius: { measurements: [pending] },
  rollback: 'no undo',
  actor: { kind: 'human', reason: 'a controlling terminal and no agent marker' },
  requestedAt: '2025-01-01T10:00:00.000Z',
};

const nsFinding: DecidedFinding = {
  ...rmFinding,
  rule: 'kubectl/delete-namespace',
  pack: 'kubectl',
  reason: 'Deletes a namespace and every object in it.',
  command: 'kubectl --context prod-eu delete namespace payments',
  environment: prod,
  why: 'destroys data in prod: needs approval',
  invocation: {
    ...rmFinding.invocation,
    tool: 'kubectl',
    program: 'kubectl',
    subcommand: ['delete', 'namespace'],
    flags: { context: ['prod-eu'] },
    positionals: ['payments'],
    targets: [{ kind: 'namespace', value: 'payments', traits: [] }],
    envHints: [{ kind: 'kube-context', value: 'prod-eu', source: '--context flag' }],
  },
};

export const prodView: ApprovalView = {
  command: 'kubectl --context prod-eu delete namespace payments',
  cwd: '/home/ada/proj',
  verdict: { ...rmVerdict, findings: [nsFinding], environment: prod },
  blastRadius: { measurements: [] },
  rollback: 'no undo',
  confirmation: { expected: 'payments', what: 'namespace' },
  actor: { kind: 'human', reason: 'a controlling terminal and no agent marker' },
  requestedAt: '2025-01-01T10:00:00.000Z',
};
