// Applies the planned edits file by file (several harnesses may edit one file), then writes
// the results, or only reports them for --dry-run.

import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FileEdit, FileOutcome } from './plan-types.js';

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export function planEdits(root: string, edits: readonly FileEdit[]): FileOutcome[] {
  const byPath = new Map<string, FileEdit[]>();
  for (const edit of edits) byPath.set(edit.path, [...(byPath.get(edit.path) ?? []), edit]);
  const outcomes: FileOutcome[] = [];
  for (const [path, fileEdits] of byPath) {
    const before = readIfExists(join(root, path));
    let current = before;
    const notes: string[] = [];
    let conflict = false;
    for (const edit of fileEdits) {
      const result = edit.edit(current);
      if (result.kind === 'conflict') {
        notes.push(result.reason);
        conflict = true;
        break;
      }
      if (result.note !== undefined) notes.push(result.note);
      if (result.kind === 'write') current = result.content;
    }
    const mode = fileEdits.find((e) => e.mode !== undefined)?.mode;
    const changed = !conflict && current !== undefined && current !== before;
    outcomes.push({
      path,
      status: conflict ? 'skipped' : !changed ? 'unchanged' : before === undefined ? 'created' : 'updated',
      ...(before === undefined ? {} : { before }),
      ...(changed ? { after: current } : {}),
      ...(mode === undefined ? {} : { mode }),
      notes,
    });
  }
  return outcomes;
}

export function writeOutcomes(root: string, outcomes: readonly FileOutcome[]): void {
  for (const outcome of outcomes) {
    if (outcome.after === undefined) continue;
    const path = join(root, outcome.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, outcome.after, outcome.mode === undefined ? {} : { mode: outcome.mode });
    if (outcome.mode !== undefined) chmodSync(path, outcome.mode);
  }
}
