// Cloud credentials a process started here can use: AWS keys and profiles, Google Cloud
// service-account keys, application-default credentials and CLI configurations, Azure CLI
// logins, and kubeconfig contexts. Names and locations only; key material is never read out.

import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readSmallText } from '../init/read-small.js';
import { parseIni } from '../tools/cloud-ini.js';
import { parseKubeconfig } from '../tools/kube-config.js';
import { environmentOf, severityFor } from './severity.js';
import { type DoctorFinding, type DoctorInput, showPath } from './types.js';

function fileOr(envValue: string | undefined, fallback: string | undefined): string | undefined {
  return envValue !== undefined && envValue !== '' ? envValue : fallback;
}

function awsFindings(input: DoctorInput, out: DoctorFinding[]): void {
  const { env, home, policy } = input;
  if (env.AWS_ACCESS_KEY_ID) {
    const envName = environmentOf([env.AWS_PROFILE], policy);
    out.push({
      area: 'credentials',
      kind: 'aws-access-key',
      severity: envName === 'local' ? 'low' : 'high',
      location: 'environment AWS_ACCESS_KEY_ID',
      detail: `AWS access key in the environment${env.AWS_SESSION_TOKEN ? ' (temporary session)' : ' (long-lived)'}`,
      fix: 'unset it in the shell that starts the agent; use a least-privilege profile instead',
    });
  }
  if (env.AWS_PROFILE) {
    const envName = environmentOf([env.AWS_PROFILE], policy);
    out.push({
      area: 'credentials',
      kind: 'aws-profile-selected',
      severity: severityFor(envName),
      location: 'environment AWS_PROFILE',
      detail: `AWS profile ${env.AWS_PROFILE} is selected for every aws call`,
      environment: envName,
    });
  }
  const credentials = fileOr(env.AWS_SHARED_CREDENTIALS_FILE, home && join(home, '.aws', 'credentials'));
  const credText = credentials && readSmallText(credentials);
  if (credentials && credText !== undefined) {
    for (const [section, keys] of parseIni(credText)) {
      if (!keys.has('aws_access_key_id')) continue;
      const envName = environmentOf([section], policy);
      out.push({
        area: 'credentials',
        kind: 'aws-credentials',
        severity: severityFor(envName),
        location: `${showPath(credentials, home)} [${section}]`,
        detail: `AWS access key for profile ${section}`,
        environment: envName,
        fix: 'prefer short-lived SSO or role profiles; keep production keys off machines agents run on',
      });
    }
  }
  const config = fileOr(env.AWS_CONFIG_FILE, home && join(home, '.aws', 'config'));
  const configText = config && readSmallText(config);
  if (config && configText !== undefined) {
    for (const [section, keys] of parseIni(configText)) {
      const name =
        section === 'default' ? 'default' : section.startsWith('profile ') ? section.slice(8) : undefined;
      if (name === undefined) continue;
      const how = keys.has('role_arn')
        ? 'assumes a role'
        : keys.has('sso_session') || keys.has('sso_start_url')
          ? 'signs in with SSO'
          : keys.has('credential_process')
            ? 'runs a credential process'
            : undefined;
      if (how === undefined) continue;
      const envName = environmentOf([name, keys.get('role_arn')], policy);
      out.push({
        area: 'credentials',
        kind: 'aws-profile',
        severity: severityFor(envName),
        location: `${showPath(config, home)} [${section}]`,
        detail: `AWS profile ${name} ${how}`,
        environment: envName,
      });
    }
  }
}

function googleFindings(input: DoctorInput, out: DoctorFinding[]): void {
  const { env, home, policy } = input;
  const keyFile = env.GOOGLE_APPLICATION_CREDENTIALS;
  if (keyFile && existsSync(keyFile)) {
    out.push({
      area: 'credentials',
      kind: 'gcp-service-account-key',
      severity: 'high',
      location: `${showPath(keyFile, home)} (GOOGLE_APPLICATION_CREDENTIALS)`,
      detail: 'Google Cloud credentials file used by every SDK and tool',
      fix: 'use short-lived impersonation instead of a key file',
    });
  }
  const dir = fileOr(env.CLOUDSDK_CONFIG, home && join(home, '.config', 'gcloud'));
  if (dir === undefined || !existsSync(dir)) return;
  if (existsSync(join(dir, 'application_default_credentials.json'))) {
    out.push({
      area: 'credentials',
      kind: 'gcp-application-default',
      severity: 'medium',
      location: showPath(join(dir, 'application_default_credentials.json'), home),
      detail: 'Google Cloud application-default credentials (gcloud auth application-default login)',
    });
  }
  const loggedIn = existsSync(join(dir, 'credentials.db')) || existsSync(join(dir, 'access_tokens.db'));
  let configurations: string[] = [];
  try {
    configurations = readdirSync(join(dir, 'configurations')).filter((n) => n.startsWith('config_'));
  } catch {}
  for (const file of configurations.sort()) {
    const core = parseIni(readSmallText(join(dir, 'configurations', file)) ?? '').get('core');
    const project = core?.get('project');
    if (!loggedIn && core?.get('account') === undefined) continue;
    const envName = environmentOf([project, file.slice(7)], policy);
    out.push({
      area: 'credentials',
      kind: 'gcloud-login',
      severity: loggedIn ? severityFor(envName) : 'low',
      location: showPath(join(dir, 'configurations', file), home),
      detail: `gcloud configuration ${file.slice(7)}${project ? ` (project ${project})` : ''}${loggedIn ? ', logged in' : ''}`,
      environment: envName,
    });
  }
}

function azureFindings(input: DoctorInput, out: DoctorFinding[]): void {
  const { env, home, policy } = input;
  const dir = fileOr(env.AZURE_CONFIG_DIR, home && join(home, '.azure'));
  if (dir === undefined || !existsSync(dir)) return;
  const text = readSmallText(join(dir, 'azureProfile.json'))?.replace(/^\uFEFF/, '');
  let subscriptions: string[] = [];
  try {
    const profile = JSON.parse(text ?? '{}') as { subscriptions?: { name?: string }[] };
    subscriptions = (profile.subscriptions ?? []).map((s) => s.name ?? '').filter((n) => n !== '');
  } catch {}
  const loggedIn =
    existsSync(join(dir, 'msal_token_cache.json')) || existsSync(join(dir, 'msal_token_cache.bin'));
  if (!loggedIn && subscriptions.length === 0) return;
  const envName = environmentOf(subscriptions, policy);
  out.push({
    area: 'credentials',
    kind: 'azure-login',
    severity: loggedIn ? severityFor(envName) : 'low',
    location: showPath(dir, home),
    detail: `Azure CLI${loggedIn ? ' logged in' : ' profile'}${subscriptions.length ? `, subscriptions: ${subscriptions.join(', ')}` : ''}`,
    environment: envName,
  });
}

function kubeFindings(input: DoctorInput, out: DoctorFinding[]): void {
  const { env, home, policy } = input;
  const files = env.KUBECONFIG
    ? env.KUBECONFIG.split(':').filter((f) => f !== '')
    : home
      ? [join(home, '.kube', 'config')]
      : [];
  for (const file of files) {
    const text = readSmallText(file);
    const parsed = text === undefined ? undefined : parseKubeconfig(text);
    if (parsed === undefined) continue;
    for (const [name, context] of parsed.data.contexts) {
      const envName = environmentOf([name, context.cluster], policy);
      const current = parsed.data.currentContext === name;
      out.push({
        area: 'credentials',
        kind: 'kube-context',
        severity: severityFor(envName),
        location: showPath(file, home),
        detail: `kube context ${name}${context.cluster ? ` (cluster ${context.cluster})` : ''}${current ? ', the current context' : ''}`,
        environment: envName,
        ...(envName === 'prod'
          ? { fix: `keep production contexts in a separate kubeconfig that agents' shells do not load` }
          : {}),
      });
    }
  }
}

export function cloudFindings(input: DoctorInput): DoctorFinding[] {
  const out: DoctorFinding[] = [];
  awsFindings(input, out);
  googleFindings(input, out);
  azureFindings(input, out);
  kubeFindings(input, out);
  return out;
}
