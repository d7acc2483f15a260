// The command-group grammar gcloud and az share: group words, then a verb, then
// positionals, with `--flag value`/`--flag=value` anywhere. Without each CLI's full
// command tree, a flag takes the next word unless it is a known switch.

import type { ArgWord } from '../parse/command.js';

export interface VerbGrammar {
  /** Long switches (without dashes); `no-*` are switches too. */
  switches: ReadonlySet<string>;
  /** Short switches (`q` for -q); other short flags take a value (`-g rg`). */
  shortSwitches: string;
  /** Short flags mapped to their long names (`g` → resource-group). */
  shortNames?: Readonly<Record<string, string>>;
  /** Ends the group path: true when this word (at this index) is the verb. */
  isVerb(word: string, index: number): boolean;
}

export interface VerbCommand {
  /** Group words and the verb (`compute instances delete`). */
  path: string[];
  verb?: string;
  positionals: string[];
  flags: Record<string, string[]>;
  /** Dynamic words where a group or verb could stand. */
  dynamic: string[];
  /** Flags whose value is not known (`--project $P`). */
  dynamicFlags: string[];
}

function add(flags: Record<string, string[]>, name: string, value: string): void {
  const list = flags[name];
  if (list === undefined) flags[name] = [value];
  else list.push(value);
}

export function parseVerbCommand(words: readonly ArgWord[], grammar: VerbGrammar): VerbCommand {
  const out: VerbCommand = { path: [], positionals: [], flags: {}, dynamic: [], dynamicFlags: [] };
  let pathDone = false;
  let optionsDone = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const value = word.value;
    if (value === undefined && !optionsDone && word.text.startsWith('-')) {
      // `--project="$P"`: the flag is known, its value is not.
      const eq = word.text.indexOf('=');
      const name = word.text.slice(word.text.startsWith('--') ? 2 : 1, eq === -1 ? undefined : eq);
      out.dynamicFlags.push(name);
      add(out.flags, name, '');
      continue;
    }
    if (value === undefined || optionsDone || !value.startsWith('-') || value === '-') {
      const text = value ?? word.pattern ?? word.text;
      if (pathDone) out.positionals.push(text);
      else if (value === undefined) {
        out.dynamic.push(word.text);
        pathDone = true;
      } else {
        out.path.push(value);
        if (grammar.isVerb(value, out.path.length - 1)) {
          out.verb = value;
          pathDone = true;
        }
      }
      continue;
    }
    if (value === '--') {
      optionsDone = true;
      continue;
    }
    const long = value.startsWith('--');
    const eq = value.indexOf('=');
    let name = value.slice(long ? 2 : 1, eq === -1 ? undefined : eq);
    if (!long && name.length > 1 && eq === -1) {
      // Bundled short switches (`-qr`) or a short flag with its value attached.
      const letter = name[0]!;
      if (
        grammar.shortSwitches.includes(letter) &&
        [...name].every((c) => grammar.shortSwitches.includes(c))
      ) {
        for (const c of name) add(out.flags, grammar.shortNames?.[c] ?? c, '');
        continue;
      }
      add(out.flags, grammar.shortNames?.[letter] ?? letter, name.slice(1));
      continue;
    }
    if (!long) name = grammar.shortNames?.[name] ?? name;
    if (eq !== -1) {
      add(out.flags, name, value.slice(eq + 1));
      continue;
    }
    const isSwitch = long
      ? grammar.switches.has(name) || name.startsWith('no-')
      : grammar.shortSwitches.includes(value.slice(1));
    const next = words[i + 1];
    if (isSwitch || next === undefined || (next.value?.startsWith('-') && next.value !== '-')) {
      add(out.flags, name, '');
      continue;
    }
    i++;
    if (next.value === undefined) out.dynamicFlags.push(name);
    add(out.flags, name, next.value ?? '');
  }
  if (out.verb === undefined && out.path.length > 0 && !pathDone) out.verb = out.path[out.path.length - 1];
  return out;
}

/** The first hyphen-separated word of a verb: `remove` for remove-iam-policy-binding. */
export function verbHead(verb: string): string {
  const dash = verb.indexOf('-');
  return dash === -1 ? verb : verb.slice(0, dash);
}
