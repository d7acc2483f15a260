// dynamodb delete-table: items and size, deletion protection, and whether point-in-time
// recovery is on (then AWS keeps a system backup of the deleted table for 35 days).

import type { Invocation } from '../tools/invocation.js';
import {
  beforeDeadline,
  callAws,
  failedResult,
  flagList,
  notFoundResult,
  type ProbeResult,
  unknownResult,
} from './aws-describe-call.js';
import { formatBytes, formatCount } from './fs-format.js';
import type { ProbeContext } from './types.js';

interface Table {
  TableName?: string;
  TableStatus?: string;
  ItemCount?: number;
  TableSizeBytes?: number;
  DeletionProtectionEnabled?: boolean;
}

async function pointInTimeRecovery(invocation: Invocation, ctx: ProbeContext, name: string): Promise<string> {
  const reply = await callAws(invocation, ctx, 'dynamodb', 'describe-continuous-backups', [
    '--table-name',
    name,
  ]);
  if (!reply.ok) return 'unknown';
  const description = reply.data.ContinuousBackupsDescription as
    | { PointInTimeRecoveryDescription?: { PointInTimeRecoveryStatus?: string } }
    | undefined;
  return description?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus ?? 'unknown';
}

export async function measureTable(invocation: Invocation, ctx: ProbeContext): Promise<ProbeResult> {
  const started = Date.now();
  const name = flagList(invocation, 'table-name')[0];
  if (name === undefined) return unknownResult('no --table-name known before it runs');
  const [reply, pitr] = await Promise.all([
    callAws(invocation, ctx, 'dynamodb', 'describe-table', ['--table-name', name]),
    beforeDeadline(pointInTimeRecovery(invocation, ctx, name), ctx, started, 'unknown'),
  ]);
  if (!reply.ok)
    return reply.code?.includes('NotFound') ? notFoundResult(reply.message) : failedResult(reply);
  const table = (reply.data.Table as Table | undefined) ?? {};
  const items = table.ItemCount ?? 0;
  const bytes = table.TableSizeBytes ?? 0;
  const protectedTable = table.DeletionProtectionEnabled === true;
  const enabled = pitr === 'ENABLED';
  return {
    // DynamoDB refreshes ItemCount and TableSizeBytes about every six hours.
    summary: `table ${name}: about ${formatCount(items, 'item')}, ${formatBytes(bytes)}; deletion protection ${protectedTable ? 'ON: AWS will refuse' : 'off'}; point-in-time recovery ${enabled ? 'on' : pitr === 'unknown' ? 'unknown' : 'off'}`,
    counts: { tables: 1, items, bytes, ...(protectedTable ? { protected: 1 } : {}) },
    items: [`${name} (${table.TableStatus ?? '?'})`],
    recoverability:
      protectedTable || enabled ? 'recoverable' : pitr === 'unknown' ? 'unknown' : 'not recoverable',
    recovery: protectedTable
      ? 'deletion protection is on: AWS refuses to delete the table until it is turned off'
      : enabled
        ? 'point-in-time recovery is on: AWS keeps a system backup of the deleted table for 35 days'
        : pitr === 'unknown'
          ? 'whether point-in-time recovery is on is unknown; on-demand backups, if any, remain'
          : 'point-in-time recovery is off: only on-demand backups, if any, remain',
  };
}
