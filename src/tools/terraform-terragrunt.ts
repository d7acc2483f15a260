// terragrunt's own layer over terraform's command line: `run-all VERB`, `run --all -- VERB`,
// `VERB --all`, and its own flags (old `--terragrunt-*` and new names), removed so what is
// left reads as a terraform command.

interface Word {
  value: string | undefined;
  text: string;
}

/** terragrunt flags that take a value (old and new names, without dashes). */
const tgValueFlags = new Set([
  'working-dir',
  'config',
  'source',
  'download-dir',
  'tf-path',
  'iam-assume-role',
  'iam-role',
  'queue-include-dir',
  'queue-exclude-dir',
  'include-dir',
  'exclude-dir',
  'log-level',
  'log-format',
  'experiment',
  'feature',
  'filter',
  'units-that-include',
  'parallelism',
  'tfpath',
  'strict-control',
]);

export interface TerragruntCommand {
  words: Word[];
  /** The verb runs in every module under the working directory. */
  allModules: boolean;
  workingDir?: string;
  help: boolean;
}

function flagName(value: string): string | undefined {
  if (!value.startsWith('--')) return undefined;
  const eq = value.indexOf('=');
  const name = value.slice(2, eq === -1 ? undefined : eq);
  return name.startsWith('terragrunt-') ? name.slice('terragrunt-'.length) : name;
}

export function terragruntWords(input: readonly Word[]): TerragruntCommand {
  const out: TerragruntCommand = { words: [], allModules: false, help: false };
  let verbSeen = false;
  for (let i = 0; i < input.length; i++) {
    const word = input[i]!;
    const value = word.value;
    if (value === undefined) {
      out.words.push(word);
      continue;
    }
    if (!verbSeen && (value === 'run-all' || value === 'run' || value === 'stack')) {
      if (value === 'run-all') out.allModules = true;
      continue;
    }
    if (value === '--') continue;
    if (value === '--all' || value === '-a' || value === '--terragrunt-run-all') {
      out.allModules = true;
      continue;
    }
    if (value === '--help' || value === '-h') out.help = true;
    const name = flagName(value);
    const isTg =
      value.startsWith('--terragrunt-') ||
      (name !== undefined && tgValueFlags.has(name)) ||
      value === '--non-interactive';
    if (name !== undefined && isTg) {
      const hasValue = tgValueFlags.has(name) && !value.includes('=');
      const flagValue = value.includes('=')
        ? value.slice(value.indexOf('=') + 1)
        : hasValue
          ? input[i + 1]?.value
          : undefined;
      if (hasValue) i++;
      if (name === 'working-dir' && flagValue !== undefined) out.workingDir = flagValue;
      continue;
    }
    if (!value.startsWith('-')) verbSeen = true;
    out.words.push(word);
  }
  return out;
}
