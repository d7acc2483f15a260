// Writes and merges .airlockrc.yaml: adds the entries init suggests to the lists a person may
// already have, keeping their entries, order and comments; never removes anything, and never
// re-adds a name the person negated with `!`.

import { Document, isMap, isScalar, isSeq, parseDocument, type Scalar } from 'yaml';
import type { ConfigSuggestions } from './config-entries.js';
import type { EditResult, FileEdit } from './plan-types.js';

const header = ` airlock project config, written by \`airlock init\` from what it found in this project.
 Review it: each entry says which file it came from. A project config may only tighten
 airlock (mark names as production or staging, protect targets), never loosen it.
 'airlock config show' prints the effective config; 'airlock init' again adds what is new.`;

export function mergeAirlockrc(before: string | undefined, suggestions: ConfigSuggestions): EditResult {
  const doc = before === undefined ? new Document({}) : parseDocument(before);
  if (doc.errors.length > 0) {
    return {
      kind: 'conflict',
      reason: `not valid YAML (${doc.errors[0]!.message.split('\n')[0]}); left alone`,
    };
  }
  if (doc.contents === null || doc.contents === undefined) doc.contents = doc.createNode({}) as never;
  if (!isMap(doc.contents)) return { kind: 'conflict', reason: 'the file is not a YAML mapping; left alone' };
  if (before === undefined) {
    doc.commentBefore = header;
    for (const key of ['environments.prod', 'environments.staging', 'protected']) {
      doc.setIn(key.split('.'), doc.createNode([]));
    }
    if (suggestions.unresolved.length > 0) {
      doc.comment = [
        ' Seen in this project, environment unknown (airlock asks before writes to them; add',
        ' any that are production under environments.prod):',
        ...suggestions.unresolved.map((u) => `   ${u}`),
      ].join('\n');
    }
  }
  const skipped: string[] = [];
  let added = 0;
  for (const entry of suggestions.entries) {
    const path = entry.key.split('.');
    if (!doc.hasIn(path) || doc.getIn(path) === null) doc.setIn(path, doc.createNode([]));
    const seq = doc.getIn(path, true);
    if (!isSeq(seq)) {
      skipped.push(entry.key);
      continue;
    }
    const values = seq.items.map((item) => (isScalar(item) ? String(item.value) : ''));
    if (values.includes(entry.value) || values.includes(`!${entry.value}`)) continue;
    // A flow list ([a, b]) cannot hold comments: an empty one becomes a block list.
    if (seq.flow && seq.items.length === 0) seq.flow = false;
    const node = doc.createNode(entry.value) as Scalar;
    if (!seq.flow) node.comment = ` ${entry.comment}`;
    seq.items.push(node);
    added++;
  }
  const note =
    skipped.length > 0 ? { note: `${[...new Set(skipped)].join(', ')} is not a list; not merged` } : {};
  // Nothing new: the person's file is left byte for byte as it was.
  if (before !== undefined && added === 0) return { kind: 'unchanged', ...note };
  return { kind: 'write', content: doc.toString({ lineWidth: 0 }), ...note };
}

export function airlockMergeEdit(suggestions: ConfigSuggestions): FileEdit {
  return { path: '.airlockrc.yaml', edit: (before) => mergeAirlockrc(before, suggestions) };
}
