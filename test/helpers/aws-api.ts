// A stand-in for the AWS APIs on node:http, since no cloud account (or localstack) exists
// here: it speaks the real wire protocols aws-cli uses, for exactly the calls the
// aws-describe probe and the commands it measures make. EC2 Query API (DescribeInstances,
// DescribeInstanceAttribute, DescribeVolumes, DescribeSnapshots, TerminateInstances,
// StopInstances, DeleteVolume, DeleteSnapshot), RDS Query API (DescribeDBInstances,
// DescribeDBClusters, DeleteDBInstance, DeleteDBCluster) and DynamoDB's JSON 1.0 protocol
// (DescribeTable, DescribeContinuousBackups, DeleteTable). Signatures are not checked.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { handleEc2 } from './aws-api-ec2.js';
import { handleRds } from './aws-api-rds.js';
import type { DbCluster, DbInstance, Ec2Instance, Ec2Snapshot, Ec2Volume } from './aws-api-xml.js';
import { ec2Error, rdsError } from './aws-api-xml.js';

export type { DbCluster, DbInstance, Ec2Instance, Ec2Snapshot, Ec2Volume } from './aws-api-xml.js';

export interface DynamoTable {
  name: string;
  items: number;
  bytes: number;
  deletionProtection: boolean;
  pitr: boolean;
}

/** What the stand-in holds: tests seed it, then compare it with the measurement. */
export interface AwsWorld {
  instances: Map<string, Ec2Instance>;
  volumes: Map<string, Ec2Volume>;
  snapshots: Map<string, Ec2Snapshot>;
  dbInstances: Map<string, DbInstance>;
  dbClusters: Map<string, DbCluster>;
  /** Final DB snapshots taken by DeleteDBInstance/DeleteDBCluster. */
  dbSnapshots: string[];
  /** Automated backups kept after a delete (--no-delete-automated-backups). */
  retainedBackups: string[];
  tables: Map<string, DynamoTable>;
}

export interface AwsApi {
  endpoint: string;
  /** Environment for aws-cli: dummy credentials, no shared config files, a region. */
  env: Record<string, string>;
  world: AwsWorld;
  /** `Action` (or DynamoDB target) of every request, in order. */
  requests: string[];
  /** When true, requests are accepted and never answered (a network that hangs). */
  hang: boolean;
  close(): Promise<void>;
}

export interface Reply {
  status: number;
  body: string;
  type?: string;
}

function read(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function handleDynamo(world: AwsWorld, operation: string, body: string): Reply {
  const json = (status: number, value: unknown): Reply => ({
    status,
    body: JSON.stringify(value),
    type: 'application/x-amz-json-1.0',
  });
  const name = (JSON.parse(body === '' ? '{}' : body) as { TableName?: string }).TableName ?? '';
  const table = world.tables.get(name);
  if (table === undefined)
    return json(400, {
      __type: 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException',
      message: `Requested resource not found: Table: ${name} not found`,
    });
  const description = {
    TableName: table.name,
    TableStatus: 'ACTIVE',
    ItemCount: table.items,
    TableSizeBytes: table.bytes,
    DeletionProtectionEnabled: table.deletionProtection,
    CreationDateTime: 1767225600,
    TableArn: `arn:aws:dynamodb:us-east-1:000000000000:table/${table.name}`,
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
  };
  if (operation === 'DescribeTable') return json(200, { Table: description });
  if (operation === 'DescribeContinuousBackups') {
    const status = table.pitr ? 'ENABLED' : 'DISABLED';
    return json(200, {
      ContinuousBackupsDescription: {
        ContinuousBackupsStatus: 'ENABLED',
        PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: status },
      },
    });
  }
  if (operation === 'DeleteTable') {
    if (table.deletionProtection)
      return json(400, {
        __type: 'com.amazon.coral.validate#ValidationException',
        message:
          'Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.',
      });
    world.tables.delete(name);
    return json(200, { TableDescription: { ...description, TableStatus: 'DELETING' } });
  }
  return json(400, { __type: 'com.amazon.coral.service#UnknownOperationException', message: operation });
}

export async function startAwsApi(): Promise<AwsApi> {
  const world: AwsWorld = {
    instances: new Map(),
    volumes: new Map(),
    snapshots: new Map(),
    dbInstances: new Map(),
    dbClusters: new Map(),
    dbSnapshots: [],
    retainedBackups: [],
    tables: new Map(),
  };
  const requests: string[] = [];
  const api = { hang: false };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await read(req);
    const target = req.headers['x-amz-target'];
    const dynamo = typeof target === 'string' && target.startsWith('DynamoDB_20120810.');
    const params = new URLSearchParams(dynamo ? '' : body);
    const action = dynamo ? target.slice('DynamoDB_20120810.'.length) : (params.get('Action') ?? '');
    requests.push(action);
    if (api.hang) return;
    let reply: Reply;
    if (dynamo) reply = handleDynamo(world, action, body);
    else {
      // Both Query APIs post to the same endpoint; the API version says which service it is.
      if (params.get('Version') === '2016-11-15') reply = handleEc2(world, action, params);
      else if (params.get('Version') === '2014-10-31') reply = handleRds(world, action, params);
      else
        reply = { status: 400, body: ec2Error('InvalidAction', `${action} is not served by this stand-in`) };
    }
    res.writeHead(reply.status, { 'content-type': reply.type ?? 'text/xml;charset=UTF-8' });
    res.end(reply.body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      res.writeHead(500, { 'content-type': 'text/xml' });
      res.end(rdsError('InternalFailure', String(e)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const endpoint = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  return {
    endpoint,
    env: {
      AWS_ACCESS_KEY_ID: 'airlock-test',
      AWS_SECRET_ACCESS_KEY: 'airlock-test-secret',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_CONFIG_FILE: '/nonexistent/airlock-aws-config',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/airlock-aws-credentials',
      AWS_EC2_METADATA_DISABLED: 'true',
    },
    world,
    requests,
    get hang() {
      return api.hang;
    },
    set hang(value: boolean) {
      api.hang = value;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
