// Reads a project file as text only when it is small enough to be config or a script.

import { readFileSync, statSync } from 'node:fs';

export function readSmallText(path: string, limit = 512 * 1024): string | undefined {
  try {
    if (statSync(path).size > limit) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
