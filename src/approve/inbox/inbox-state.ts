// What each key does in the inbox, as a pure function: moving, opening details, and asking
// for a decision (typed name first for a destroy in production).

import type { KeyPress } from '../prompt/prompt-state.js';
import type { InboxItem } from './source.js';

export type InboxScreen = 'list' | 'details' | 'confirm';

export interface InboxState {
  screen: InboxScreen;
  /** The selected request, by id, so arrivals at the top do not move the selection. */
  selectedId?: number;
  typed: string;
  /** A one-line message: what the last decision did, or why it did not happen. */
  message?: string;
  quit?: boolean;
}

export type InboxAction = { kind: 'decide'; id: number; decision: 'approve' | 'deny' };

export interface InboxStep {
  state: InboxState;
  action?: InboxAction;
}

export const initialInboxState: InboxState = { screen: 'list', typed: '' };

export function selectedItem(state: InboxState, items: readonly InboxItem[]): InboxItem | undefined {
  return items.find((item) => item.id === state.selectedId) ?? items[0];
}

function move(state: InboxState, items: readonly InboxItem[], by: number): InboxState {
  if (items.length === 0) return state;
  const current = Math.max(0, items.indexOf(selectedItem(state, items)!));
  const next = Math.min(items.length - 1, Math.max(0, current + by));
  return { ...state, selectedId: items[next]!.id, message: undefined };
}

function confirmKey(state: InboxState, key: KeyPress, item: InboxItem): InboxStep {
  const confirmation = item.view.confirmation!;
  if (key.escape || (key.ctrl && key.input === 'c'))
    return { state: { ...state, screen: 'list', typed: '' } };
  if (key.return) {
    if (state.typed === confirmation.expected) {
      return {
        state: { ...state, screen: 'list', typed: '' },
        action: { kind: 'decide', id: item.id, decision: 'approve' },
      };
    }
    // Unlike the prompt, nobody is waiting on this screen: a typo leaves the request pending.
    return {
      state: {
        ...state,
        screen: 'list',
        typed: '',
        message: `#${item.id}: "${state.typed}" does not match "${confirmation.expected}"; not approved`,
      },
    };
  }
  if (key.backspace || key.delete) return { state: { ...state, typed: state.typed.slice(0, -1) } };
  if (key.ctrl || key.meta || key.input === '' || key.input < ' ') return { state };
  return { state: { ...state, typed: (state.typed + key.input).slice(0, 256) } };
}

export function pressInboxKey(state: InboxState, key: KeyPress, items: readonly InboxItem[]): InboxStep {
  const item = selectedItem(state, items);
  if (state.screen === 'confirm') {
    return item?.view.confirmation ? confirmKey(state, key, item) : { state: { ...state, screen: 'list' } };
  }
  if (key.ctrl && key.input === 'c') return { state: { ...state, quit: true } };
  if (state.screen === 'details' && (key.escape || key.return || key.input === 'q')) {
    return { state: { ...state, screen: 'list' } };
  }
  if (key.input === 'q' || key.escape) return { state: { ...state, quit: true } };
  if (key.upArrow || key.input === 'k') return { state: move(state, items, -1) };
  if (key.downArrow || key.input === 'j') return { state: move(state, items, 1) };
  if (item === undefined) return { state };
  if (key.return) return { state: { ...state, selectedId: item.id, screen: 'details' } };
  if (key.input === 'd') {
    return { state: { ...state, screen: 'list' }, action: { kind: 'decide', id: item.id, decision: 'deny' } };
  }
  if (key.input === 'a') {
    if (item.view.confirmation)
      return { state: { ...state, selectedId: item.id, screen: 'confirm', typed: '' } };
    return {
      state: { ...state, screen: 'list' },
      action: { kind: 'decide', id: item.id, decision: 'approve' },
    };
  }
  return { state };
}
