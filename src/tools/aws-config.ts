// Which AWS account a command acts in, in the CLI's own order: profile from --profile,
// AWS_PROFILE, AWS_DEFAULT_PROFILE, else `default`; region from --region, AWS_REGION,
// AWS_DEFAULT_REGION, else the profile's; account id and role name where the config file
// (AWS_CONFIG_FILE or ~/.aws/config) writes them; the endpoint when one is given.

import type { SimpleCommand } from '../parse/command.js';
import { expandHome, homeOf, isLocalHost, lookupEnv, urlHost } from './cloud-env.js';
import { CONFIG_FILE_LIMIT, parseIni } from './cloud-ini.js';
import type { EnvHint, RecognizeContext } from './invocation.js';

export interface AwsSettings {
  profile?: string;
  region?: string;
  endpointUrl?: string;
  /** The flags were written but their values are not known. */
  dynamic: { profile: boolean; region: boolean; endpoint: boolean };
}

/** `arn:aws:iam::111111111111:role/path/prod-admin` → account and role name. */
export function parseRoleArn(arn: string): { account?: string; role?: string } {
  const parts = arn.split(':');
  const account = parts[4] !== undefined && /^\d{12}$/.test(parts[4]) ? parts[4] : undefined;
  const resource = parts.slice(5).join(':');
  const role = resource.startsWith('role/') ? resource.slice(resource.lastIndexOf('/') + 1) : undefined;
  return { ...(account !== undefined && { account }), ...(role !== undefined && role !== '' && { role }) };
}

function configPath(command: SimpleCommand, ctx: RecognizeContext): string | undefined {
  const fromEnv = lookupEnv(command, 'AWS_CONFIG_FILE');
  if (fromEnv.state === 'dynamic') return undefined;
  const home = homeOf(command, ctx);
  return expandHome(fromEnv.state === 'set' ? fromEnv.value : '~/.aws/config', home, command.cwd);
}

function profileSection(text: string, profile: string): Map<string, string> | undefined {
  const sections = parseIni(text);
  return sections.get(`profile ${profile}`) ?? (profile === 'default' ? sections.get('default') : undefined);
}

export function awsHints(command: SimpleCommand, settings: AwsSettings, ctx: RecognizeContext): EnvHint[] {
  const hints: EnvHint[] = [];
  // Profile: the flag, then the environment, then `default`.
  let profile: string | undefined;
  let profileSource: string;
  if (settings.dynamic.profile) profileSource = '--profile flag (not known before it runs)';
  else if (settings.profile !== undefined) {
    profile = settings.profile;
    profileSource = '--profile flag';
  } else {
    const primary = lookupEnv(command, 'AWS_PROFILE');
    const legacy = lookupEnv(command, 'AWS_DEFAULT_PROFILE');
    const found = primary.state !== 'unset' ? ['AWS_PROFILE', primary] : ['AWS_DEFAULT_PROFILE', legacy];
    const [name, lookup] = found as [string, typeof primary];
    if (lookup.state === 'set') {
      profile = lookup.value;
      profileSource = name;
    } else if (lookup.state === 'dynamic') profileSource = `${name} (not known before it runs)`;
    else {
      profile = 'default';
      profileSource = 'no profile set: default';
    }
  }
  const file = profile === undefined ? undefined : configPath(command, ctx);
  const text = file === undefined ? undefined : ctx.fs.readText(file, CONFIG_FILE_LIMIT);
  const section = text === undefined || profile === undefined ? undefined : profileSection(text, profile);

  const endpoint = settings.endpointUrl ?? envEndpoint(command) ?? section?.get('endpoint_url');
  const endpointHost = endpoint === undefined ? undefined : (urlHost(endpoint) ?? endpoint);
  if (settings.dynamic.endpoint)
    hints.push({ kind: 'endpoint', source: '--endpoint-url (not known before it runs)' });
  else if (endpointHost !== undefined)
    hints.push({
      kind: 'endpoint',
      value: endpointHost,
      source: settings.endpointUrl ? '--endpoint-url flag' : 'AWS_ENDPOINT_URL or endpoint_url',
    });
  // A local endpoint (localstack, dynamodb-local) is where the call goes, whatever the credentials.
  const local = endpointHost !== undefined && isLocalHost(endpointHost);

  if (!local) {
    hints.push(
      profile === undefined
        ? { kind: 'aws-profile', source: profileSource }
        : { kind: 'aws-profile', value: profile, source: profileSource },
    );
    if (section !== undefined && file !== undefined) hints.push(...accountHints(section, profile!, file));
    // Keys in the environment win over the profile's credentials when no --profile is given.
    if (
      settings.profile === undefined &&
      !settings.dynamic.profile &&
      lookupEnv(command, 'AWS_ACCESS_KEY_ID').state !== 'unset'
    )
      hints.push({ kind: 'aws-account', source: 'credentials from AWS_ACCESS_KEY_ID (account not known)' });
  }
  const region = regionHint(command, settings, section);
  if (region !== undefined) hints.push(region);
  return hints;
}

function envEndpoint(command: SimpleCommand): string | undefined {
  const found = lookupEnv(command, 'AWS_ENDPOINT_URL');
  return found.state === 'set' ? found.value : undefined;
}

function accountHints(section: Map<string, string>, profile: string, file: string): EnvHint[] {
  const hints: EnvHint[] = [];
  const where = `${file} [profile ${profile}]`;
  const arn = section.get('role_arn');
  const fromArn = arn === undefined ? {} : parseRoleArn(arn);
  const account = section.get('sso_account_id') ?? fromArn.account;
  const role = section.get('sso_role_name') ?? fromArn.role;
  if (account !== undefined)
    hints.push({ kind: 'aws-account', value: account, source: `account id in ${where}` });
  if (role !== undefined) hints.push({ kind: 'aws-account', value: role, source: `role name in ${where}` });
  return hints;
}

function regionHint(
  command: SimpleCommand,
  settings: AwsSettings,
  section: Map<string, string> | undefined,
): EnvHint | undefined {
  if (settings.dynamic.region)
    return { kind: 'aws-region', source: '--region flag (not known before it runs)' };
  if (settings.region !== undefined)
    return { kind: 'aws-region', value: settings.region, source: '--region flag' };
  for (const name of ['AWS_REGION', 'AWS_DEFAULT_REGION']) {
    const found = lookupEnv(command, name);
    if (found.state === 'set') return { kind: 'aws-region', value: found.value, source: name };
    if (found.state === 'dynamic')
      return { kind: 'aws-region', source: `${name} (not known before it runs)` };
  }
  const region = section?.get('region');
  return region === undefined
    ? undefined
    : { kind: 'aws-region', value: region, source: 'profile region in the aws config' };
}
