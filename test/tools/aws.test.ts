import { describe, expect, it } from 'vitest';
import { parseRoleArn } from '../../src/tools/aws-config.js';
import { fixtures, invocationOf, outcome } from './cloud-helpers.js';

const config = `${fixtures}aws/config`;
const home = `${fixtures}aws/home`;

describe('aws recognizer: argv', () => {
  it.each([
    [
      'aws ec2 describe-instances',
      ['ec2', 'describe-instances'],
      { 'aws.verb': 'describe', 'aws.api': true },
    ],
    [
      'aws --profile prod --region eu-west-1 ec2 terminate-instances --instance-ids i-1 i-2',
      ['ec2', 'terminate-instances'],
      { 'aws.verb': 'terminate' },
    ],
    [
      'aws ec2 --no-cli-pager --output json stop-instances --instance-ids i-1 --dry-run',
      ['ec2', 'stop-instances'],
      { 'dry-run': true },
    ],
    [
      'aws ecr batch-delete-image --repository-name r --image-ids imageTag=x',
      ['ecr', 'batch-delete-image'],
      { 'aws.verb': 'batch-delete' },
    ],
    [
      'aws dynamodb batch-get-item --request-items file://k.json',
      ['dynamodb', 'batch-get-item'],
      { 'aws.verb': 'batch-get' },
    ],
    [
      'aws s3 cp --recursive ./dist s3://site/',
      ['s3', 'cp'],
      { 's3.writes-remote': true, 's3.download': false },
    ],
    [
      'aws s3 cp s3://site/a ./a --exclude "*.tmp"',
      ['s3', 'cp'],
      { 's3.writes-remote': false, 's3.download': true },
    ],
    [
      'aws s3 sync s3://a s3://b --delete --dryrun',
      ['s3', 'sync'],
      { 's3.writes-remote': true, 'dry-run': true },
    ],
    ['aws eks update-kubeconfig --name shop', ['eks', 'update-kubeconfig'], { 'aws.local': true }],
    ['aws configure set region eu-west-1', ['configure', 'set'], { 'aws.local': true }],
    ['aws ec2 describe-instances help', ['ec2', 'describe-instances'], { help: true }],
    ['aws ec2 run-instances --generate-cli-skeleton', ['ec2', 'run-instances'], { help: true }],
    ['aws --version', [], { help: true }],
  ] as const)('%s', (line, verb, facts) => {
    const inv = invocationOf('aws', line);
    expect(inv.subcommand).toEqual(verb);
    expect(inv.facts).toMatchObject(facts);
  });

  it('reads list parameters and s3 targets', () => {
    const api = invocationOf('aws', 'aws ec2 terminate-instances --instance-ids i-1 i-2 --profile p');
    expect(api.flags['instance-ids']).toEqual(['i-1 i-2']);
    expect(api.targets).toEqual([
      { kind: 'resource', value: 'i-1' },
      { kind: 'resource', value: 'i-2' },
    ]);
    const s3 = invocationOf('aws', 'aws s3 rm s3://acme/logs/ --recursive');
    expect(s3.targets).toEqual([{ kind: 'object', value: 's3://acme/logs/' }]);
    expect(invocationOf('aws', 'aws s3 rb s3://acme --force').targets).toEqual([
      { kind: 'bucket', value: 'acme' },
    ]);
    expect(invocationOf('aws', 'aws s3api delete-object --bucket acme --key a.txt').targets).toEqual([
      { kind: 'bucket', value: 'acme' },
      { kind: 'object', value: 'a.txt' },
    ]);
  });

  it('does not know a service or operation hidden in a variable', () => {
    expect(invocationOf('aws', 'aws ec2 $OP --instance-ids i-1').unknowns).toHaveLength(1);
    expect(invocationOf('aws', 'aws s3 ls --profile "$P"').unknowns).toHaveLength(0);
  });

  it.each([
    ['arn:aws:iam::111111111111:role/prod-admin', { account: '111111111111', role: 'prod-admin' }],
    [
      'arn:aws:iam::222222222222:role/platform/dev-deployer',
      { account: '222222222222', role: 'dev-deployer' },
    ],
    ['arn:aws:iam::333333333333:user/bob', { account: '333333333333' }],
    ['not-an-arn', {}],
  ])('parses role arn %s', (arn, parts) => {
    expect(parseRoleArn(arn)).toEqual(parts);
  });
});

const hintsOf = (line: string, env: Record<string, string> = {}) =>
  invocationOf('aws', line, { env }).envHints.map((h) => `${h.kind}=${h.value ?? '?'} (${h.source})`);

describe('aws environment resolution', () => {
  it.each([
    [
      '--profile beats AWS_PROFILE',
      'aws s3 ls --profile dev',
      { AWS_PROFILE: 'prod' },
      'aws-profile=dev (--profile flag)',
    ],
    [
      'AWS_PROFILE beats AWS_DEFAULT_PROFILE',
      'aws s3 ls',
      { AWS_PROFILE: 'dev', AWS_DEFAULT_PROFILE: 'prod' },
      'aws-profile=dev (AWS_PROFILE)',
    ],
    [
      'AWS_DEFAULT_PROFILE',
      'aws s3 ls',
      { AWS_DEFAULT_PROFILE: 'prod' },
      'aws-profile=prod (AWS_DEFAULT_PROFILE)',
    ],
    ['default', 'aws s3 ls', {}, 'aws-profile=default (no profile set: default)'],
    [
      '--region beats AWS_REGION',
      'aws s3 ls --region eu-north-1',
      { AWS_REGION: 'us-east-2' },
      'aws-region=eu-north-1 (--region flag)',
    ],
    [
      'AWS_REGION beats AWS_DEFAULT_REGION',
      'aws s3 ls',
      { AWS_REGION: 'us-east-2', AWS_DEFAULT_REGION: 'us-west-1' },
      'aws-region=us-east-2 (AWS_REGION)',
    ],
    [
      'AWS_DEFAULT_REGION beats the profile',
      'aws s3 ls --profile prod',
      { AWS_DEFAULT_REGION: 'us-west-1', AWS_CONFIG_FILE: config },
      'aws-region=us-west-1 (AWS_DEFAULT_REGION)',
    ],
    [
      'the profile region',
      'aws s3 ls --profile prod',
      { AWS_CONFIG_FILE: config },
      'aws-region=eu-west-1 (profile region in the aws config)',
    ],
    [
      'the default section',
      'aws s3 ls',
      { AWS_CONFIG_FILE: config },
      'aws-region=us-east-1 (profile region in the aws config)',
    ],
    [
      'role_arn account',
      'aws s3 ls --profile main',
      { AWS_CONFIG_FILE: config },
      `aws-account=111111111111 (account id in ${config} [profile main])`,
    ],
    [
      'role_arn role name',
      'aws s3 ls --profile main',
      { AWS_CONFIG_FILE: config },
      `aws-account=prod-admin (role name in ${config} [profile main])`,
    ],
    [
      'sso account',
      'aws s3 ls --profile sso-live',
      { AWS_CONFIG_FILE: config },
      `aws-account=333333333333 (account id in ${config} [profile sso-live])`,
    ],
    [
      '~/.aws/config under HOME',
      'aws s3 ls',
      { HOME: home },
      `aws-account=staging-operator (role name in ${home}/.aws/config [profile default])`,
    ],
    [
      'endpoint from the profile',
      'aws s3 ls --profile local',
      { AWS_CONFIG_FILE: config },
      'endpoint=localhost (AWS_ENDPOINT_URL or endpoint_url)',
    ],
    [
      'endpoint flag',
      'aws s3 ls --endpoint-url https://s3.eu-west-1.amazonaws.com',
      {},
      'endpoint=s3.eu-west-1.amazonaws.com (--endpoint-url flag)',
    ],
    [
      'keys in the environment',
      'aws s3 ls',
      { AWS_PROFILE: 'dev', AWS_ACCESS_KEY_ID: 'AKIA' },
      'aws-account=? (credentials from AWS_ACCESS_KEY_ID (account not known))',
    ],
    [
      'a dynamic profile',
      'aws s3 ls --profile "$P"',
      {},
      'aws-profile=? (--profile flag (not known before it runs))',
    ],
    [
      'a dynamic AWS_PROFILE',
      'AWS_PROFILE=$(pick) aws s3 ls',
      {},
      'aws-profile=? (AWS_PROFILE (not known before it runs))',
    ],
  ])('%s', (_name, line, env, expected) => {
    expect(hintsOf(line, env)).toContain(expected);
  });

  it('drops the profile when the endpoint is this machine', () => {
    expect(hintsOf('aws s3 ls --profile prod --endpoint-url http://127.0.0.1:4566')).toEqual([
      'endpoint=127.0.0.1 (--endpoint-url flag)',
    ]);
  });

  it.each([
    ['aws ec2 run-instances --image-id a --profile main', { AWS_CONFIG_FILE: config }, 'approve', 'prod'],
    ['aws ec2 run-instances --image-id a --profile team', { AWS_CONFIG_FILE: config }, 'allow', 'dev'],
    ['aws ec2 run-instances --image-id a --profile sso-sandbox', { AWS_CONFIG_FILE: config }, 'allow', 'dev'],
    ['aws ec2 run-instances --image-id a --profile sso-live', { AWS_CONFIG_FILE: config }, 'approve', 'prod'],
    ['aws ec2 run-instances --image-id a', { HOME: home }, 'approve', 'staging'],
    [
      'aws ec2 run-instances --image-id a --profile team',
      { AWS_CONFIG_FILE: config, AWS_ACCESS_KEY_ID: 'AKIA' },
      'allow',
      'dev',
    ],
    [
      'aws ec2 run-instances --image-id a',
      { AWS_PROFILE: 'sandbox', AWS_ACCESS_KEY_ID: 'AKIA' },
      'approve',
      'unknown',
    ],
    ['aws s3 cp a s3://b/a --profile prod --endpoint-url http://localhost:4566', {}, 'allow', 'local'],
    ['aws s3 ls --profile prod', {}, 'allow', 'local'],
    ['aws ec2 run-instances --image-id a --profile acme', { AWS_CONFIG_FILE: config }, 'approve', 'unknown'],
  ] as const)('%s %j → %s in %s', (line, env, decision, where) => {
    const result = outcome(line, { env });
    expect([result.decision, result.env]).toEqual([decision, where]);
  });
});

describe('aws classification', () => {
  it.each([
    ['aws ec2 delete-vpc --vpc-id v --profile dev', ['aws/delete-operation']],
    [
      'aws rds delete-db-instance --db-instance-identifier x --skip-final-snapshot',
      ['aws/delete-operation', 'aws/skip-final-snapshot'],
    ],
    ['aws ec2 reboot-instances --instance-ids i-1', ['aws/write-operation']],
    ['aws s3 mv ./a s3://b/a', ['aws/s3-write']],
    ['aws s3 mv s3://b/a ./a', ['aws/s3-move-out']],
    ['aws s3 sync s3://b ./local --delete', ['aws/s3-sync-delete']],
    ['aws s3 presign s3://b/a', []],
    ['aws s3api get-object --bucket b --key k out', []],
    ['aws sts assume-role --role-arn arn:aws:iam::1:role/x --role-session-name s', []],
  ] as const)('%s → %j', (line, rules) => {
    expect(outcome(line).rules).toEqual(rules);
  });
});
