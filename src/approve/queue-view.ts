// Queued requests as a person sees them: the ApprovalView the inbox renders, and the short
// summary `airlock pending` prints (command, rules, environment, blast radius, age).

import type { QueuedRequest } from '../audit/queue.js';
import type { Verdict } from '../decide/verdict.js';
import { typedConfirmation } from './ask.js';
import type { ApprovalView, BlastRadius } from './types.js';

export function requestView(request: QueuedRequest): ApprovalView {
  const verdict = request.verdict as Verdict;
  return {
    id: request.id,
    command: request.command,
    cwd: request.cwd,
    verdict,
    blastRadius: (request.blastRadius as BlastRadius | null) ?? undefined,
    rollback: 'no undo',
    confirmation: typedConfirmation(verdict),
    actor: {
      kind: request.actorKind === 'human' ? 'human' : 'agent',
      agent: request.agent ?? undefined,
      reason: request.modeReason ?? '',
    },
    requestedAt: request.created,
  };
}

export interface PendingSummary {
  id: number;
  status: string;
  created: string;
  ageSeconds: number;
  command: string;
  cwd: string;
  rules: { id: string; effect: string; reason: string }[];
  environment: { name: string; value?: string };
  blastRadius: string;
  agent: string | null;
  actorReason: string | null;
}

export function blastRadiusSummary(blast: BlastRadius | undefined): string {
  if (blast === undefined || blast.measurements.length === 0) return 'not measured';
  return blast.measurements
    .map((m) => (m.status === 'done' ? `${m.summary} (${m.recoverability})` : `${m.probe}: unknown`))
    .join('; ');
}

export function pendingSummary(request: QueuedRequest, now: Date): PendingSummary {
  const view = requestView(request);
  return {
    id: request.id,
    status: request.status,
    created: request.created,
    ageSeconds: Math.max(0, Math.round((now.getTime() - Date.parse(request.created)) / 1000)),
    command: request.command,
    cwd: request.cwd,
    rules: (view.verdict.findings ?? [])
      .filter((f) => f.decision !== 'allow')
      .map((f) => ({ id: f.rule, effect: f.effect, reason: f.reason })),
    environment: {
      name: view.verdict.environment?.name ?? 'unknown',
      value: view.verdict.environment?.value,
    },
    blastRadius: blastRadiusSummary(view.blastRadius),
    agent: request.agent,
    actorReason: request.modeReason,
  };
}

export function formatAge(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)}h`;
  return `${Math.floor(seconds / 86400)}d`;
}
