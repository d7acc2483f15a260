// Reads the part of a kubeconfig that says where kubectl points: current-context and each
// context's cluster, user and namespace. A small line reader handles what kubectl writes;
// anything fancier (flow collections, anchors, block scalars, JSON) goes to the yaml package.

import type * as Yaml from 'yaml';

export interface KubeContextEntry {
  cluster?: string;
  user?: string;
  namespace?: string;
}

export interface KubeconfigData {
  currentContext?: string;
  /** Contexts by name, in file order. */
  contexts: Map<string, KubeContextEntry>;
}

/** Thrown inside the line reader when the text needs a real YAML parser. */
const needsYaml = Symbol('needs-yaml');

const contextKeys = new Set(['cluster', 'user', 'namespace']);

function indentOf(line: string): number {
  let i = 0;
  while (line.charCodeAt(i) === 32) i++;
  // Tabs cannot indent YAML; a file with them is malformed or unusual: let yaml decide.
  if (line[i] === '\t') throw needsYaml;
  return i;
}

/** A plain, single- or double-quoted scalar, with a trailing ` #` comment removed. */
function readScalar(raw: string): string | undefined {
  const text = raw.trim();
  if (text === '' || text === '~' || text === 'null') return undefined;
  const first = text[0];
  if (first === '"' || first === "'") {
    const end = closingQuote(text, first);
    const rest = text.slice(end + 1).trim();
    if (rest !== '' && !rest.startsWith('#')) throw needsYaml;
    const body = text.slice(1, end);
    if (first === "'") return body.replaceAll("''", "'");
    if (!body.includes('\\')) return body;
    try {
      return JSON.parse(`"${body}"`) as string;
    } catch {
      throw needsYaml;
    }
  }
  // Anchors, aliases, tags, block scalars and flow collections are yaml's job.
  if ('&*!|>[{%@`'.includes(first ?? '')) throw needsYaml;
  const comment = text.indexOf(' #');
  return (comment === -1 ? text : text.slice(0, comment)).trimEnd();
}

/** Index of the quote that closes the scalar opened at 0 (`''` and `\\"` do not close). */
function closingQuote(text: string, quote: string): number {
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (quote === '"' && c === '\\') i++;
    else if (c === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  throw needsYaml;
}

/** `key: value` → [key, rest]; undefined when the line is not a plain mapping entry. */
function splitKey(text: string): [string, string] | undefined {
  const colon = text.indexOf(':');
  if (colon <= 0) return undefined;
  const after = text[colon + 1];
  if (after !== undefined && after !== ' ') return undefined;
  const key = text.slice(0, colon);
  if ('"\'?-'.includes(key[0] ?? '') || key === '<<') throw needsYaml;
  return [key, text.slice(colon + 1)];
}

/** `{ cluster: a, user: "b" }` on one line: the only flow style the reader accepts. */
function readFlowMap(raw: string, into: KubeContextEntry): void {
  const text = raw.trim();
  if (!text.endsWith('}')) throw needsYaml;
  const body = text.slice(1, -1);
  if (/[{}[\]"'&*]/.test(body)) throw needsYaml;
  for (const part of body.split(',')) {
    if (part.trim() === '') continue;
    const pair = splitKey(part.trim());
    if (pair === undefined) throw needsYaml;
    setContextKey(into, pair[0], readScalar(pair[1]));
  }
}

function setContextKey(entry: KubeContextEntry, key: string, value: string | undefined): void {
  if (value !== undefined && contextKeys.has(key)) entry[key as keyof KubeContextEntry] = value;
}

interface ItemDraft {
  name?: string;
  context: KubeContextEntry;
  /** Indent of the item's own keys (`name:`, `context:`). */
  keyIndent: number;
  /** Inside `context:` as a block: the indent its keys must be deeper than, and theirs once seen. */
  blockAbove: number;
  blockKeys: number;
}

function readLines(text: string): KubeconfigData {
  const out: KubeconfigData = { contexts: new Map() };
  const lines = text.split('\n');
  let inContexts = false;
  let item: ItemDraft | undefined;
  /** Lines deeper than this belong to a nested block the reader ignores. */
  let skipAbove = -1;
  const flush = () => {
    if (item?.name !== undefined && !out.contexts.has(item.name)) out.contexts.set(item.name, item.context);
    item = undefined;
  };
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    const indent = indentOf(line);
    const text = line.slice(indent).replace(/\r$/, '');
    if (text === '' || text.startsWith('#')) continue;
    if (text === '---' && out.contexts.size === 0 && out.currentContext === undefined && !inContexts)
      continue;
    if (text.startsWith('---') || text.startsWith('...') || text.startsWith('%')) throw needsYaml;
    if (skipAbove !== -1) {
      // A block sequence may sit at its key's own indent (`extensions:` then `- name:`).
      if (indent > skipAbove || (indent === skipAbove && (text === '-' || text.startsWith('- ')))) continue;
      skipAbove = -1;
    }
    if (indent === 0 && !text.startsWith('- ') && text !== '-') {
      flush();
      const pair = splitKey(text);
      if (pair === undefined) throw needsYaml;
      const [key, rest] = pair;
      inContexts = key === 'contexts';
      if (key === 'current-context') out.currentContext = readScalar(rest) || undefined;
      else if (inContexts) {
        const value = rest.trim();
        if (value !== '' && value !== '[]' && value !== 'null' && value !== '~') throw needsYaml;
      }
      continue;
    }
    if (!inContexts) continue;
    let body = text;
    let bodyIndent = indent;
    if (text === '-' || text.startsWith('- ')) {
      flush();
      body = text.slice(1).trimStart();
      bodyIndent = indent + (text.length - body.length);
      item = { context: {}, keyIndent: body === '' ? -1 : bodyIndent, blockAbove: -1, blockKeys: -1 };
      if (body === '') continue;
    }
    if (item === undefined) throw needsYaml;
    if (item.keyIndent === -1) item.keyIndent = bodyIndent;
    const pair = splitKey(body);
    if (pair === undefined) throw needsYaml;
    const [key, rest] = pair;
    if (item.blockAbove !== -1 && bodyIndent > item.blockAbove) {
      if (item.blockKeys === -1) item.blockKeys = bodyIndent;
      if (bodyIndent === item.blockKeys && rest.trim() === '') skipAbove = bodyIndent;
      else if (bodyIndent === item.blockKeys) setContextKey(item.context, key, readScalar(rest));
      else if (bodyIndent < item.blockKeys) throw needsYaml;
      else if (rest.trim() === '') skipAbove = bodyIndent;
      continue;
    }
    item.blockAbove = -1;
    if (bodyIndent !== item.keyIndent) throw needsYaml;
    if (key === 'name') item.name = readScalar(rest);
    else if (key === 'context') {
      const value = rest.trim();
      if (value.startsWith('{')) readFlowMap(value, item.context);
      else if (value === '' || value.startsWith('#')) {
        item.blockAbove = bodyIndent;
        item.blockKeys = -1;
      } else throw needsYaml;
    } else if (rest.trim() === '' || rest.trim().startsWith('#')) {
      // Some other nested block inside an item (extensions…).
      skipAbove = bodyIndent;
    } else readScalar(rest);
  }
  flush();
  return out;
}

function fromValue(value: unknown): KubeconfigData {
  const out: KubeconfigData = { contexts: new Map() };
  if (value === null || typeof value !== 'object') return out;
  const record = value as Record<string, unknown>;
  if (typeof record['current-context'] === 'string' && record['current-context'] !== '')
    out.currentContext = record['current-context'];
  const contexts = record.contexts;
  if (!Array.isArray(contexts)) return out;
  for (const entry of contexts as unknown[]) {
    if (entry === null || typeof entry !== 'object') continue;
    const { name, context } = entry as { name?: unknown; context?: unknown };
    if (typeof name !== 'string' || out.contexts.has(name)) continue;
    const found: KubeContextEntry = {};
    if (context !== null && typeof context === 'object') {
      for (const key of contextKeys) {
        const v = (context as Record<string, unknown>)[key];
        if (typeof v === 'string' && v !== '') found[key as keyof KubeContextEntry] = v;
      }
    }
    out.contexts.set(name, found);
  }
  return out;
}

// The build bundles to CommonJS and vitest provides require, so plain require stays lazy.
function loadYaml(): typeof Yaml {
  return require('yaml') as typeof Yaml;
}

/** Which reader answered: tests and the benchmark check that ordinary files stay on the fast one. */
export type KubeconfigReader = 'lines' | 'json' | 'yaml';

/**
 * The kubeconfig's pointers, or undefined when the text is not a kubeconfig kubectl could
 * read (kubectl would fail on it too, so nothing is known).
 */
export function parseKubeconfig(
  text: string,
): { data: KubeconfigData; reader: KubeconfigReader } | undefined {
  const start = text.trimStart();
  if (start.startsWith('{')) {
    try {
      return { data: fromValue(JSON.parse(start)), reader: 'json' };
    } catch {
      // JSON-looking YAML flow style: yaml below.
    }
  } else {
    try {
      return { data: readLines(text), reader: 'lines' };
    } catch (error) {
      if (error !== needsYaml) throw error;
    }
  }
  try {
    const doc = loadYaml().parseDocument(text, { logLevel: 'silent' });
    if (doc.errors.length > 0) return undefined;
    return { data: fromValue(doc.toJS()), reader: 'yaml' };
  } catch {
    return undefined;
  }
}
