// terraform's command line as Go's flag package reads it: `-name`, `--name`, `-name=value`,
// `-name value` for flags that take one, options stop at the first positional; plus the
// arguments TF_CLI_ARGS and TF_CLI_ARGS_<verb> inject from the environment.

/** Flags (of any terraform verb) that take a separate value: `-var x=1`, `-target aws_x.y`. */
const valueFlags = new Set([
  'chdir',
  'var',
  'var-file',
  'target',
  'replace',
  'out',
  'state',
  'state-out',
  'backup',
  'parallelism',
  'lock-timeout',
  'backend-config',
  'plugin-dir',
  'from-module',
  'generate-config-out',
  'config',
  'provider',
  'id',
  'test-directory',
  'filter',
  'platform',
  'fs-mirror',
  'net-mirror',
  'exclude',
]);

export interface TfArgs {
  /** Flag values by name ('' for a switch; `false` when written `-x=false`). */
  flags: Record<string, string[]>;
  positionals: string[];
  /** Words whose value is not known statically, where a flag could stand. */
  dynamic: string[];
}

export function emptyArgs(): TfArgs {
  return { flags: {}, positionals: [], dynamic: [] };
}

/** Reads flags then positionals into `into`; words are values, or undefined when dynamic. */
export function readTfArgs(
  words: readonly (string | undefined)[],
  into: TfArgs,
  texts?: readonly string[],
): void {
  let optionsDone = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word === undefined) {
      into.dynamic.push(texts?.[i] ?? '?');
      if (!optionsDone) continue;
      into.positionals.push(texts?.[i] ?? '?');
      continue;
    }
    if (optionsDone || !word.startsWith('-') || word === '-') {
      optionsDone = true;
      into.positionals.push(word);
      continue;
    }
    if (word === '--') {
      optionsDone = true;
      continue;
    }
    const body = word.startsWith('--') ? word.slice(2) : word.slice(1);
    const eq = body.indexOf('=');
    const name = eq === -1 ? body : body.slice(0, eq);
    let value = eq === -1 ? '' : body.slice(eq + 1);
    if (eq === -1 && valueFlags.has(name)) {
      const next = words[i + 1];
      i++;
      if (next === undefined) into.dynamic.push(texts?.[i] ?? `-${name}`);
      value = next ?? '';
    }
    const list = into.flags[name];
    if (list === undefined) into.flags[name] = [value];
    else list.push(value);
  }
}

/** A switch counts unless its last occurrence says false (`-auto-approve=false`). */
export function tfSwitch(flags: Readonly<Record<string, string[]>>, name: string): boolean {
  const values = flags[name];
  if (values === undefined) return false;
  const last = values[values.length - 1]!.toLowerCase();
  return last !== 'false' && last !== '0' && last !== 'f';
}

/** Splits a TF_CLI_ARGS value the way terraform does (shell-like words, simple quotes). */
export function splitCliArgs(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let quote: string | undefined;
  let has = false;
  for (const c of text) {
    if (quote !== undefined) {
      if (c === quote) quote = undefined;
      else current += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      has = true;
    } else if (c === ' ' || c === '\t' || c === '\n') {
      if (has) out.push(current);
      current = '';
      has = false;
    } else {
      current += c;
      has = true;
    }
  }
  if (has) out.push(current);
  return out;
}
