// The stored form of an entry: redacted, serialized, exactly what is hashed and what verify
// reads back. Shared by rows written straight into the store and rows written as pending files.

import type { ContentColumn, StoredValue } from './canonical.js';
import { isoTime } from './iso-time.js';
import { redact, redactJson, redactWords } from './redact.js';
import type { AuditEntry } from './types.js';

const text = (value: string | undefined): string | null => value ?? null;
const json = (value: unknown): string | null =>
  value === undefined ? null : JSON.stringify(redactJson(value));
const int = (value: number | undefined): number | null =>
  value === undefined || !Number.isFinite(value) ? null : Math.round(value);

export function toContent(entry: AuditEntry, time: Date): Record<ContentColumn, StoredValue> {
  return {
    time: isoTime(time.getTime()),
    actor_kind: entry.actorKind,
    agent: text(entry.agent),
    mode_reason: text(entry.modeReason),
    session_id: text(entry.sessionId),
    cwd: text(entry.cwd),
    entry: entry.entry,
    argv: entry.argv ? JSON.stringify(redactWords(entry.argv)) : null,
    line: entry.line === undefined ? null : redact(entry.line),
    tools: JSON.stringify(entry.tools ?? []),
    decision: text(entry.decision),
    effect: text(entry.effect),
    rule_ids: JSON.stringify(entry.ruleIds ?? []),
    environment: json(entry.environment),
    blast_radius: json(entry.blastRadius),
    step: entry.step,
    approval_channel: text(entry.approvalChannel),
    approver: text(entry.approver),
    request_id: int(entry.requestId),
    exit_status: int(entry.exitStatus),
    signal: text(entry.signal),
    duration_ms: int(entry.durationMs),
    note: entry.note === undefined ? null : redact(entry.note),
  };
}
