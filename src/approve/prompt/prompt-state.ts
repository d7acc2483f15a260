// What each key does at the prompt, as a pure function of the state: the prompt resolves one
// outcome from a closed set and never decides anything else.

import type { PromptOutcome, TypedConfirmation } from '../types.js';

export type PromptScreen = 'main' | 'details' | 'help';

export interface PromptState {
  screen: PromptScreen;
  /** What the person has typed so far (typed confirmation only). */
  typed: string;
  /** A one-line message under the input (`type the name, or Esc to deny`). */
  notice?: string;
  outcome?: PromptOutcome;
}

/** The parts of an Ink key event the prompt uses. */
export interface KeyPress {
  input: string;
  ctrl?: boolean;
  meta?: boolean;
  escape?: boolean;
  return?: boolean;
  backspace?: boolean;
  delete?: boolean;
  tab?: boolean;
  upArrow?: boolean;
  downArrow?: boolean;
}

export const initialPromptState: PromptState = { screen: 'main', typed: '' };

/** Names are short; anything longer is a paste gone wrong. */
const maxTyped = 256;

function isPrintable(input: string): boolean {
  if (input === '') return false;
  for (const ch of input) {
    const code = ch.codePointAt(0)!;
    if (code < 0x20 || code === 0x7f) return false;
  }
  return true;
}

function typedKey(state: PromptState, key: KeyPress, confirmation: TypedConfirmation): PromptState {
  if (key.return) {
    if (state.typed === '') return { ...state, notice: `type the ${confirmation.what} name, or Esc to deny` };
    if (state.typed === confirmation.expected)
      return { ...state, outcome: { kind: 'approved', typed: state.typed } };
    return {
      ...state,
      notice: `"${state.typed}" does not match "${confirmation.expected}": denied, nothing was run`,
      outcome: { kind: 'denied', reason: 'typed-mismatch' },
    };
  }
  if (key.backspace || key.delete) return { ...state, typed: state.typed.slice(0, -1), notice: undefined };
  if (key.tab) return { ...state, screen: state.screen === 'details' ? 'main' : 'details' };
  // The name never starts with `?`, so an empty field can still open help.
  if (key.input === '?' && state.typed === '') return { ...state, screen: 'help' };
  if (key.ctrl || key.meta || !isPrintable(key.input)) return state;
  return { ...state, typed: (state.typed + key.input).slice(0, maxTyped), notice: undefined };
}

/**
 * `armed` is false for a moment after the prompt appears: keys typed ahead, before the person
 * could have read it, must not approve. Denying keys work at once.
 */
export function pressKey(
  state: PromptState,
  key: KeyPress,
  confirmation: TypedConfirmation | undefined,
  armed = true,
): PromptState {
  if (state.outcome !== undefined) return state;
  if (key.ctrl && key.input === 'c') return { ...state, outcome: { kind: 'denied', reason: 'interrupt' } };
  if (key.escape) {
    if (state.screen !== 'main') return { ...state, screen: 'main' };
    return { ...state, outcome: { kind: 'denied', reason: 'escape' } };
  }
  if (!armed) return state;
  // Help covers the screen: any key closes it, and none of them decides.
  if (state.screen === 'help') return { ...state, screen: 'main' };
  if (confirmation !== undefined) return typedKey(state, key, confirmation);
  switch (key.input) {
    case 'y':
    case 'Y':
      return { ...state, outcome: { kind: 'approved' } };
    case 'n':
    case 'N':
      return { ...state, outcome: { kind: 'denied', reason: 'key' } };
    case 'd':
    case 'D':
      return { ...state, screen: state.screen === 'details' ? 'main' : 'details' };
    case '?':
      return { ...state, screen: 'help' };
    case 'q':
      return state.screen === 'main' ? state : { ...state, screen: 'main' };
    default:
      return state;
  }
}
