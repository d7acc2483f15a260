// Word expansion as far as it can be known statically: quotes, tilde, parameters, braces,
// field splitting and globs. Substitutions are reported dynamic here; the walker extracts
// the commands inside them separately.

import type { Span, Word, WordPart } from './ast.js';
import { expandBraces } from './brace-expand.js';
import type { ArgWord } from './command.js';
import { FieldBuilder } from './expand-fields.js';
import { type Item, isUnquotedChar, wordToItems } from './expand-items.js';
import { type Expanded, expandParam } from './expand-param.js';
import type { ShellState } from './expand-state.js';

export type { Expanded } from './expand-param.js';

const DEFAULT_IFS = ' \t\n';

/** Where tilde expansion applies: a command word, an assignment value, or nowhere (heredocs). */
type TildeMode = 'word' | 'assignment' | 'none';

/** Expands one word into argv fields (brace expansion and field splitting can make several). */
export function expandWordToFields(
  word: Word,
  state: ShellState,
  where: { text: string; span: Span },
): ArgWord[] {
  const plain = plainValue(word.parts);
  if (plain !== undefined) return [{ text: where.text, value: plain, span: where.span }];
  const alternatives = expandBraces(wordToItems(word));
  if (alternatives === undefined) {
    return [{ text: where.text, span: where.span, dynamic: 'brace expansion makes too many words' }];
  }
  const builder = new FieldBuilder(where.text, where.span);
  const ifs = state.vars.has('IFS') ? state.vars.get('IFS') : DEFAULT_IFS;
  for (const items of alternatives) {
    evaluateItems(items, state, builder, { split: true, ifs, tilde: 'word' });
    builder.finish();
  }
  return builder.fields;
}

/** Expands a word to one string (assignment values, redirect targets, heredoc bodies). */
export function expandWordToString(word: Word, state: ShellState, tilde: TildeMode = 'assignment'): Expanded {
  const builder = new FieldBuilder(word.text, word.span);
  evaluateItems(wordToItems(word), state, builder, { split: false, ifs: '', tilde });
  builder.markPresent();
  builder.finish();
  const field = builder.fields[0];
  if (field?.dynamic !== undefined) return { dynamic: field.dynamic };
  return { value: field?.value ?? unescapePattern(field?.pattern ?? '') };
}

interface EvaluateOptions {
  split: boolean;
  /** undefined: IFS was assigned a value that is not known. */
  ifs: string | undefined;
  tilde: TildeMode;
}

function evaluateItems(
  items: Item[],
  state: ShellState,
  builder: FieldBuilder,
  options: EvaluateOptions,
): void {
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (isUnquotedChar(item, '~') && tildeAllowed(items, i, options.tilde)) {
      i = expandTilde(items, i, state, builder, options.tilde) - 1;
      continue;
    }
    if (item.kind === 'char') {
      if (item.c === '') builder.markPresent();
      else builder.appendChar(item.c, item.quoted);
      continue;
    }
    const expanded = expandPart(item.part, state);
    if (expanded.dynamic !== undefined) builder.markDynamic(expanded.dynamic);
    else if (item.quoted || !options.split) builder.appendQuoted(expanded.value);
    else if (options.ifs === undefined) builder.markDynamic('IFS is not known statically');
    else builder.appendSplit(expanded.value, options.ifs);
  }
}

function tildeAllowed(items: Item[], i: number, mode: TildeMode): boolean {
  if (mode === 'none') return false;
  if (i === 0) return true;
  return mode === 'assignment' && (isUnquotedChar(items[i - 1], ':') || isUnquotedChar(items[i - 1], '='));
}

/** `~`, `~/x`, `~+`, `~-`: resolved from HOME, the cwd and OLDPWD; `~user` is dynamic. Returns the next index. */
function expandTilde(
  items: Item[],
  start: number,
  state: ShellState,
  builder: FieldBuilder,
  mode: TildeMode,
): number {
  let name = '';
  let end = start + 1;
  for (; end < items.length; end++) {
    const item = items[end]!;
    if (isUnquotedChar(item, '/') || (mode === 'assignment' && isUnquotedChar(item, ':'))) break;
    if (item.kind !== 'char' || item.quoted) {
      // `~"x"` is not a tilde prefix: the tilde stays literal.
      builder.appendChar('~', false);
      return start + 1;
    }
    name += item.c;
  }
  const resolved = resolveTilde(name, state);
  if (resolved.dynamic !== undefined) builder.markDynamic(resolved.dynamic);
  else builder.appendQuoted(resolved.value);
  return end;
}

function resolveTilde(name: string, state: ShellState): Expanded {
  if (name === '') {
    const home = state.vars.get('HOME');
    return home === undefined ? { dynamic: '~ needs HOME, which is not known' } : { value: home };
  }
  if (name === '+')
    return state.cwd === undefined ? { dynamic: 'the working directory is not known' } : { value: state.cwd };
  if (name === '-') {
    const old = state.vars.get('OLDPWD');
    return old === undefined ? { dynamic: '~- needs OLDPWD, which is not known' } : { value: old };
  }
  return { dynamic: `the home directory of ~${name} is not known` };
}

function expandPart(part: WordPart, state: ShellState): Expanded {
  switch (part.type) {
    case 'Param':
      if (part.name === '@' || part.name === '*')
        return { dynamic: `$${part.name} expands to the arguments` };
      return expandParam(part, state, (arg) => expandWordToString(arg, state, 'assignment'));
    case 'CommandSub':
      return { dynamic: 'command substitution' };
    case 'Arith':
      return evaluateArithmetic(part.expr, part.parts.length > 0);
    case 'ProcessSub':
      return { dynamic: 'process substitution' };
    default:
      return { dynamic: `unexpected ${part.type}` };
  }
}

/** Only plain integer literals: `$((5))`. Anything else depends on arithmetic we do not evaluate. */
function evaluateArithmetic(expr: string, hasSubstitutions: boolean): Expanded {
  const trimmed = expr.trim();
  if (!hasSubstitutions && /^-?\d{1,15}$/.test(trimmed)) return { value: String(Number(trimmed)) };
  return { dynamic: 'arithmetic expansion' };
}

function unescapePattern(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '\\' && i + 1 < pattern.length) i++;
    out += pattern[i];
  }
  return out;
}

/** Quoted or ordinary literal text that no expansion can touch: most words, so worth a fast path. */
function plainValue(parts: WordPart[]): string | undefined {
  let value = '';
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index] as WordPart;
    switch (part.type) {
      case 'Literal':
        if (!isPlainRaw(part.raw, index === 0)) return undefined;
        value += part.value;
        break;
      case 'SingleQuoted':
      case 'QuotedLiteral':
      case 'AnsiC':
        value += part.value;
        break;
      case 'DoubleQuoted': {
        const only = part.parts[0];
        if (part.parts.length > 1 || (only !== undefined && only.type !== 'QuotedLiteral')) return undefined;
        value += only?.type === 'QuotedLiteral' ? only.value : '';
        break;
      }
      default:
        return undefined;
    }
  }
  return value;
}

/** No backslash, glob or brace character, and no leading tilde. */
function isPlainRaw(raw: string, first: boolean): boolean {
  if (first && raw.startsWith('~')) return false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\' || c === '*' || c === '?' || c === '[' || c === ']' || c === '{' || c === '}')
      return false;
  }
  return true;
}
