import { describe, expect, it } from 'vitest';
import { fixtures, hint, invocationOf, outcome } from './cloud-helpers.js';

const tf = `${fixtures}terraform`;

describe('terraform recognizer: verbs and facts', () => {
  it.each([
    ['terraform plan', ['plan'], {}],
    ['terraform -chdir=infra apply -auto-approve', ['apply'], { 'tf.auto-approve': true }],
    ['terraform -chdir infra apply -auto-approve=false', ['apply'], { 'tf.auto-approve': false }],
    ['terraform apply --destroy', ['apply'], { 'tf.destroy': true }],
    ['terraform apply -destroy=false', ['apply'], { 'tf.destroy': false }],
    ['tofu destroy -target aws_instance.web', ['destroy'], { 'tf.destroy': true }],
    [
      'terraform apply -var "a=1" -replace aws_instance.web tfplan',
      ['apply'],
      { 'tf.replace': true, 'tf.saved-plan': true },
    ],
    ['terraform state rm -dry-run aws_instance.web', ['state', 'rm'], { 'dry-run': true }],
    ['terraform workspace -help', ['workspace'], { help: true }],
    ['terraform workspace delete -force old', ['workspace', 'delete'], {}],
    ['terragrunt run-all apply --terragrunt-non-interactive', ['apply'], { 'tf.all-modules': true }],
    [
      'terragrunt run --all -- apply -auto-approve',
      ['apply'],
      { 'tf.all-modules': true, 'tf.auto-approve': true },
    ],
    ['terragrunt --working-dir live/prod plan --all', ['plan'], { 'tf.all-modules': true }],
    ['terragrunt --terragrunt-log-level debug destroy', ['destroy'], { 'tf.destroy': true }],
  ] as const)('%s', (line, verb, facts) => {
    const inv = invocationOf('terraform', line, { cwd: `${tf}/plain` });
    expect(inv.subcommand).toEqual(verb);
    expect(inv.facts).toMatchObject(facts);
  });

  it('records -target and -replace addresses as resource targets', () => {
    const inv = invocationOf('terraform', 'terraform apply -target=aws_instance.a -replace=aws_db.b', {
      cwd: tf,
    });
    expect(inv.targets).toEqual([
      { kind: 'resource', value: 'aws_instance.a' },
      { kind: 'resource', value: 'aws_db.b' },
    ]);
  });

  it('does not know a verb or arguments hidden in variables', () => {
    expect(invocationOf('terraform', 'terraform $VERB', { cwd: tf }).unknowns).toHaveLength(1);
    expect(invocationOf('terraform', 'terraform apply $ARGS', { cwd: tf }).unknowns).toHaveLength(1);
    expect(invocationOf('terraform', 'terraform plan $ARGS', { cwd: tf }).unknowns).toHaveLength(0);
  });
});

describe('terraform workspace resolution', () => {
  it.each([
    [
      'TF_WORKSPACE beats the file',
      'terraform apply',
      { env: { TF_WORKSPACE: 'dev' }, cwd: `${tf}/prod` },
      'dev',
      'TF_WORKSPACE',
    ],
    [
      'the environment file',
      'terraform apply',
      { cwd: `${tf}/prod` },
      'prod',
      `${tf}/prod/.terraform/environment`,
    ],
    [
      '-chdir moves the working directory',
      'terraform -chdir=prod apply',
      { cwd: tf },
      'prod',
      `${tf}/prod/.terraform/environment`,
    ],
    [
      'terragrunt --working-dir',
      'terragrunt --working-dir prod apply',
      { cwd: tf },
      'prod',
      `${tf}/prod/.terraform/environment`,
    ],
    [
      'cd in the line',
      'cd prod && terraform apply',
      { cwd: tf },
      'prod',
      `${tf}/prod/.terraform/environment`,
    ],
    [
      'TF_DATA_DIR moves the data directory',
      'terraform apply',
      { env: { TF_DATA_DIR: 'state' }, cwd: `${tf}/staging-data` },
      'staging',
      `${tf}/staging-data/state/environment`,
    ],
    [
      'no file: default',
      'terraform apply',
      { cwd: `${tf}/plain` },
      'default',
      `no workspace selected in ${tf}/plain/.terraform`,
    ],
  ] as const)('%s', (_name, line, run, value, source) => {
    const inv = invocationOf('terraform', line, run);
    expect(inv.envHints).toEqual([{ kind: 'tf-workspace', value, source }]);
  });

  it('leaves the workspace unknown when TF_WORKSPACE or the directory is not known', () => {
    expect(
      hint(invocationOf('terraform', 'TF_WORKSPACE=$(cat ws) terraform apply', { cwd: tf }), 'tf-workspace'),
    ).toBeUndefined();
    expect(
      hint(invocationOf('terraform', 'cd "$DIR" && terraform apply', { cwd: tf }), 'tf-workspace'),
    ).toBeUndefined();
  });
});

describe('terraform decisions', () => {
  it.each([
    ['terraform apply', { cwd: `${tf}/prod` }, 'approve', ['terraform/apply'], 'prod'],
    ['terraform apply', { env: { TF_WORKSPACE: 'dev' } }, 'allow', ['terraform/apply'], 'dev'],
    [
      'terraform apply',
      { env: { TF_WORKSPACE: 'dev', TF_CLI_ARGS_apply: '-destroy' } },
      'approve',
      ['terraform/destroy'],
      'dev',
    ],
    [
      'terraform apply',
      { env: { TF_WORKSPACE: 'dev', TF_CLI_ARGS: '-replace=aws_db.main' } },
      'approve',
      ['terraform/apply-replace'],
      'dev',
    ],
    [
      'TF_CLI_ARGS_apply="-destroy=false" terraform apply',
      { env: { TF_WORKSPACE: 'dev' } },
      'allow',
      ['terraform/apply'],
      'dev',
    ],
    [
      'TF_CLI_ARGS_plan=-destroy terraform apply',
      { env: { TF_WORKSPACE: 'dev' } },
      'allow',
      ['terraform/apply'],
      'dev',
    ],
    [
      'TF_CLI_ARGS=$X terraform apply',
      { env: { TF_WORKSPACE: 'dev' } },
      'approve',
      ['terraform/apply'],
      'dev',
    ],
    ['terraform destroy', { env: { TF_WORKSPACE: 'dev' } }, 'approve', ['terraform/destroy'], 'dev'],
    ['terraform plan -destroy', { cwd: `${tf}/prod` }, 'allow', [], 'local'],
    ['terraform workspace select prod', { cwd: `${tf}/plain` }, 'allow', [], 'local'],
    ['terragrunt run-all destroy', { env: { TF_WORKSPACE: 'dev' } }, 'approve', ['terraform/destroy'], 'dev'],
  ] as const)('%s %j → %s', (line, run, decision, rules, env) => {
    expect(outcome(line, run)).toEqual({ decision, rules, env });
  });

  it('keeps the injected flags as a fact', () => {
    const inv = invocationOf('terraform', 'terraform apply', {
      env: { TF_CLI_ARGS: '-auto-approve -no-color' },
      cwd: tf,
    });
    expect(inv.facts).toMatchObject({ 'tf.auto-approve': true, 'tf.injected': 'auto-approve,no-color' });
  });
});
