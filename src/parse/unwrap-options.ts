// Reads a wrapper's own options (`sudo -u root`, `timeout -s KILL 5`) to find where the
// wrapped command starts.

import type { ArgWord } from './command.js';

export interface OptionSpec {
  /** Short options that take a value, attached (`-n5`) or as the next word (`-n 5`). */
  short?: string;
  /** Long options (without `--`) that take a value as `--name=value` or `--name value`. */
  long?: readonly string[];
  /** Short options whose value may only be attached (`xargs -i{}`, `-l1`). */
  attachedOnly?: string;
  /** `-5` is an option (nice). */
  numeric?: boolean;
}

export interface ParsedOption {
  name: string;
  /** The value when static; `valueDynamic` says when it was written but is not known. */
  value?: string;
  valueDynamic?: boolean;
}

export interface ParsedOptions {
  options: ParsedOption[];
  /** Index of the first word after the options. */
  next: number;
  /** Set when an option word is not known statically, so the command start cannot be found. */
  dynamic?: string;
}

export function parseOptions(argv: readonly ArgWord[], start: number, spec: OptionSpec): ParsedOptions {
  const options: ParsedOption[] = [];
  let i = start;
  while (i < argv.length) {
    const word = argv[i]!;
    const text = word.value;
    if (text === undefined) {
      // A dynamic word could be an option or the command: either way the start is unknown.
      if (word.dynamic !== undefined) return { options, next: i, dynamic: `${word.text} (${word.dynamic})` };
      return { options, next: i };
    }
    if (text === '--') return { options, next: i + 1 };
    if (text.startsWith('--') && text.length > 2) {
      const equals = text.indexOf('=');
      const name = equals === -1 ? text.slice(2) : text.slice(2, equals);
      if (equals !== -1) options.push({ name, value: text.slice(equals + 1) });
      else if (spec.long?.includes(name)) {
        options.push(valueOption(name, argv[i + 1]));
        i++;
      } else options.push({ name });
      i++;
      continue;
    }
    if (!text.startsWith('-') || text.length < 2) return { options, next: i };
    if (spec.numeric && /^-\d+$/.test(text)) {
      options.push({ name: text.slice(1) });
      i++;
      continue;
    }
    i += readCluster(text, argv[i + 1], spec, options);
  }
  return { options, next: i };
}

/** One `-abc` word; returns how many words it used (2 when the value is the next word). */
function readCluster(
  text: string,
  next: ArgWord | undefined,
  spec: OptionSpec,
  options: ParsedOption[],
): number {
  for (let j = 1; j < text.length; j++) {
    const c = text[j]!;
    const rest = text.slice(j + 1);
    if (spec.short?.includes(c)) {
      if (rest !== '') {
        options.push({ name: c, value: rest });
        return 1;
      }
      options.push(valueOption(c, next));
      return 2;
    }
    if (spec.attachedOnly?.includes(c)) {
      options.push(rest === '' ? { name: c } : { name: c, value: rest });
      return 1;
    }
    options.push({ name: c });
  }
  return 1;
}

function valueOption(name: string, word: ArgWord | undefined): ParsedOption {
  if (word?.value !== undefined) return { name, value: word.value };
  return { name, valueDynamic: true };
}

/** The words as written, for `Wrapper.args`. */
export function wordTexts(argv: readonly ArgWord[], from: number, to: number): string[] {
  return argv.slice(from, to).map((word) => word.value ?? word.text);
}

export function hasOption(parsed: ParsedOptions, ...names: string[]): boolean {
  return parsed.options.some((option) => names.includes(option.name));
}

export function optionValue(parsed: ParsedOptions, ...names: string[]): ParsedOption | undefined {
  let found: ParsedOption | undefined;
  for (const option of parsed.options) if (names.includes(option.name)) found = option;
  return found;
}
