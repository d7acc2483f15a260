// The terraform workspace a command acts in, in terraform's own order: TF_WORKSPACE, else
// the `environment` file in the data directory (TF_DATA_DIR or .terraform, -chdir aware),
// else `default`.

import type { SimpleCommand } from '../parse/command.js';
import { lookupEnv } from './cloud-env.js';
import type { EnvHint, RecognizeContext } from './invocation.js';
import { resolvePath } from './paths.js';

export function workspaceHint(
  command: SimpleCommand,
  dir: string | undefined,
  ctx: RecognizeContext,
): EnvHint {
  const fromEnv = lookupEnv(command, 'TF_WORKSPACE');
  if (fromEnv.state === 'set') return { kind: 'tf-workspace', value: fromEnv.value, source: 'TF_WORKSPACE' };
  if (fromEnv.state === 'dynamic')
    return { kind: 'tf-workspace', source: 'TF_WORKSPACE (not known before it runs)' };
  if (dir === undefined) return { kind: 'tf-workspace', source: 'the working directory is not known' };
  const dataDir = lookupEnv(command, 'TF_DATA_DIR');
  if (dataDir.state === 'dynamic')
    return { kind: 'tf-workspace', source: 'TF_DATA_DIR (not known before it runs)' };
  const data = resolvePath(dataDir.state === 'set' ? dataDir.value : '.terraform', dir, ctx.fs);
  const file = `${data}/environment`;
  const text = ctx.fs.readText(file, 1024);
  const name = text?.trim();
  if (name !== undefined && name !== '') return { kind: 'tf-workspace', value: name, source: file };
  return { kind: 'tf-workspace', value: 'default', source: `no workspace selected in ${data}` };
}
