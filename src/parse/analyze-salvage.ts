// After a syntax error, the commands before it may still be worth seeing: parse the longest
// prefix that ends at a newline or `;` before the error.

import type { Script } from './ast.js';
import { parseScript } from './parser.js';

const MAX_ATTEMPTS = 8;

export function salvagePrefix(line: string, errorOffset: number): Script | undefined {
  let cut = Math.min(errorOffset, line.length);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    cut = lastSeparatorBefore(line, cut);
    if (cut <= 0) return undefined;
    const outcome = parseScript(line.slice(0, cut));
    if (outcome.ok && outcome.script.body.items.length > 0) return outcome.script;
  }
  return undefined;
}

function lastSeparatorBefore(line: string, end: number): number {
  for (let i = end - 1; i >= 0; i--) {
    const c = line[i];
    if (c === '\n' || c === ';') return i;
  }
  return -1;
}
