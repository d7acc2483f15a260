// Response bodies of the AWS stand-in (test/helpers/aws-api.ts) in the real wire formats:
// EC2 Query API XML (2016-11-15 namespace, `item` lists, lower-camel names) and RDS Query
// API XML (2014-10-31 namespace, `<XResult>` wrappers, named list members).

export interface Tags {
  [key: string]: string;
}

export interface Ec2Instance {
  id: string;
  type: string;
  state: 'pending' | 'running' | 'stopping' | 'stopped' | 'shutting-down' | 'terminated';
  tags: Tags;
  disableApiTermination: boolean;
  disableApiStop: boolean;
  volumes: { id: string; device: string; deleteOnTermination: boolean }[];
}

export interface Ec2Volume {
  id: string;
  size: number;
  type: string;
  attachedTo?: string;
  tags: Tags;
}

export interface Ec2Snapshot {
  id: string;
  volumeId: string;
  size: number;
  startTime: string;
  description: string;
  tags: Tags;
}

export interface DbInstance {
  id: string;
  engine: string;
  engineVersion: string;
  instanceClass: string;
  storage: number;
  status: string;
  multiAz: boolean;
  deletionProtection: boolean;
  backupRetention: number;
  cluster?: string;
  tags: Tags;
}

export interface DbCluster {
  id: string;
  engine: string;
  engineVersion: string;
  storage: number;
  status: string;
  multiAz: boolean;
  deletionProtection: boolean;
  backupRetention: number;
  members: string[];
  tags: Tags;
}

const stateCodes: Record<Ec2Instance['state'], number> = {
  pending: 0,
  running: 16,
  'shutting-down': 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
};

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export const ec2Namespace = 'http://ec2.amazonaws.com/doc/2016-11-15/';
export const rdsNamespace = 'http://rds.amazonaws.com/doc/2014-10-31/';

/** `<ActionResponse xmlns=…><requestId>…</requestId>…</ActionResponse>` */
export function ec2Response(action: string, inner: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${ec2Namespace}"><requestId>00000000-0000-0000-0000-000000000000</requestId>${inner}</${action}Response>`;
}

export function ec2Error(code: string, message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error></Errors><RequestID>00000000-0000-0000-0000-000000000000</RequestID></Response>`;
}

/** `<ActionResponse><ActionResult>…</ActionResult><ResponseMetadata>…</ResponseMetadata></ActionResponse>` */
export function rdsResponse(action: string, inner: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${rdsNamespace}"><${action}Result>${inner}</${action}Result><ResponseMetadata><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ResponseMetadata></${action}Response>`;
}

export function rdsError(code: string, message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse xmlns="${rdsNamespace}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ErrorResponse>`;
}

function ec2Tags(tags: Tags): string {
  const items = Object.entries(tags)
    .map(([k, v]) => `<item><key>${escapeXml(k)}</key><value>${escapeXml(v)}</value></item>`)
    .join('');
  return `<tagSet>${items}</tagSet>`;
}

export function ec2State(state: Ec2Instance['state']): string {
  return `<code>${stateCodes[state]}</code><name>${state}</name>`;
}

export function instanceXml(i: Ec2Instance): string {
  const disks = i.volumes
    .map(
      (v) =>
        `<item><deviceName>${v.device}</deviceName><ebs><volumeId>${v.id}</volumeId><status>attached</status><attachTime>2026-01-01T00:00:00.000Z</attachTime><deleteOnTermination>${v.deleteOnTermination}</deleteOnTermination></ebs></item>`,
    )
    .join('');
  return `<item><instanceId>${i.id}</instanceId><imageId>ami-00000000</imageId><instanceState>${ec2State(i.state)}</instanceState><privateDnsName/><dnsName/><amiLaunchIndex>0</amiLaunchIndex><instanceType>${i.type}</instanceType><launchTime>2026-01-01T00:00:00.000Z</launchTime><placement><availabilityZone>us-east-1a</availabilityZone><tenancy>default</tenancy></placement><monitoring><state>disabled</state></monitoring><rootDeviceType>ebs</rootDeviceType><rootDeviceName>${i.volumes[0]?.device ?? '/dev/xvda'}</rootDeviceName><blockDeviceMapping>${disks}</blockDeviceMapping>${ec2Tags(i.tags)}</item>`;
}

export function reservationsXml(instances: Ec2Instance[]): string {
  const reservations = instances
    .map(
      (i, n) =>
        `<item><reservationId>r-${String(n).padStart(8, '0')}</reservationId><ownerId>000000000000</ownerId><groupSet/><instancesSet>${instanceXml(i)}</instancesSet></item>`,
    )
    .join('');
  return `<reservationSet>${reservations}</reservationSet>`;
}

export function volumeXml(v: Ec2Volume): string {
  const attachment =
    v.attachedTo === undefined
      ? ''
      : `<item><volumeId>${v.id}</volumeId><instanceId>${v.attachedTo}</instanceId><device>/dev/xvda</device><status>attached</status><attachTime>2026-01-01T00:00:00.000Z</attachTime><deleteOnTermination>true</deleteOnTermination></item>`;
  return `<item><volumeId>${v.id}</volumeId><size>${v.size}</size><snapshotId/><availabilityZone>us-east-1a</availabilityZone><status>${v.attachedTo === undefined ? 'available' : 'in-use'}</status><createTime>2026-01-01T00:00:00.000Z</createTime><attachmentSet>${attachment}</attachmentSet>${ec2Tags(v.tags)}<volumeType>${v.type}</volumeType><encrypted>false</encrypted></item>`;
}

export function snapshotXml(s: Ec2Snapshot): string {
  return `<item><snapshotId>${s.id}</snapshotId><volumeId>${s.volumeId}</volumeId><status>completed</status><startTime>${s.startTime}</startTime><progress>100%</progress><ownerId>000000000000</ownerId><volumeSize>${s.size}</volumeSize><description>${escapeXml(s.description)}</description><encrypted>false</encrypted>${ec2Tags(s.tags)}</item>`;
}

function rdsTags(tags: Tags): string {
  const items = Object.entries(tags)
    .map(([k, v]) => `<Tag><Key>${escapeXml(k)}</Key><Value>${escapeXml(v)}</Value></Tag>`)
    .join('');
  return `<TagList>${items}</TagList>`;
}

export function dbInstanceXml(d: DbInstance): string {
  return `<DBInstance><DBInstanceIdentifier>${d.id}</DBInstanceIdentifier><DBInstanceClass>${d.instanceClass}</DBInstanceClass><Engine>${d.engine}</Engine><DBInstanceStatus>${d.status}</DBInstanceStatus><AllocatedStorage>${d.storage}</AllocatedStorage><BackupRetentionPeriod>${d.backupRetention}</BackupRetentionPeriod><MultiAZ>${d.multiAz}</MultiAZ><EngineVersion>${d.engineVersion}</EngineVersion>${d.cluster === undefined ? '' : `<DBClusterIdentifier>${d.cluster}</DBClusterIdentifier>`}<DeletionProtection>${d.deletionProtection}</DeletionProtection>${rdsTags(d.tags)}</DBInstance>`;
}

export function dbClusterXml(c: DbCluster): string {
  const members = c.members
    .map(
      (m, n) =>
        `<DBClusterMember><DBInstanceIdentifier>${m}</DBInstanceIdentifier><IsClusterWriter>${n === 0}</IsClusterWriter></DBClusterMember>`,
    )
    .join('');
  return `<DBCluster><DBClusterIdentifier>${c.id}</DBClusterIdentifier><AllocatedStorage>${c.storage}</AllocatedStorage><BackupRetentionPeriod>${c.backupRetention}</BackupRetentionPeriod><Status>${c.status}</Status><Engine>${c.engine}</Engine><EngineVersion>${c.engineVersion}</EngineVersion><MultiAZ>${c.multiAz}</MultiAZ><DBClusterMembers>${members}</DBClusterMembers><DeletionProtection>${c.deletionProtection}</DeletionProtection>${rdsTags(c.tags)}</DBCluster>`;
}
