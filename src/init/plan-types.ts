// The edits init plans for each file, and what became of each.

/** One change to one file: computed from the file's current text (undefined when absent). */
export type EditResult =
  | { kind: 'write'; content: string; note?: string }
  | { kind: 'unchanged'; note?: string }
  /** The file holds something init must not overwrite; it is left as it is. */
  | { kind: 'conflict'; reason: string };

export interface FileEdit {
  /** Relative to the project root. */
  path: string;
  edit(before: string | undefined): EditResult;
  /** File mode for a new file (executable hook scripts). */
  mode?: number;
}

export type FileStatus = 'created' | 'updated' | 'unchanged' | 'skipped';

export interface FileOutcome {
  path: string;
  status: FileStatus;
  before?: string;
  after?: string;
  mode?: number;
  notes: string[];
}
