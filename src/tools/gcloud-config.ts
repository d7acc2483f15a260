// The Google Cloud project a command acts in, in gcloud's own order: --project, then
// CLOUDSDK_CORE_PROJECT, then the active configuration's `[core] project` (configuration
// from --configuration, CLOUDSDK_ACTIVE_CONFIG_NAME or the active_config file, in
// CLOUDSDK_CONFIG or ~/.config/gcloud). The configuration's own name is a hint too.

import type { SimpleCommand } from '../parse/command.js';
import { expandHome, homeOf, lookupEnv } from './cloud-env.js';
import { CONFIG_FILE_LIMIT, parseIni } from './cloud-ini.js';
import type { EnvHint, RecognizeContext } from './invocation.js';

export interface GcloudSettings {
  project?: string;
  configuration?: string;
  /** --project or --configuration was written with a value not known statically. */
  dynamic: boolean;
}

function configDir(command: SimpleCommand, ctx: RecognizeContext): string | undefined {
  const fromEnv = lookupEnv(command, 'CLOUDSDK_CONFIG');
  if (fromEnv.state === 'dynamic') return undefined;
  return expandHome(
    fromEnv.state === 'set' ? fromEnv.value : '~/.config/gcloud',
    homeOf(command, ctx),
    command.cwd,
  );
}

function activeConfiguration(
  command: SimpleCommand,
  settings: GcloudSettings,
  dir: string | undefined,
  ctx: RecognizeContext,
): { name?: string; source: string } {
  if (settings.configuration !== undefined)
    return { name: settings.configuration, source: '--configuration flag' };
  const fromEnv = lookupEnv(command, 'CLOUDSDK_ACTIVE_CONFIG_NAME');
  if (fromEnv.state === 'set') return { name: fromEnv.value, source: 'CLOUDSDK_ACTIVE_CONFIG_NAME' };
  if (fromEnv.state === 'dynamic')
    return { source: 'CLOUDSDK_ACTIVE_CONFIG_NAME (not known before it runs)' };
  if (dir === undefined) return { source: 'CLOUDSDK_CONFIG (not known before it runs)' };
  const active = ctx.fs.readText(`${dir}/active_config`, 1024)?.trim();
  if (active !== undefined && active !== '') return { name: active, source: `${dir}/active_config` };
  return { name: 'default', source: 'no active configuration: default' };
}

export function gcloudHints(
  command: SimpleCommand,
  settings: GcloudSettings,
  ctx: RecognizeContext,
): EnvHint[] {
  if (settings.dynamic)
    return [{ kind: 'gcp-project', source: '--project or --configuration (not known before it runs)' }];
  const hints: EnvHint[] = [];
  const dir = configDir(command, ctx);
  const configuration = activeConfiguration(command, settings, dir, ctx);
  if (configuration.name !== undefined && configuration.name !== 'default')
    hints.push({
      kind: 'gcp-project',
      value: configuration.name,
      source: `gcloud configuration from ${configuration.source}`,
    });
  if (settings.project !== undefined)
    return [{ kind: 'gcp-project', value: settings.project, source: '--project flag' }, ...hints];
  const fromEnv = lookupEnv(command, 'CLOUDSDK_CORE_PROJECT');
  if (fromEnv.state === 'set')
    return [{ kind: 'gcp-project', value: fromEnv.value, source: 'CLOUDSDK_CORE_PROJECT' }, ...hints];
  if (fromEnv.state === 'dynamic')
    return [{ kind: 'gcp-project', source: 'CLOUDSDK_CORE_PROJECT (not known before it runs)' }];
  if (dir !== undefined && configuration.name !== undefined) {
    for (const file of [`${dir}/configurations/config_${configuration.name}`, `${dir}/properties`]) {
      const text = ctx.fs.readText(file, CONFIG_FILE_LIMIT);
      const project = text === undefined ? undefined : parseIni(text).get('core')?.get('project');
      if (project !== undefined && project !== '')
        return [{ kind: 'gcp-project', value: project, source: `[core] project in ${file}` }, ...hints];
    }
  }
  return [{ kind: 'gcp-project', source: 'no project set' }, ...hints];
}
