// The EC2 half of the AWS stand-in: Query API actions over the stand-in's world, answered
// in EC2's XML with its error codes (InvalidInstanceID.NotFound, OperationNotPermitted…).

import type { AwsWorld, Reply } from './aws-api.js';
import {
  type Ec2Instance,
  ec2Error,
  ec2Response,
  ec2State,
  reservationsXml,
  snapshotXml,
  volumeXml,
} from './aws-api-xml.js';

/** `InstanceId.1=a&InstanceId.2=b` → [a, b]. */
function listParam(params: URLSearchParams, name: string): string[] {
  const out: string[] = [];
  for (let n = 1; params.has(`${name}.${n}`); n++) out.push(params.get(`${name}.${n}`) as string);
  return out;
}

const ok = (action: string, inner: string): Reply => ({ status: 200, body: ec2Response(action, inner) });
const fail = (code: string, message: string): Reply => ({ status: 400, body: ec2Error(code, message) });

function stateChanges(instances: Ec2Instance[], previous: Ec2Instance['state'][]): string {
  const items = instances
    .map(
      (i, n) =>
        `<item><instanceId>${i.id}</instanceId><currentState>${ec2State(i.state)}</currentState><previousState>${ec2State(previous[n] ?? 'running')}</previousState></item>`,
    )
    .join('');
  return `<instancesSet>${items}</instancesSet>`;
}

function pick(world: AwsWorld, ids: string[]): Ec2Instance[] | Reply {
  const found: Ec2Instance[] = [];
  for (const id of ids) {
    const instance = world.instances.get(id);
    if (instance === undefined)
      return fail('InvalidInstanceID.NotFound', `The instance ID '${id}' does not exist`);
    found.push(instance);
  }
  return found;
}

function terminate(world: AwsWorld, instances: Ec2Instance[]): Reply {
  const locked = instances.find((i) => i.disableApiTermination);
  if (locked !== undefined)
    return fail(
      'OperationNotPermitted',
      `The instance '${locked.id}' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.`,
    );
  const previous = instances.map((i) => i.state);
  for (const instance of instances) {
    instance.state = 'terminated';
    for (const disk of instance.volumes) {
      if (disk.deleteOnTermination) world.volumes.delete(disk.id);
      else {
        const volume = world.volumes.get(disk.id);
        if (volume !== undefined) delete volume.attachedTo;
      }
    }
  }
  return ok('TerminateInstances', stateChanges(instances, previous));
}

function stop(instances: Ec2Instance[]): Reply {
  const locked = instances.find((i) => i.disableApiStop);
  if (locked !== undefined)
    return fail(
      'OperationNotPermitted',
      `The instance '${locked.id}' may not be stopped. Modify its 'disableApiStop' instance attribute and try again.`,
    );
  const previous = instances.map((i) => i.state);
  for (const instance of instances) instance.state = 'stopped';
  return ok('StopInstances', stateChanges(instances, previous));
}

export function handleEc2(world: AwsWorld, action: string, params: URLSearchParams): Reply {
  switch (action) {
    case 'DescribeInstances': {
      const ids = listParam(params, 'InstanceId');
      const found = ids.length === 0 ? [...world.instances.values()] : pick(world, ids);
      return 'status' in found ? found : ok(action, reservationsXml(found));
    }
    case 'DescribeInstanceAttribute': {
      const found = pick(world, [params.get('InstanceId') ?? '']);
      if ('status' in found) return found;
      const attribute = params.get('Attribute');
      const instance = found[0] as Ec2Instance;
      if (attribute !== 'disableApiTermination' && attribute !== 'disableApiStop')
        return fail('InvalidParameterValue', `Value (${attribute}) for parameter attribute is invalid.`);
      return ok(
        action,
        `<instanceId>${instance.id}</instanceId><${attribute}><value>${instance[attribute]}</value></${attribute}>`,
      );
    }
    case 'TerminateInstances':
    case 'StopInstances': {
      const found = pick(world, listParam(params, 'InstanceId'));
      if ('status' in found) return found;
      return action === 'StopInstances' ? stop(found) : terminate(world, found);
    }
    case 'DescribeVolumes': {
      const ids = listParam(params, 'VolumeId');
      const missing = ids.find((id) => !world.volumes.has(id));
      if (missing !== undefined)
        return fail('InvalidVolume.NotFound', `The volume '${missing}' does not exist.`);
      const volumes =
        ids.length === 0 ? [...world.volumes.values()] : ids.map((id) => world.volumes.get(id)!);
      return ok(action, `<volumeSet>${volumes.map(volumeXml).join('')}</volumeSet>`);
    }
    case 'DeleteVolume': {
      const id = params.get('VolumeId') ?? '';
      const volume = world.volumes.get(id);
      if (volume === undefined) return fail('InvalidVolume.NotFound', `The volume '${id}' does not exist.`);
      if (volume.attachedTo !== undefined)
        return fail('VolumeInUse', `Volume ${id} is currently attached to ${volume.attachedTo}`);
      world.volumes.delete(id);
      return ok(action, '<return>true</return>');
    }
    case 'DescribeSnapshots': {
      const ids = listParam(params, 'SnapshotId');
      const missing = ids.find((id) => !world.snapshots.has(id));
      if (missing !== undefined)
        return fail('InvalidSnapshot.NotFound', `The snapshot '${missing}' does not exist.`);
      const snapshots =
        ids.length === 0 ? [...world.snapshots.values()] : ids.map((id) => world.snapshots.get(id)!);
      return ok(action, `<snapshotSet>${snapshots.map(snapshotXml).join('')}</snapshotSet>`);
    }
    case 'DeleteSnapshot': {
      const id = params.get('SnapshotId') ?? '';
      if (!world.snapshots.delete(id))
        return fail('InvalidSnapshot.NotFound', `The snapshot '${id}' does not exist.`);
      return ok(action, '<return>true</return>');
    }
    default:
      return fail('InvalidAction', `The action ${action} is not valid for this web service.`);
  }
}
