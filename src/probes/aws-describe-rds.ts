// rds delete-db-instance and delete-db-cluster: engine, size, Multi-AZ and deletion
// protection from one describe call, and from the command's own flags whether a final
// snapshot is kept and automated backups survive: what recovery remains afterwards.

import type { Invocation } from '../tools/invocation.js';
import {
  callAws,
  failedResult,
  flagList,
  formatTags,
  hasFlag,
  notFoundResult,
  type ProbeResult,
  type Tag,
  unknownResult,
} from './aws-describe-call.js';
import { formatCount } from './fs-format.js';
import type { ProbeContext } from './types.js';

interface Database {
  id: string;
  engine?: string;
  engineVersion?: string;
  size?: string;
  status?: string;
  multiAz?: boolean;
  deletionProtection?: boolean;
  backupRetention?: number;
  /** An instance that belongs to a cluster: the cluster keeps the data. */
  cluster?: string;
  /** A cluster's member instances. */
  members?: string[];
  tags?: Tag[];
}

interface Plan {
  skipFinalSnapshot: boolean;
  finalSnapshot?: string;
  /** AWS deletes automated backups unless --no-delete-automated-backups is given. */
  keepAutomatedBackups: boolean;
}

function planOf(invocation: Invocation): Plan {
  const finalSnapshot = flagList(invocation, 'final-db-snapshot-identifier')[0];
  return {
    skipFinalSnapshot: hasFlag(invocation, 'skip-final-snapshot'),
    ...(finalSnapshot === undefined ? {} : { finalSnapshot }),
    keepAutomatedBackups: hasFlag(invocation, 'no-delete-automated-backups'),
  };
}

function fromInstance(raw: Record<string, unknown>): Database {
  return {
    id: String(raw.DBInstanceIdentifier ?? '?'),
    engine: raw.Engine as string | undefined,
    engineVersion: raw.EngineVersion as string | undefined,
    size: raw.AllocatedStorage === undefined ? undefined : `${raw.AllocatedStorage} GiB`,
    status: raw.DBInstanceStatus as string | undefined,
    multiAz: raw.MultiAZ as boolean | undefined,
    deletionProtection: raw.DeletionProtection as boolean | undefined,
    backupRetention: raw.BackupRetentionPeriod as number | undefined,
    cluster: raw.DBClusterIdentifier as string | undefined,
    tags: raw.TagList as Tag[] | undefined,
  };
}

function fromCluster(raw: Record<string, unknown>): Database {
  const members = (raw.DBClusterMembers as { DBInstanceIdentifier?: string }[] | undefined) ?? [];
  // Aurora reports AllocatedStorage 1: its storage grows on demand and is not a size to show.
  const engine = raw.Engine as string | undefined;
  const storage = raw.AllocatedStorage as number | undefined;
  return {
    id: String(raw.DBClusterIdentifier ?? '?'),
    engine,
    engineVersion: raw.EngineVersion as string | undefined,
    size: storage === undefined || engine?.startsWith('aurora') ? undefined : `${storage} GiB`,
    status: raw.Status as string | undefined,
    multiAz: raw.MultiAZ as boolean | undefined,
    deletionProtection: raw.DeletionProtection as boolean | undefined,
    backupRetention: raw.BackupRetentionPeriod as number | undefined,
    members: members.map((m) => m.DBInstanceIdentifier ?? '?'),
    tags: raw.TagList as Tag[] | undefined,
  };
}

/** What is left to restore from once it is gone, and whether AWS will even do it. */
function recoveryOf(
  db: Database,
  plan: Plan,
  kind: 'instance' | 'cluster',
): Pick<ProbeResult, 'recoverability' | 'recovery'> {
  if (db.deletionProtection === true)
    return {
      recoverability: 'recoverable',
      recovery: 'deletion protection is on: AWS refuses to delete it until it is turned off',
    };
  if (kind === 'instance' && db.cluster !== undefined)
    return {
      recoverability: 'recoverable',
      recovery: `the data stays in cluster ${db.cluster}; only this instance goes`,
    };
  if (kind === 'cluster' && (db.members?.length ?? 0) > 0)
    return {
      recoverability: 'recoverable',
      recovery: `AWS refuses while the cluster still has instances (${db.members?.join(', ')})`,
    };
  const backups =
    plan.keepAutomatedBackups && (db.backupRetention ?? 0) > 0
      ? `automated backups retained (${db.backupRetention} days)`
      : undefined;
  if (plan.finalSnapshot !== undefined && !plan.skipFinalSnapshot)
    return {
      recoverability: 'recoverable',
      recovery: `recoverable from final snapshot ${plan.finalSnapshot}${backups ? `; ${backups}` : ''}`,
    };
  if (!plan.skipFinalSnapshot)
    return {
      recoverability: 'recoverable',
      recovery:
        'neither --skip-final-snapshot nor a final snapshot identifier: AWS refuses to delete without one',
    };
  if (backups !== undefined)
    return {
      recoverability: 'recoverable',
      recovery: `final snapshot skipped; ${backups} allow a point-in-time restore`,
    };
  return {
    recoverability: 'not recoverable',
    recovery: `final snapshot skipped, automated backups ${plan.keepAutomatedBackups ? 'off' : 'deleted'}; manual snapshots, if any, remain`,
  };
}

function describeDb(db: Database, plan: Plan, kind: 'instance' | 'cluster'): ProbeResult {
  const engine = [db.engine, db.engineVersion].filter(Boolean).join(' ');
  const facts = [
    engine,
    db.size,
    db.status,
    db.multiAz === true ? 'Multi-AZ' : undefined,
    kind === 'cluster' ? formatCount(db.members?.length ?? 0, 'instance') : undefined,
  ].filter((f): f is string => f !== undefined && f !== '');
  const protection =
    db.deletionProtection === true
      ? 'deletion protection ON: AWS will refuse'
      : db.deletionProtection === false
        ? 'deletion protection off'
        : 'deletion protection unknown';
  const snapshot = plan.skipFinalSnapshot
    ? 'final snapshot skipped'
    : plan.finalSnapshot !== undefined
      ? `final snapshot ${plan.finalSnapshot}`
      : 'no final snapshot named';
  const recovery = recoveryOf(db, plan, kind);
  const tags = formatTags(db.tags);
  return {
    summary: `DB ${kind} ${db.id} (${facts.join(', ')}); ${protection}; ${snapshot}`,
    counts: {
      [kind === 'instance' ? 'instances' : 'clusters']: 1,
      ...(db.deletionProtection === true ? { protected: 1 } : {}),
    },
    items: [
      `${db.id}${tags === '' ? '' : `: tags ${tags}`}`,
      ...(db.members ?? []).map((m) => `member ${m}`),
    ],
    ...recovery,
  };
}

export async function measureDatabase(invocation: Invocation, ctx: ProbeContext): Promise<ProbeResult> {
  const kind = invocation.subcommand[1] === 'delete-db-cluster' ? 'cluster' : 'instance';
  const flag = kind === 'cluster' ? 'db-cluster-identifier' : 'db-instance-identifier';
  const id = flagList(invocation, flag)[0];
  if (id === undefined) return unknownResult(`no --${flag} known before it runs`);
  const reply = await callAws(
    invocation,
    ctx,
    'rds',
    kind === 'cluster' ? 'describe-db-clusters' : 'describe-db-instances',
    [`--${flag}`, id],
  );
  if (!reply.ok)
    return reply.code?.includes('NotFound') ? notFoundResult(reply.message) : failedResult(reply);
  const list =
    (reply.data[kind === 'cluster' ? 'DBClusters' : 'DBInstances'] as Record<string, unknown>[]) ?? [];
  const raw = list[0];
  if (raw === undefined) return notFoundResult(`no DB ${kind} ${id}`);
  return describeDb(kind === 'cluster' ? fromCluster(raw) : fromInstance(raw), planOf(invocation), kind);
}
