// Files airlock writes whole (hook scripts, the opencode plugin, the Codex rules): each carries
// a stamp with the hash of what airlock wrote, so a re-run updates an untouched file and
// leaves one a person edited alone.

import { createHash } from 'node:crypto';
import type { EditResult } from './plan-types.js';

const stampWord = 'written by airlock init';

function digest(body: string): string {
  return createHash('sha256').update(body).digest('hex').slice(0, 12);
}

/** `body` with a first-line stamp after `prefix` (a shebang line, when there is one). */
export function stamped(comment: string, body: string, prefix = ''): string {
  return `${prefix}${comment} ${stampWord} (${digest(body)}); edit freely: init leaves edited files alone.\n${body}`;
}

/** Whether `text` is exactly what airlock stamped (the body still matches its hash). */
function untouched(text: string, prefix: string): boolean {
  if (!text.startsWith(prefix)) return false;
  const rest = text.slice(prefix.length);
  const newline = rest.indexOf('\n');
  if (newline === -1) return false;
  const match = new RegExp(`${stampWord} \\(([0-9a-f]{12})\\)`).exec(rest.slice(0, newline));
  return match !== null && match[1] === digest(rest.slice(newline + 1));
}

export function editOwnedFile(before: string | undefined, content: string, prefix = ''): EditResult {
  if (before === undefined) return { kind: 'write', content };
  if (before === content) return { kind: 'unchanged' };
  if (untouched(before, prefix)) return { kind: 'write', content };
  return {
    kind: 'conflict',
    reason: 'exists and was not written by airlock init (or was edited since); left alone',
  };
}

/** A block between markers inside a file a person owns (a setup script): added once, then kept. */
export function editMarkedBlock(
  before: string | undefined,
  block: string,
  begin: string,
  end: string,
): EditResult {
  const text = before ?? '';
  if (text.includes(begin)) {
    const start = text.indexOf(begin);
    const stop = text.indexOf(end, start);
    if (stop === -1) return { kind: 'conflict', reason: `has "${begin}" without "${end}"; left alone` };
    return { kind: 'unchanged' };
  }
  const separator = text === '' || text.endsWith('\n') ? '' : '\n';
  return {
    kind: 'write',
    content: `${text}${separator}${text === '' ? '' : '\n'}${begin}\n${block}${end}\n`,
  };
}

/** Lines added to .gitignore once each, under one comment. */
export function editGitignore(before: string | undefined, lines: readonly string[]): EditResult {
  const text = before ?? '';
  const present = new Set(text.split('\n').map((l) => l.trim()));
  const missing = lines.filter((l) => !present.has(l) && !present.has(`/${l}`));
  if (missing.length === 0) return { kind: 'unchanged' };
  const separator = text === '' || text.endsWith('\n') ? '' : '\n';
  const heading = present.has('# airlock: machine-specific files')
    ? ''
    : '# airlock: machine-specific files\n';
  const blank = text === '' || heading === '' ? '' : '\n';
  return { kind: 'write', content: `${text}${separator}${blank}${heading}${missing.join('\n')}\n` };
}
