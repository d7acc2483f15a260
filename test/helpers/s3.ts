// A minimal S3-compatible server on node:http for tests, since no S3 server package is
// installed: it speaks the real S3 REST protocol (path-style URLs, XML bodies) for exactly
// the calls aws-cli makes for `s3 ls --recursive --summarize`, `s3 rm --recursive`,
// `s3 rb --force`, `s3 sync --delete` and `s3api get-bucket-versioning`: ListBuckets,
// HeadBucket, ListObjectsV2 (prefix, delimiter, pagination), HeadObject, GetObject,
// PutObject, DeleteObject, DeleteObjects, DeleteBucket, Get/PutBucketVersioning.
// Signatures are not checked; any dummy credentials work.

import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

interface Bucket {
  objects: Map<string, Buffer>;
  versioning?: 'Enabled' | 'Suspended';
  /** Versioned buckets keep what was deleted (a stand-in for noncurrent versions). */
  noncurrent: number;
}

export interface S3Server {
  endpoint: string;
  /** Environment for aws-cli: dummy credentials, no shared config files, a region. */
  env: Record<string, string>;
  createBucket(name: string, versioning?: 'Enabled' | 'Suspended'): void;
  putObject(bucket: string, key: string, body: string | Buffer): void;
  keys(bucket: string): string[] | undefined;
  noncurrent(bucket: string): number;
  requests: string[];
  close(): Promise<void>;
}

/** Page size of ListObjectsV2, small so pagination is exercised. */
const pageSize = 100;

function xml(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/xml' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?>\n${body}`);
}

function error(res: ServerResponse, status: number, code: string, message: string): void {
  xml(res, status, `<Error><Code>${code}</Code><Message>${message}</Message></Error>`);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function etag(body: Buffer): string {
  return `"${createHash('md5').update(body).digest('hex')}"`;
}

function read(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

function listV2(res: ServerResponse, name: string, bucket: Bucket, params: URLSearchParams): void {
  const prefix = params.get('prefix') ?? '';
  const delimiter = params.get('delimiter') ?? '';
  const after = params.get('continuation-token') ?? params.get('start-after') ?? '';
  const max = Math.min(Number(params.get('max-keys') ?? pageSize), pageSize);
  const keys = [...bucket.objects.keys()].filter((k) => k.startsWith(prefix) && k > after).sort();
  const contents: string[] = [];
  const prefixes = new Set<string>();
  let last = '';
  let truncated = false;
  for (const key of keys) {
    if (contents.length + prefixes.size >= max) {
      truncated = true;
      break;
    }
    last = key;
    const cut = delimiter === '' ? -1 : key.indexOf(delimiter, prefix.length);
    if (cut !== -1) {
      prefixes.add(key.slice(0, cut + delimiter.length));
      continue;
    }
    const body = bucket.objects.get(key) as Buffer;
    contents.push(
      `<Contents><Key>${escapeXml(key)}</Key><LastModified>2026-01-01T00:00:00.000Z</LastModified><ETag>${etag(body)}</ETag><Size>${body.length}</Size><StorageClass>STANDARD</StorageClass></Contents>`,
    );
  }
  const common = [...prefixes]
    .map((p) => `<CommonPrefixes><Prefix>${escapeXml(p)}</Prefix></CommonPrefixes>`)
    .join('');
  xml(
    res,
    200,
    `<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>${name}</Name><Prefix>${escapeXml(prefix)}</Prefix><KeyCount>${contents.length + prefixes.size}</KeyCount><MaxKeys>${max}</MaxKeys><IsTruncated>${truncated}</IsTruncated>${truncated ? `<NextContinuationToken>${escapeXml(last)}</NextContinuationToken>` : ''}${contents.join('')}${common}</ListBucketResult>`,
  );
}

export async function startS3(): Promise<S3Server> {
  const buckets = new Map<string, Bucket>();
  const requests: string[] = [];
  const remove = (bucket: Bucket, key: string) => {
    if (bucket.objects.delete(key) && bucket.versioning === 'Enabled') bucket.noncurrent++;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const [, name = '', ...rest] = url.pathname.split('/');
    const key = decodeURIComponent(rest.join('/'));
    const params = url.searchParams;
    requests.push(`${req.method} /${name}${key === '' ? '' : `/${key}`}${url.search}`);
    if (name === '') {
      const list = [...buckets.keys()]
        .map((b) => `<Bucket><Name>${b}</Name><CreationDate>2026-01-01T00:00:00.000Z</CreationDate></Bucket>`)
        .join('');
      return xml(
        res,
        200,
        `<ListAllMyBucketsResult><Owner><ID>test</ID></Owner><Buckets>${list}</Buckets></ListAllMyBucketsResult>`,
      );
    }
    const bucket = buckets.get(name);
    if (bucket === undefined) return error(res, 404, 'NoSuchBucket', 'The specified bucket does not exist');
    if (key === '') {
      if (params.has('versioning')) {
        if (req.method === 'PUT') {
          const status = /<Status>(\w+)<\/Status>/.exec((await read(req)).toString('utf8'))?.[1];
          bucket.versioning = status === 'Enabled' ? 'Enabled' : 'Suspended';
          return xml(res, 200, '');
        }
        const status = bucket.versioning === undefined ? '' : `<Status>${bucket.versioning}</Status>`;
        return xml(
          res,
          200,
          `<VersioningConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${status}</VersioningConfiguration>`,
        );
      }
      if (req.method === 'POST' && params.has('delete')) {
        const body = (await read(req)).toString('utf8');
        const deleted: string[] = [];
        for (const m of body.matchAll(/<Key>([^<]*)<\/Key>/g)) {
          const k = (m[1] as string).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
          remove(bucket, k);
          deleted.push(`<Deleted><Key>${escapeXml(k)}</Key></Deleted>`);
        }
        return xml(res, 200, `<DeleteResult>${deleted.join('')}</DeleteResult>`);
      }
      if (req.method === 'HEAD') return xml(res, 200, '');
      if (req.method === 'DELETE') {
        if (bucket.objects.size > 0 || bucket.noncurrent > 0)
          return error(res, 409, 'BucketNotEmpty', 'The bucket you tried to delete is not empty');
        buckets.delete(name);
        res.writeHead(204);
        return res.end();
      }
      if (req.method === 'GET' && params.get('list-type') === '2') return listV2(res, name, bucket, params);
      return error(
        res,
        501,
        'NotImplemented',
        `${req.method} on a bucket with ${url.search} is not served by this stand-in`,
      );
    }
    if (req.method === 'PUT') {
      const body = await read(req);
      bucket.objects.set(key, body);
      res.writeHead(200, { etag: etag(body) });
      return res.end();
    }
    if (req.method === 'DELETE') {
      remove(bucket, key);
      res.writeHead(204);
      return res.end();
    }
    const body = bucket.objects.get(key);
    if (body === undefined) return error(res, 404, 'NoSuchKey', 'The specified key does not exist.');
    res.writeHead(200, {
      'content-length': body.length,
      etag: etag(body),
      'last-modified': 'Thu, 01 Jan 2026 00:00:00 GMT',
    });
    return res.end(req.method === 'HEAD' ? undefined : body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => error(res, 500, 'InternalError', String(e)));
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
    createBucket: (name, versioning) =>
      buckets.set(name, { objects: new Map(), noncurrent: 0, ...(versioning ? { versioning } : {}) }),
    putObject: (bucket, key, body) => buckets.get(bucket)?.objects.set(key, Buffer.from(body)),
    keys: (bucket) => {
      const b = buckets.get(bucket);
      return b === undefined ? undefined : [...b.objects.keys()].sort();
    },
    noncurrent: (bucket) => buckets.get(bucket)?.noncurrent ?? 0,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
