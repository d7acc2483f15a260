// JSON settings files merged in place: keys a person wrote stay, airlock's entries are added
// only when no airlock entry is there yet. A file with comments (JSONC) is never rewritten,
// since writing it back would drop them; the entry to add by hand is shown instead.

import type { EditResult } from './plan-types.js';

export type JsonObject = Record<string, unknown>;

class NotMergeable extends Error {}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object at `path`, created when absent; a non-object in the way cannot be merged. */
export function objectAt(root: JsonObject, path: readonly string[]): JsonObject {
  let node = root;
  for (const key of path) {
    const next = node[key];
    if (next === undefined) node[key] = {};
    else if (!isObject(next)) throw new NotMergeable(`"${path.join('.')}" is not an object`);
    node = node[key] as JsonObject;
  }
  return node;
}

export function arrayAt(root: JsonObject, path: readonly string[]): unknown[] {
  const parent = objectAt(root, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (parent[key] === undefined) parent[key] = [];
  const value = parent[key];
  if (!Array.isArray(value)) throw new NotMergeable(`"${path.join('.')}" is not a list`);
  return value;
}

/** True when any string inside `value` contains `needle` (an airlock entry already in place). */
export function mentions(value: unknown, needle: string): boolean {
  if (typeof value === 'string') return value.includes(needle);
  if (Array.isArray(value)) return value.some((v) => mentions(v, needle));
  if (isObject(value)) return Object.values(value).some((v) => mentions(v, needle));
  return false;
}

/** Appends `entry` to the list at `path` unless an entry there already mentions `needle`. */
export function addOnce(root: JsonObject, path: readonly string[], entry: unknown, needle: string): boolean {
  const list = arrayAt(root, path);
  if (list.some((item) => mentions(item, needle))) return false;
  list.push(entry);
  return true;
}

/** Sets `key` in the object at `path` unless the person already set it. */
export function setDefault(root: JsonObject, path: readonly string[], key: string, value: unknown): boolean {
  const node = objectAt(root, path);
  if (key in node) return false;
  node[key] = value;
  return true;
}

function indentOf(text: string): string | number {
  const match = /\n([ \t]+)["}\]]/.exec(text);
  return match ? match[1]! : 2;
}

/**
 * Applies `change` (which returns whether it changed anything) to the JSON in `before`.
 * Unchanged files are never rewritten, so a person's formatting survives a re-run.
 */
export function editJson(before: string | undefined, change: (root: JsonObject) => boolean): EditResult {
  let root: unknown = {};
  if (before !== undefined && before.trim() !== '') {
    try {
      root = JSON.parse(before);
    } catch {
      const wanted: JsonObject = {};
      change(wanted);
      return {
        kind: 'conflict',
        reason: `not plain JSON (comments or trailing commas?); left alone. Add by hand:\n${JSON.stringify(wanted, null, 2)}`,
      };
    }
  }
  if (!isObject(root))
    return { kind: 'conflict', reason: 'the file does not hold a JSON object; left alone' };
  try {
    if (!change(root)) return { kind: 'unchanged' };
  } catch (error) {
    if (error instanceof NotMergeable) return { kind: 'conflict', reason: `${error.message}; left alone` };
    throw error;
  }
  return {
    kind: 'write',
    content: `${JSON.stringify(root, null, before === undefined ? 2 : indentOf(before))}\n`,
  };
}
