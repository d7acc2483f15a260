// Detection on a fixture project: terraform backends and workspaces, Kubernetes overlays,
// charts and the contexts scripts mention, database URLs (host and name, never the password).

import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { suggestConfig } from '../../src/init/config-entries.js';
import { describeDatabaseUrl } from '../../src/init/database-url.js';
import { detectProject } from '../../src/init/detect.js';
import type { Detection } from '../../src/init/detect-types.js';
import { makeProject, type Sandbox } from './helpers.js';

let box: Sandbox;
let d: Detection;
beforeAll(() => {
  box = makeProject();
  d = detectProject(box.root);
});
afterAll(() => rmSync(box.base, { recursive: true, force: true }));

describe('detectProject', () => {
  test('terraform roots, backends, workspaces and local state', () => {
    expect(d.terraform.map((r) => r.dir)).toEqual(['infra', 'infra/prod']);
    const prod = d.terraform[1]!;
    expect(prod.backends).toEqual([
      {
        type: 's3',
        source: { file: 'infra/prod/main.tf', line: 2 },
        bucket: 'acme-tf-state',
        key: 'prod/network.tfstate',
        workspaces: [],
      },
    ]);
    expect(prod.workspaces.map((w) => w.name)).toEqual(['prod', 'blue']);
    expect(prod.workspaces[1]!.source.file).toBe('infra/prod/.terraform/environment');
    expect(prod.stateFiles).toEqual(['infra/prod/terraform.tfstate.d/prod/terraform.tfstate']);
    expect(d.terraform[0]!.backends[0]).toMatchObject({
      type: 'cloud',
      organization: 'acme',
      workspaces: ['payments-core'],
    });
  });

  test('Kubernetes manifests, overlays, charts and mentioned contexts with their lines', () => {
    expect(d.kubernetes.manifests).toEqual(['k8s/base/deployment.yaml']);
    expect(d.kubernetes.overlays.map((o) => [o.name, o.source.context])).toEqual([
      ['prod', 'prod'],
      ['staging', 'staging'],
    ]);
    expect(d.kubernetes.charts).toEqual(['charts/api']);
    expect(
      d.kubernetes.contexts.map((c) => [c.name, c.source.file, c.source.line, c.source.context]),
    ).toEqual([
      ['acme-main', 'Makefile', 4, 'prod'],
      ['blue-east', 'Makefile', 7, 'staging'],
      ['acme-main', 'README.md', 3, undefined],
      ['acme-main', 'scripts/check.sh', 2, undefined],
    ]);
  });

  test('databases: migrations, .sql files, URLs by host and name only', () => {
    expect(d.databases.migrations).toEqual(['db/migrate']);
    expect(d.databases.sqlFiles).toEqual(['db/migrate/001_init.sql']);
    expect(
      d.databases.urls.map((u) => [
        u.variable,
        u.scheme,
        u.host,
        u.database,
        u.source.file,
        u.source.line,
        u.source.context,
      ]),
    ).toEqual([
      ['DATABASE_URL', 'postgres', 'localhost', 'orders_dev', '.env', 1, undefined],
      ['DATABASE_URL', 'postgres', 'db-main.acme.internal', 'orders', '.env.production', 2, 'prod'],
      ['REDIS_URL', 'redis', 'cache.acme.internal', '0', '.env.production', 3, 'prod'],
    ]);
    const text = JSON.stringify(d);
    for (const secret of ['S3cretPassw0rd', 'R3disPass', 'devpass']) expect(text).not.toContain(secret);
  });

  test('Docker and scripts', () => {
    expect(d.docker).toEqual({ dockerfiles: ['Dockerfile'], compose: ['docker-compose.yml'] });
    expect(d.scripts.packageJson).toEqual([{ file: 'package.json', scripts: ['build', 'deploy'] }]);
    expect(d.scripts.makefiles).toEqual([
      { file: 'Makefile', targets: ['deploy-prod', 'deploy-staging', 'migrate'] },
    ]);
  });

  test('config suggestions: production and staging names by context, state protected', () => {
    const s = suggestConfig(d);
    expect(s.entries.map((e) => `${e.key}=${e.value}`)).toEqual([
      'environments.prod=acme-main',
      'environments.staging=blue-east',
      'protected=acme-tf-state',
      'protected=*/infra/prod/terraform.tfstate.d/prod/terraform.tfstate',
      'environments.prod=db-main.acme.internal',
      'environments.prod=cache.acme.internal',
    ]);
    expect(s.entries[0]!.comment).toBe('kube context, used for prod in Makefile:4');
    expect(s.unresolved).toEqual([
      'terraform cloud workspace payments-core (infra/cloud.tf:2)',
      'terraform workspace blue (infra/prod/.terraform/environment)',
    ]);
  });
});

describe('describeDatabaseUrl', () => {
  test.each([
    [
      'postgres://u:p@h.example:5432/db?sslmode=require',
      { scheme: 'postgres', host: 'h.example', database: 'db' },
    ],
    ['postgresql+asyncpg://u:p@h/db', { scheme: 'postgresql', host: 'h', database: 'db' }],
    ['mysql://root@[::1]:3306/app', { scheme: 'mysql', host: '::1', database: 'app' }],
    [
      'mongodb+srv://u:p%40ss@cluster0.x.mongodb.net/shop',
      { scheme: 'mongodb+srv', host: 'cluster0.x.mongodb.net', database: 'shop' },
    ],
    ['postgres://u:p@a:1,b:2/db', { scheme: 'postgres', host: 'a', database: 'db' }],
    ['https://example.com/x', undefined],
    ['not a url', undefined],
  ])('%s', (url, expected) => {
    expect(describeDatabaseUrl(url)).toEqual(expected);
  });
});
