// What the inbox screen needs from the approval queue: the pending requests, and a way to
// decide one. The screen renders and forwards; the queue decides, records and grants.

import type { ApprovalView } from '../types.js';

export interface InboxItem {
  id: number;
  view: ApprovalView;
  /** One line for the list (`1,204 files, 38 MB (not recoverable)`, `not measured`). */
  blastSummary: string;
}

export type InboxList = { ok: true; items: InboxItem[] } | { ok: false; message: string };

export type InboxDecided = { ok: true; message: string } | { ok: false; message: string };

export interface InboxSource {
  /** Pending requests, newest first. */
  listPending: () => InboxList;
  decide: (id: number, decision: 'approve' | 'deny') => InboxDecided;
}
