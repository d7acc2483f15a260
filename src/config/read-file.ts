// Reads one config file of any supported format into plain data, with the line of each key.
// YAML and the JS loader are heavy, so they are required only when a file needs them.

import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type * as Yaml from 'yaml';
import type { ConfigProblem } from './schema.js';

export interface ConfigFileContent {
  /** The config object; undefined when the file is empty or holds no airlock config. */
  data: unknown;
  /** Line of each key path (`approval.wait`) and list item (`packs.0`), when known. */
  lines: Map<string, number>;
  problems: ConfigProblem[];
}

// The build bundles to CommonJS and vitest provides require, so plain require stays lazy.
function loadYaml(): typeof Yaml {
  return require('yaml') as typeof Yaml;
}

type JsLoader = (file: string, content: string) => unknown;

function loadJsLoader(): JsLoader {
  const cosmiconfig = require('cosmiconfig') as { defaultLoadersSync: Record<string, JsLoader> };
  return cosmiconfig.defaultLoadersSync['.js']!;
}

function firstLine(text: string): string {
  const end = text.indexOf('\n');
  return (end < 0 ? text : text.slice(0, end)).replace(/:$/, '');
}

function syntaxProblem(file: string, message: string, line?: number): ConfigProblem {
  return {
    file,
    key: '',
    ...(line === undefined ? {} : { line }),
    kind: 'syntax',
    message: `cannot parse: ${message}`,
    fix: 'fix the syntax; the whole file is ignored until then',
  };
}

function collectLines(
  node: unknown,
  path: string,
  counter: Yaml.LineCounter,
  yaml: typeof Yaml,
  into: Map<string, number>,
) {
  if (yaml.isMap(node)) {
    for (const pair of node.items) {
      if (!yaml.isScalar(pair.key)) continue;
      const key = path === '' ? String(pair.key.value) : `${path}.${String(pair.key.value)}`;
      if (pair.key.range) into.set(key, counter.linePos(pair.key.range[0]).line);
      collectLines(pair.value, key, counter, yaml, into);
    }
  } else if (yaml.isSeq(node)) {
    node.items.forEach((item, index) => {
      const range = yaml.isNode(item) ? item.range : undefined;
      if (range) into.set(`${path}.${index}`, counter.linePos(range[0]).line);
    });
  }
}

function readYaml(file: string, text: string): ConfigFileContent {
  const yaml = loadYaml();
  const counter = new yaml.LineCounter();
  const doc = yaml.parseDocument(text, { lineCounter: counter, prettyErrors: true });
  if (doc.errors.length > 0) {
    return {
      data: undefined,
      lines: new Map(),
      problems: doc.errors.map((error) =>
        syntaxProblem(file, firstLine(error.message), error.linePos?.[0].line),
      ),
    };
  }
  const lines = new Map<string, number>();
  collectLines(doc.contents, '', counter, yaml, lines);
  return { data: doc.toJS(), lines, problems: [] };
}

function readJson(file: string, text: string): ConfigFileContent {
  try {
    return { data: JSON.parse(text), lines: new Map(), problems: [] };
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message);
    const line = position ? text.slice(0, Number(position[1])).split('\n').length : undefined;
    return { data: undefined, lines: new Map(), problems: [syntaxProblem(file, message, line)] };
  }
}

function readPackageJson(file: string, text: string): ConfigFileContent {
  // Most package.json files say nothing about airlock: skip parsing them.
  if (!text.includes('"airlock"')) return { data: undefined, lines: new Map(), problems: [] };
  const parsed = readJson(file, text);
  const data = parsed.data as Record<string, unknown> | undefined;
  return { ...parsed, data: typeof data === 'object' && data !== null ? data.airlock : undefined };
}

function readJs(file: string, text: string): ConfigFileContent {
  try {
    const loaded = loadJsLoader()(file, text) as Record<string | symbol, unknown> | null | undefined;
    // An ES module comes back as its namespace; the config is its default export.
    const data = loaded && loaded[Symbol.toStringTag] === 'Module' ? loaded.default : loaded;
    return { data, lines: new Map(), problems: [] };
  } catch (error) {
    return {
      data: undefined,
      lines: new Map(),
      problems: [syntaxProblem(file, firstLine((error as Error).message ?? String(error)))],
    };
  }
}

export function readConfigFile(file: string): ConfigFileContent {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const problem: ConfigProblem = {
      file,
      key: '',
      kind: 'syntax',
      message: `cannot read: ${(error as Error).message}`,
      fix: 'make the file readable, or remove it',
    };
    return { data: undefined, lines: new Map(), problems: [problem] };
  }
  if (text.trim() === '') return { data: undefined, lines: new Map(), problems: [] };
  if (basename(file) === 'package.json') return readPackageJson(file, text);
  const extension = extname(file);
  if (extension === '.js' || extension === '.cjs') return readJs(file, text);
  if (extension === '.json') return readJson(file, text);
  // YAML, and `.airlockrc` without an extension (YAML or JSON, like cosmiconfig reads it).
  if (text.trimStart().startsWith('{')) {
    const json = readJson(file, text);
    if (json.problems.length === 0) return json;
  }
  return readYaml(file, text);
}
