// Expands a glob against the real file system the way the shell would: only names that
// exist, a leading dot matched only by a leading dot, sorted; no match leaves nothing.

import { lstatSync, readdirSync } from 'node:fs';
import { isAbsolute } from 'node:path';

function hasWildcard(part: string): boolean {
  for (let i = 0; i < part.length; i++) {
    const c = part[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?' || c === '[') return true;
  }
  return false;
}

function unescapeGlob(part: string): string {
  return part.replace(/\\(.)/g, '$1');
}

/** One path component's pattern as a matcher: `*`, `?`, `[abc]`, `[!a-z]`, `\x`. */
export function componentMatcher(pattern: string): (name: string) => boolean {
  let source = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '\\' && i + 1 < pattern.length) source += escapeRegex(pattern[++i] as string);
    else if (c === '*') source += '[^]*';
    else if (c === '?') source += '[^]';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close === -1) {
        source += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, close);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      source += `[${negate ? '^' : ''}${body.replace(/[\\\]]/g, '\\$&')}]`;
      i = close;
    } else source += escapeRegex(c);
  }
  const regex = new RegExp(`${source}$`, 's');
  const dotOk = pattern.startsWith('.');
  return (name) => (dotOk || !name.startsWith('.')) && regex.test(name);
}

function escapeRegex(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** The absolute paths a glob matches, in the shell's order. */
export function expandGlob(pattern: string, cwd: string): string[] {
  const absolute = isAbsolute(pattern);
  const parts = pattern.split('/').filter((p, i) => p !== '' || i === 0);
  let bases = [absolute ? '' : cwd];
  if (absolute) parts.shift();
  for (const part of parts) {
    const next: string[] = [];
    if (!hasWildcard(part)) {
      for (const base of bases) next.push(`${base}/${unescapeGlob(part)}`);
    } else {
      const match = componentMatcher(part);
      for (const base of bases) {
        for (const name of listDir(base === '' ? '/' : base).sort()) {
          if (match(name)) next.push(`${base}/${name}`);
        }
      }
    }
    bases = next;
  }
  // Literal components may name things that do not exist.
  return bases.filter((p) => listExists(p));
}

function listExists(path: string): boolean {
  return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
}
