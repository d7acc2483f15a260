// ec2 delete-volume and delete-snapshot: the volume or snapshot named, its size, state and
// tags; an attached volume AWS refuses to delete.

import type { Invocation } from '../tools/invocation.js';
import {
  callAws,
  failedResult,
  flagList,
  formatTags,
  nameTag,
  notFoundResult,
  type ProbeResult,
  type Tag,
  unknownResult,
} from './aws-describe-call.js';
import type { ProbeContext } from './types.js';

interface Volume {
  VolumeId?: string;
  Size?: number;
  VolumeType?: string;
  State?: string;
  Attachments?: { InstanceId?: string }[];
  Tags?: Tag[];
}

interface Snapshot {
  SnapshotId?: string;
  VolumeId?: string;
  VolumeSize?: number;
  State?: string;
  StartTime?: string;
  Description?: string;
  Tags?: Tag[];
}

function named(id: string, tags: Tag[] | undefined): string {
  const name = nameTag(tags);
  return name === undefined ? id : `${name} (${id})`;
}

export async function measureVolume(invocation: Invocation, ctx: ProbeContext): Promise<ProbeResult> {
  const id = flagList(invocation, 'volume-id')[0];
  if (id === undefined) return unknownResult('no --volume-id known before it runs');
  const reply = await callAws(invocation, ctx, 'ec2', 'describe-volumes', ['--volume-ids', id]);
  if (!reply.ok)
    return reply.code?.includes('NotFound') ? notFoundResult(reply.message) : failedResult(reply);
  const volume = ((reply.data.Volumes as Volume[] | undefined) ?? [])[0];
  if (volume === undefined) return notFoundResult(`no volume ${id}`);
  const attached = (volume.Attachments ?? []).map((a) => a.InstanceId ?? '?');
  const tags = formatTags(volume.Tags);
  return {
    summary: `volume ${named(id, volume.Tags)}: ${volume.Size ?? '?'} GiB ${volume.VolumeType ?? ''}, ${volume.State ?? '?'}${attached.length > 0 ? `, attached to ${attached.join(', ')}: AWS refuses while attached` : ''}`,
    counts: { volumes: 1, ...(volume.Size === undefined ? {} : { volumeGiB: volume.Size }) },
    items: [`${id}${tags === '' ? '' : `: tags ${tags}`}`],
    recoverability: attached.length > 0 ? 'recoverable' : 'not recoverable',
    recovery:
      attached.length > 0
        ? 'the volume is attached: AWS refuses to delete it until it is detached'
        : 'a deleted volume cannot be brought back; only snapshots of it, if any, remain',
  };
}

export async function measureSnapshot(invocation: Invocation, ctx: ProbeContext): Promise<ProbeResult> {
  const id = flagList(invocation, 'snapshot-id')[0];
  if (id === undefined) return unknownResult('no --snapshot-id known before it runs');
  const reply = await callAws(invocation, ctx, 'ec2', 'describe-snapshots', ['--snapshot-ids', id]);
  if (!reply.ok)
    return reply.code?.includes('NotFound') ? notFoundResult(reply.message) : failedResult(reply);
  const snapshot = ((reply.data.Snapshots as Snapshot[] | undefined) ?? [])[0];
  if (snapshot === undefined) return notFoundResult(`no snapshot ${id}`);
  const tags = formatTags(snapshot.Tags);
  return {
    summary: `snapshot ${named(id, snapshot.Tags)}: of ${snapshot.VolumeId ?? '?'} (${snapshot.VolumeSize ?? '?'} GiB), taken ${snapshot.StartTime ?? '?'}, ${snapshot.State ?? '?'}`,
    counts: {
      snapshots: 1,
      ...(snapshot.VolumeSize === undefined ? {} : { volumeGiB: snapshot.VolumeSize }),
    },
    items: [
      `${id}${snapshot.Description ? ` "${snapshot.Description}"` : ''}${tags === '' ? '' : `: tags ${tags}`}`,
    ],
    recoverability: 'not recoverable',
    recovery: 'a deleted snapshot is gone unless a Recycle Bin retention rule keeps it',
  };
}
