// A generic argv grammar: options (short, long, bundled, with values), `--`, and verb
// paths, so each recognizer only declares its tool's options instead of parsing argv.

import type { ArgWord } from '../parse/command.js';

export interface OptionSpec {
  /** Short letters that mean this option (`rR` for recursive). */
  short?: string;
  /** Other long names for it (`no-clobber` for `n`…). */
  aliases?: string[];
  /** `required`: takes the next word or `=value`; `optional`: only `--x=value` / `-xVALUE`. */
  value?: 'required' | 'optional';
}

export interface ArgvSpec {
  /** Options by canonical long name. */
  options?: Record<string, OptionSpec>;
  /** Verbs: the first positional that names one selects it and its own spec. */
  subcommands?: Record<string, ArgvSpec>;
  /** GNU style (default): options may follow positionals. false: the first positional ends options. */
  optionsAfterPositionals?: boolean;
  /** Long options may be abbreviated to an unambiguous prefix (GNU getopt, git). Default true. */
  abbreviations?: boolean;
}

export interface ParsedArgv {
  /** Verb path chosen through `subcommands`. */
  subcommand: string[];
  /** Option values by canonical name; '' for a switch. After a verb: the verb's options. */
  flags: Record<string, string[]>;
  /** Options written before the first verb (`git -C dir`), when there is a verb. */
  globalFlags: Record<string, string[]>;
  /** Positional values (the value, else the glob pattern, else the source text). */
  positionals: string[];
  /** The same positionals as words, for targets. */
  positionalWords: ArgWord[];
  /** How many positionals came before `--`, when `--` was written (`checkout HEAD -- file`). */
  dashDashAt?: number;
  /** Options the spec does not know, and dynamic words where an option could stand. */
  unknownOptions: string[];
}

interface OptionTable {
  byShort: Map<string, [string, OptionSpec]>;
  byLong: Map<string, [string, OptionSpec]>;
}

const tables = new WeakMap<ArgvSpec, OptionTable>();

function tableOf(spec: ArgvSpec): OptionTable {
  let table = tables.get(spec);
  if (table !== undefined) return table;
  table = { byShort: new Map(), byLong: new Map() };
  for (const [name, option] of Object.entries(spec.options ?? {})) {
    table.byLong.set(name, [name, option]);
    for (const alias of option.aliases ?? []) table.byLong.set(alias, [name, option]);
    for (const letter of option.short ?? '') table.byShort.set(letter, [name, option]);
  }
  tables.set(spec, table);
  return table;
}

function findLong(spec: ArgvSpec, name: string): [string, OptionSpec] | undefined {
  const table = tableOf(spec);
  const exact = table.byLong.get(name);
  if (exact !== undefined || spec.abbreviations === false || name.length === 0) return exact;
  // `rm --recur` is `rm --recursive` to getopt: an abbreviation must not hide an option.
  let found: [string, OptionSpec] | undefined;
  for (const [long, entry] of table.byLong) {
    if (!long.startsWith(name)) continue;
    if (found !== undefined && found[0] !== entry[0]) return undefined;
    found = entry;
  }
  return found;
}

function add(flags: Record<string, string[]>, name: string, value: string): void {
  const list = flags[name];
  if (list === undefined) flags[name] = [value];
  else list.push(value);
}

/** The value, or the glob pattern, or the source text: what a rule compares against. */
export function wordText(word: ArgWord): string {
  return word.value ?? word.pattern ?? word.text;
}

export function parseArgv(words: readonly ArgWord[], spec: ArgvSpec): ParsedArgv {
  const out: ParsedArgv = {
    subcommand: [],
    flags: {},
    globalFlags: {},
    positionals: [],
    positionalWords: [],
    unknownOptions: [],
  };
  let current = spec;
  let optionsDone = false;
  let i = 0;
  const takeNext = (): string => {
    const next = words[i + 1];
    if (next === undefined) return '';
    i++;
    return wordText(next);
  };
  for (; i < words.length; i++) {
    const word = words[i]!;
    const text = word.value;
    if (text === undefined) {
      // A word known only at run time could be an option (`rm $OPTS dir`), so say so.
      if (!optionsDone && word.pattern === undefined) out.unknownOptions.push(word.text);
      if (!optionsDone && word.text.startsWith('-')) continue;
      pushPositional(out, word);
      if (current.optionsAfterPositionals === false) optionsDone = true;
      continue;
    }
    if (optionsDone || text === '-' || !text.startsWith('-')) {
      const sub = optionsDone || out.positionals.length > 0 ? undefined : current.subcommands?.[text];
      if (sub !== undefined) {
        // Options before the first verb are the tool's own (`git -C dir push`); keep them apart.
        if (out.subcommand.length === 0) {
          out.globalFlags = out.flags;
          out.flags = {};
        }
        out.subcommand.push(text);
        current = sub;
        continue;
      }
      pushPositional(out, word);
      if (current.optionsAfterPositionals === false) optionsDone = true;
      continue;
    }
    if (text === '--') {
      optionsDone = true;
      out.dashDashAt = out.positionals.length;
      continue;
    }
    if (text.startsWith('--')) {
      const eq = text.indexOf('=');
      const name = eq === -1 ? text.slice(2) : text.slice(2, eq);
      const found = findLong(current, name);
      if (found === undefined) {
        out.unknownOptions.push(text);
        add(out.flags, name, eq === -1 ? '' : text.slice(eq + 1));
        continue;
      }
      const [canonical, option] = found;
      if (eq !== -1) add(out.flags, canonical, text.slice(eq + 1));
      else if (option.value === 'required') add(out.flags, canonical, takeNext());
      else add(out.flags, canonical, '');
      continue;
    }
    // Bundled short options: `-rf`, `-n5`, `-n 5`.
    const table = tableOf(current);
    for (let j = 1; j < text.length; j++) {
      const letter = text[j]!;
      const found = table.byShort.get(letter);
      if (found === undefined) {
        // Kept under its letter so generic rules can still see it (`git log -p`).
        out.unknownOptions.push(`-${letter}`);
        add(out.flags, letter, '');
        continue;
      }
      const [canonical, option] = found;
      if (option.value === undefined) {
        add(out.flags, canonical, '');
        continue;
      }
      const rest = text.slice(j + 1);
      if (rest.length > 0) add(out.flags, canonical, rest);
      else if (option.value === 'required') add(out.flags, canonical, takeNext());
      else add(out.flags, canonical, '');
      break;
    }
  }
  return out;
}

function pushPositional(out: ParsedArgv, word: ArgWord): void {
  out.positionals.push(wordText(word));
  out.positionalWords.push(word);
}

/** True when any of the canonical names is present. */
export function hasFlag(flags: Readonly<Record<string, string[]>>, ...names: string[]): boolean {
  for (const name of names) if (flags[name] !== undefined) return true;
  return false;
}

/** The last value given for a flag (later options override earlier ones). */
export function lastFlag(flags: Readonly<Record<string, string[]>>, name: string): string | undefined {
  const list = flags[name];
  return list === undefined ? undefined : list[list.length - 1];
}
