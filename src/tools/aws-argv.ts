// The aws CLI's command line (v1 and v2): global options anywhere, `service operation`,
// then `--parameter value…` pairs whose values may be lists. Without the API model, a
// parameter takes every following word up to the next `--option`, except known switches.

/** Global options that take one value. */
const globalValues = new Set([
  'profile',
  'region',
  'endpoint-url',
  'output',
  'query',
  'cli-input-json',
  'cli-input-yaml',
  'ca-bundle',
  'cli-read-timeout',
  'cli-connect-timeout',
  'color',
  'cli-binary-format',
  'starting-token',
  'page-size',
  'max-items',
]);

/** Switches: global ones, the `s3` transfer commands', and API booleans seen in practice. */
const switches = new Set([
  'debug',
  'no-verify-ssl',
  'no-paginate',
  'no-sign-request',
  'no-cli-pager',
  'cli-auto-prompt',
  'version',
  'help',
  'dry-run',
  'dryrun',
  'recursive',
  'quiet',
  'force',
  'delete',
  'exact-timestamps',
  'size-only',
  'follow-symlinks',
  'only-show-errors',
  'summarize',
  'human-readable',
  'ignore-glacier-warnings',
  'force-glacier-transfer',
  'skip-final-snapshot',
  'delete-automated-backups',
  'force-delete-without-recovery',
  'apply-immediately',
  'overwrite',
  'force-new-deployment',
  'wait',
  'hibernate',
  'bypass-governance-retention',
  'force-stop',
  'publish',
]);

/** `s3` transfer options that take one value (everything else there is a switch). */
const s3Values = new Set([
  'exclude',
  'include',
  'acl',
  'sse',
  'sse-c',
  'sse-c-key',
  'sse-kms-key-id',
  'sse-c-copy-source',
  'sse-c-copy-source-key',
  'storage-class',
  'website-redirect',
  'content-type',
  'cache-control',
  'content-disposition',
  'content-encoding',
  'content-language',
  'expires',
  'source-region',
  'metadata',
  'metadata-directive',
  'expected-size',
  'checksum-mode',
  'checksum-algorithm',
  'expires-in',
  'copy-props',
  'grants',
  'index-document',
  'error-document',
]);

export interface AwsWord {
  value: string | undefined;
  text: string;
}

export interface AwsArgs {
  service?: string;
  operation?: string;
  /** Option values by name without dashes; '' for a switch; list values joined by a space. */
  flags: Record<string, string[]>;
  positionals: string[];
  /** Where a word that is not known statically stands, when it matters (service, operation, an option). */
  dynamic: string[];
}

function add(flags: Record<string, string[]>, name: string, value: string): void {
  const list = flags[name];
  if (list === undefined) flags[name] = [value];
  else list.push(value);
}

export function parseAwsArgs(words: readonly AwsWord[]): AwsArgs {
  const out: AwsArgs = { flags: {}, positionals: [], dynamic: [] };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const value = word.value;
    if (value === undefined) {
      if (out.service === undefined || out.operation === undefined) out.dynamic.push(word.text);
      else out.positionals.push(word.text);
      continue;
    }
    if (!value.startsWith('--') || value === '--') {
      if (out.service === undefined) out.service = value;
      else if (out.operation === undefined) out.operation = value;
      else out.positionals.push(value);
      continue;
    }
    const eq = value.indexOf('=');
    const name = value.slice(2, eq === -1 ? undefined : eq);
    if (eq !== -1) {
      add(out.flags, name, value.slice(eq + 1));
      continue;
    }
    const isS3 = out.service === 's3';
    if (globalValues.has(name) || (isS3 && s3Values.has(name))) {
      const next = words[i + 1];
      if (next !== undefined) i++;
      if (next !== undefined && next.value === undefined) out.dynamic.push(`--${name} ${next.text}`);
      add(out.flags, name, next?.value ?? '');
      continue;
    }
    if (name === 'generate-cli-skeleton') {
      const next = words[i + 1]?.value;
      if (next === 'input' || next === 'output' || next === 'yaml-input') i++;
      add(out.flags, name, next ?? '');
      continue;
    }
    if (switches.has(name) || name.startsWith('no-') || isS3) {
      add(out.flags, name, '');
      continue;
    }
    // An API parameter: its value is every word up to the next option.
    const values: string[] = [];
    while (i + 1 < words.length && !(words[i + 1]!.value ?? '').startsWith('--')) {
      const next = words[++i]!;
      values.push(next.value ?? next.text);
    }
    add(out.flags, name, values.join(' '));
  }
  return out;
}
