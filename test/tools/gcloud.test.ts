import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtures, invocationOf, outcome } from './cloud-helpers.js';

const home = `${fixtures}gcloud/home`;
const alt = `${fixtures}gcloud/alt`;

describe('gcloud recognizer', () => {
  it.each([
    [
      'gcloud compute instances delete web-1 --zone us-central1-a -q',
      ['compute', 'instances', 'delete'],
      ['web-1'],
      { verb: 'delete', quiet: true },
    ],
    [
      'gcloud --project p compute instances list',
      ['compute', 'instances', 'list'],
      [],
      { 'verb.head': 'list' },
    ],
    [
      'gcloud beta run services delete api --region=europe-west1',
      ['run', 'services', 'delete'],
      ['api'],
      { verb: 'delete' },
    ],
    ['gcloud run deploy api --image gcr.io/x/api', ['run', 'deploy'], ['api'], { verb: 'deploy' }],
    [
      'gcloud projects remove-iam-policy-binding acme --member user:a',
      ['projects', 'remove-iam-policy-binding'],
      ['acme'],
      { 'verb.head': 'remove' },
    ],
    ['gcloud config set project acme', ['config', 'set'], ['project', 'acme'], { 'gcloud.local': true }],
    ['gcloud info', ['info'], [], { verb: 'info' }],
    [
      'gcloud storage rm -r gs://b/tmp/',
      ['storage', 'rm'],
      ['gs://b/tmp/'],
      { 'gcloud.transfer': true, 'storage.recursive': true },
    ],
    ['gcloud storage cp gs://b/a ./a', ['storage', 'cp'], ['gs://b/a', './a'], { 'storage.download': true }],
  ] as const)('%s', (line, path, positionals, facts) => {
    const inv = invocationOf('gcloud', line);
    expect(inv.subcommand).toEqual(path);
    expect(inv.positionals).toEqual(positionals);
    expect(inv.facts).toMatchObject(facts);
  });

  const hints = (line: string, env: Record<string, string>) =>
    invocationOf('gcloud', line, { env }).envHints.map((h) => `${h.value ?? '?'} (${h.source})`);

  it.each([
    [
      '--project wins',
      'gcloud compute instances list --project flagged',
      { HOME: home, CLOUDSDK_CORE_PROJECT: 'env' },
      'flagged (--project flag)',
    ],
    [
      'CLOUDSDK_CORE_PROJECT',
      'gcloud compute instances list',
      { HOME: home, CLOUDSDK_CORE_PROJECT: 'env' },
      'env (CLOUDSDK_CORE_PROJECT)',
    ],
    [
      'the active configuration',
      'gcloud compute instances list',
      { HOME: home },
      `acme-shop-123 ([core] project in ${home}/.config/gcloud/configurations/config_prod)`,
    ],
    [
      'its name',
      'gcloud compute instances list',
      { HOME: home },
      `prod (gcloud configuration from ${home}/.config/gcloud/active_config)`,
    ],
    [
      '--configuration',
      'gcloud compute instances list --configuration default',
      { HOME: home },
      `acme-dev ([core] project in ${home}/.config/gcloud/configurations/config_default)`,
    ],
    [
      'CLOUDSDK_ACTIVE_CONFIG_NAME',
      'gcloud compute instances list',
      { HOME: home, CLOUDSDK_ACTIVE_CONFIG_NAME: 'default' },
      `acme-dev ([core] project in ${home}/.config/gcloud/configurations/config_default)`,
    ],
    [
      'CLOUDSDK_CONFIG',
      'gcloud compute instances list',
      { HOME: home, CLOUDSDK_CONFIG: alt },
      `acme-sandbox ([core] project in ${alt}/configurations/config_default)`,
    ],
    ['nothing set', 'gcloud compute instances list', {}, '? (no project set)'],
    [
      'a dynamic project',
      'gcloud compute instances list --project="$P"',
      {},
      '? (--project or --configuration (not known before it runs))',
    ],
  ])('%s', (_name, line, env, expected) => {
    expect(hints(line, env)).toContain(expected);
  });

  it.each([
    ['gcloud compute instances create web-2', { HOME: home }, 'approve', 'prod'],
    ['gcloud compute instances create web-2 --configuration default', { HOME: home }, 'allow', 'dev'],
    ['gcloud compute instances stop web-2', { CLOUDSDK_CONFIG: alt }, 'approve', 'dev'],
    ['gcloud storage cp ./a gs://b/a', { CLOUDSDK_CONFIG: alt }, 'allow', 'dev'],
    ['gcloud storage cp gs://b/a ./a', { HOME: home }, 'allow', 'local'],
    ['gsutil cp ./a gs://b/a', { HOME: home }, 'approve', 'prod'],
  ] as const)('%s %j → %s in %s', (line, env, decision, where) => {
    const result = outcome(line, { env });
    expect([result.decision, result.env]).toEqual([decision, where]);
  });
});

describe('az recognizer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'airlock-az-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(
    join(dir, 'azureProfile.json'),
    `\ufeff${JSON.stringify({
      subscriptions: [
        { id: '1', name: 'acme-dev', isDefault: false },
        { id: '2', name: 'acme-production', isDefault: true },
      ],
    })}`,
  );

  it.each([
    ['az group delete --name shop-rg --yes', ['group', 'delete'], { verb: 'delete', yes: true }],
    ['az vm delete -g rg -n web-1 -y', ['vm', 'delete'], { 'verb.head': 'delete', yes: true }],
    [
      'az storage blob delete-batch --source logs --account-name acme',
      ['storage', 'blob', 'delete-batch'],
      { 'verb.head': 'delete' },
    ],
    ['az account set --subscription prod', ['account', 'set'], { 'az.local': true }],
  ] as const)('%s', (line, path, facts) => {
    const inv = invocationOf('az', line);
    expect(inv.subcommand).toEqual(path);
    expect(inv.facts).toMatchObject(facts);
  });

  it('records -g and -n as targets', () => {
    expect(invocationOf('az', 'az vm delete -g rg -n web-1').targets).toEqual([
      { kind: 'resource', value: 'rg' },
      { kind: 'resource', value: 'web-1' },
    ]);
  });

  it.each([
    [
      '--subscription wins',
      'az vm list --subscription flagged',
      { AZURE_SUBSCRIPTION_ID: 'env', AZURE_CONFIG_DIR: dir },
      'flagged (--subscription flag)',
    ],
    [
      'AZURE_SUBSCRIPTION_ID',
      'az vm list',
      { AZURE_SUBSCRIPTION_ID: 'env', AZURE_CONFIG_DIR: dir },
      'env (AZURE_SUBSCRIPTION_ID)',
    ],
    [
      'the default in azureProfile.json',
      'az vm list',
      { AZURE_CONFIG_DIR: dir },
      `acme-production (default subscription in ${dir}/azureProfile.json)`,
    ],
    ['no profile', 'az vm list', {}, '? (no default subscription found)'],
  ])('%s', (_name, line, env, expected) => {
    const hints = invocationOf('az', line, { env }).envHints.map((h) => `${h.value ?? '?'} (${h.source})`);
    expect(hints).toEqual([expected]);
  });

  it.each([
    ['az vm create -g rg -n x --image u', { AZURE_CONFIG_DIR: dir }, 'approve', 'prod'],
    ['az vm create -g rg -n x --image u -s acme-dev', { AZURE_CONFIG_DIR: dir }, 'allow', 'dev'],
    ['az vm deallocate -g rg -n x -s acme-dev', {}, 'approve', 'dev'],
    ['az vm list', { AZURE_CONFIG_DIR: dir }, 'allow', 'local'],
  ] as const)('%s → %s in %s', (line, env, decision, where) => {
    const result = outcome(line, { env });
    expect([result.decision, result.env]).toEqual([decision, where]);
  });
});
