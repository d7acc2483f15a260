// ec2 terminate-instances and stop-instances: the instances named (Name tag, other tags,
// state, type), whether termination or stop protection is on, and for terminate the EBS
// volumes deleted with them (DeleteOnTermination) and their size.

import type { Invocation } from '../tools/invocation.js';
import {
  beforeDeadline,
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
import { formatCount } from './fs-format.js';
import type { ProbeContext } from './types.js';

interface Instance {
  InstanceId?: string;
  InstanceType?: string;
  State?: { Name?: string };
  Tags?: Tag[];
  BlockDeviceMappings?: { DeviceName?: string; Ebs?: { VolumeId?: string; DeleteOnTermination?: boolean } }[];
}

interface Volume {
  VolumeId?: string;
  Size?: number;
  VolumeType?: string;
}

/** Protection is asked per instance (one aws-cli process each): this many, then "unknown". */
export const protectionChecks = 3;

type Protection = boolean | 'unknown';

async function protectionOf(
  invocation: Invocation,
  ctx: ProbeContext,
  id: string,
  attribute: 'disableApiTermination' | 'disableApiStop',
): Promise<Protection> {
  const reply = await callAws(invocation, ctx, 'ec2', 'describe-instance-attribute', [
    '--instance-id',
    id,
    '--attribute',
    attribute,
  ]);
  if (!reply.ok) return 'unknown';
  const key = attribute === 'disableApiTermination' ? 'DisableApiTermination' : 'DisableApiStop';
  const value = (reply.data[key] as { Value?: boolean } | undefined)?.Value;
  return typeof value === 'boolean' ? value : 'unknown';
}

async function volumeSizes(
  invocation: Invocation,
  ctx: ProbeContext,
  ids: string[],
): Promise<Map<string, Volume> | undefined> {
  if (ids.length === 0) return new Map();
  const reply = await callAws(invocation, ctx, 'ec2', 'describe-volumes', ['--volume-ids', ...ids]);
  if (!reply.ok) return undefined;
  const volumes = (reply.data.Volumes as Volume[] | undefined) ?? [];
  return new Map(volumes.map((v) => [v.VolumeId ?? '', v]));
}

function attachedVolumes(instances: Instance[]): string[] {
  return instances.flatMap((i) =>
    (i.BlockDeviceMappings ?? []).flatMap((b) => (b.Ebs?.VolumeId === undefined ? [] : [b.Ebs.VolumeId])),
  );
}

function label(instance: Instance): string {
  return nameTag(instance.Tags) ?? instance.InstanceId ?? '?';
}

function protectionLine(
  instances: Instance[],
  protection: Protection[],
  what: 'termination' | 'stop',
): { text: string; blocked: string[] } {
  const on = instances.filter((_, i) => protection[i] === true).map(label);
  const unknown = instances.filter((_, i) => protection[i] === 'unknown').length;
  const parts: string[] = [];
  if (on.length > 0)
    parts.push(
      `${what} protection on for ${on.join(', ')}: AWS refuses to ${what === 'stop' ? 'stop' : 'terminate'} ${on.length === 1 ? 'it' : 'them'}`,
    );
  else if (unknown < instances.length) parts.push(`${what} protection off`);
  if (unknown > 0) parts.push(`${what} protection unknown for ${formatCount(unknown, 'instance')}`);
  return { text: parts.join('; '), blocked: on };
}

export async function measureInstances(invocation: Invocation, ctx: ProbeContext): Promise<ProbeResult> {
  const started = Date.now();
  const terminate = invocation.subcommand[1] === 'terminate-instances';
  const ids = flagList(invocation, 'instance-ids');
  if (ids.length === 0) return unknownResult('no --instance-ids known before it runs');
  const reply = await callAws(invocation, ctx, 'ec2', 'describe-instances', ['--instance-ids', ...ids]);
  if (!reply.ok)
    return reply.code?.includes('NotFound') ? notFoundResult(reply.message) : failedResult(reply);
  const reservations = (reply.data.Reservations as { Instances?: Instance[] }[] | undefined) ?? [];
  const instances = reservations.flatMap((r) => r.Instances ?? []);
  const attribute = terminate ? 'disableApiTermination' : 'disableApiStop';
  const checked = instances.slice(0, protectionChecks);
  const doomed = terminate
    ? instances.flatMap((i) =>
        (i.BlockDeviceMappings ?? [])
          .filter((b) => b.Ebs?.DeleteOnTermination === true && b.Ebs.VolumeId !== undefined)
          .map((b) => b.Ebs?.VolumeId as string),
      )
    : [];
  // Protection and volume sizes add detail; past the deadline's margin they stay unknown.
  const [protection, sizes] = await Promise.all([
    beforeDeadline(
      Promise.all(checked.map((i) => protectionOf(invocation, ctx, i.InstanceId ?? '', attribute))),
      ctx,
      started,
      checked.map((): Protection => 'unknown'),
    ),
    beforeDeadline(
      volumeSizes(invocation, ctx, terminate ? attachedVolumes(instances) : []),
      ctx,
      started,
      undefined,
    ),
  ]);
  const protections: Protection[] = instances.map((_, i) => protection[i] ?? 'unknown');
  return describeOutcome(instances, protections, doomed, sizes, terminate, ctx.maxItems);
}

function describeOutcome(
  instances: Instance[],
  protection: Protection[],
  doomed: string[],
  sizes: Map<string, Volume> | undefined,
  terminate: boolean,
  maxItems: number,
): ProbeResult {
  const what = terminate ? 'termination' : 'stop';
  const guard = protectionLine(instances, protection, what);
  const heads = instances.map(
    (i) => `${label(i)} (${[i.InstanceType, i.State?.Name].filter(Boolean).join(', ')})`,
  );
  const gib =
    sizes === undefined ? undefined : doomed.reduce((sum, id) => sum + (sizes.get(id)?.Size ?? 0), 0);
  const kept = instances.reduce(
    (n, i) => n + (i.BlockDeviceMappings ?? []).filter((b) => b.Ebs?.DeleteOnTermination === false).length,
    0,
  );
  const volumes = terminate
    ? `${formatCount(doomed.length, 'volume')}${gib === undefined || doomed.length === 0 ? '' : ` (${gib} GiB)`} deleted with them${kept > 0 ? `, ${kept} kept` : ''}`
    : 'EBS volumes kept';
  const summary = `${formatCount(instances.length, 'instance')}${terminate ? '' : ' stopped'}: ${heads.join(', ')}; ${guard.text}; ${volumes}`;
  const items = instances.slice(0, maxItems).map((instance, n) => {
    const tags = formatTags(instance.Tags);
    const disks = (instance.BlockDeviceMappings ?? []).map((b) => {
      const id = b.Ebs?.VolumeId ?? b.DeviceName ?? '?';
      const size = sizes?.get(id)?.Size;
      const fate = !terminate || b.Ebs?.DeleteOnTermination === false ? 'kept' : 'deleted';
      return `${id}${size === undefined ? '' : ` ${size} GiB`} ${fate}`;
    });
    const guardText = protection[n] === 'unknown' ? 'unknown' : protection[n] ? 'on' : 'off';
    return [
      `${instance.InstanceId ?? '?'} ${label(instance)}: ${instance.InstanceType ?? '?'}, ${instance.State?.Name ?? '?'}`,
      tags === '' ? '' : `tags ${tags}`,
      `${what} protection ${guardText}`,
      disks.length === 0 ? '' : `volumes ${disks.join(', ')}`,
    ]
      .filter((part) => part !== '')
      .join('; ');
  });
  const allBlocked = guard.blocked.length === instances.length && instances.length > 0;
  return {
    summary,
    counts: {
      instances: instances.length,
      protected: guard.blocked.length,
      volumesDeleted: doomed.length,
      ...(gib === undefined ? {} : { volumeGiB: gib }),
    },
    items,
    recoverability: allBlocked || !terminate ? 'recoverable' : 'not recoverable',
    recovery: allBlocked
      ? `${what} protection is on: AWS refuses until it is turned off`
      : terminate
        ? `terminated instances cannot be started again; ${formatCount(doomed.length, 'EBS volume')} deleted with them (DeleteOnTermination)${kept > 0 ? `, ${kept} kept` : ''}`
        : 'start-instances brings them back (instance-store data and public IPv4 addresses are lost)',
  };
}
