// Loads rule packs from YAML text (at build time for the built-in packs, at run time for
// users' own) and returns every problem as data: file, rule id, line and how to fix it.

import { readFileSync } from 'node:fs';
import type * as Yaml from 'yaml';
import type { Pack, PackProblem } from './rule.js';
import type { Path } from './validate-condition.js';
import { validatePack } from './validate-pack.js';

export interface PackText {
  file: string;
  text: string;
}

type YamlDoc = ReturnType<typeof Yaml.parseDocument>;

// The yaml package is heavy; built-in packs come precompiled, so load it only for YAML text.
// The build bundles to CommonJS and vitest provides require, so plain require stays lazy.
let yamlModule: typeof Yaml | undefined;
function yaml(): typeof Yaml {
  yamlModule ??= require('yaml') as typeof Yaml;
  return yamlModule;
}

/** The line of the deepest node that exists along `path` (1-based). */
function lineOf(doc: YamlDoc, counter: Yaml.LineCounter, path: Path): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const sub = path.slice(0, depth);
    const parent = sub.length === 0 ? doc.contents : doc.getIn(sub.slice(0, -1), true);
    // An unknown key is reported on the key itself.
    const key = sub[sub.length - 1];
    if (yaml().isMap(parent) && typeof key === 'string') {
      const pair = parent.items.find(
        (item) => yaml().isNode(item.key) && (item.key as { value?: unknown }).value === key,
      );
      const range = pair && yaml().isNode(pair.key) ? pair.key.range : undefined;
      if (range) return counter.linePos(range[0]).line;
    }
    const node = sub.length === 0 ? doc.contents : doc.getIn(sub, true);
    if (yaml().isNode(node) && node.range) return counter.linePos(node.range[0]).line;
  }
  return undefined;
}

function ruleIdAt(value: unknown, path: Path): string | undefined {
  if (path[0] !== 'rules' || typeof path[1] !== 'number') return undefined;
  const rules = (value as { rules?: unknown[] } | undefined)?.rules;
  const rule = Array.isArray(rules) ? (rules[path[1]] as { id?: unknown } | undefined) : undefined;
  return typeof rule?.id === 'string' ? rule.id : `rules[${path[1]}]`;
}

function loadOne(input: PackText, problems: PackProblem[]): Pack | undefined {
  const counter = new (yaml().LineCounter)();
  const doc = yaml().parseDocument(input.text, {
    lineCounter: counter,
    uniqueKeys: true,
    prettyErrors: false,
  });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      problems.push({
        file: input.file,
        line: counter.linePos(error.pos[0]).line,
        message: `YAML syntax: ${error.message.split('\n')[0]}`,
        fix: 'correct the YAML (indentation, quoting, colons)',
      });
    }
    return undefined;
  }
  const value: unknown = doc.toJS();
  const report = (path: Path, message: string, fix: string) => {
    const problem: PackProblem = {
      file: input.file,
      message: path.length > 0 ? `${path.join('.')}: ${message}` : message,
      fix,
    };
    const rule = ruleIdAt(value, path);
    if (rule !== undefined) problem.rule = rule;
    const line = lineOf(doc, counter, path);
    if (line !== undefined) problem.line = line;
    problems.push(problem);
  };
  const ruleLine = (i: number) => lineOf(doc, counter, ['rules', i]) ?? 1;
  if (!yaml().isMap(doc.contents) && !yaml().isSeq(doc.contents) && doc.contents !== null) {
    report([], 'a pack file must be a mapping', 'start the file with `pack: name`');
    return undefined;
  }
  return validatePack(value, input.file, report, ruleLine);
}

export function loadPackTexts(files: readonly PackText[]): { packs: Pack[]; problems: PackProblem[] } {
  const problems: PackProblem[] = [];
  const packs: Pack[] = [];
  const seen = new Map<string, string>();
  const packNames = new Map<string, string>();
  for (const input of files) {
    const pack = loadOne(input, problems);
    if (pack === undefined) continue;
    const otherPack = packNames.get(pack.name);
    if (otherPack !== undefined) {
      problems.push({
        file: input.file,
        line: 1,
        message: `pack "${pack.name}" is already defined in ${otherPack}`,
        fix: 'give the pack a name of its own',
      });
      continue;
    }
    packNames.set(pack.name, input.file);
    pack.rules = pack.rules.filter((rule) => {
      const where = seen.get(rule.id);
      if (where === undefined) {
        seen.set(rule.id, `${input.file}:${rule.source.line}`);
        return true;
      }
      problems.push({
        file: input.file,
        rule: rule.id,
        line: rule.source.line,
        message: `duplicate rule id "${rule.id}" (first defined at ${where})`,
        fix: 'give each rule a unique id',
      });
      return false;
    });
    packs.push(pack);
  }
  return { packs, problems };
}

export function loadPackFiles(paths: readonly string[]): { packs: Pack[]; problems: PackProblem[] } {
  const texts: PackText[] = [];
  const problems: PackProblem[] = [];
  for (const file of paths) {
    try {
      texts.push({ file, text: readFileSync(file, 'utf8') });
    } catch (error) {
      problems.push({
        file,
        message: `cannot read the pack: ${(error as Error).message}`,
        fix: 'check the path and its permissions',
      });
    }
  }
  const loaded = loadPackTexts(texts);
  return { packs: loaded.packs, problems: [...problems, ...loaded.problems] };
}

/** Which tools a rule's matcher names (the build records each built-in pack's). */
export { toolsOf } from './classify.js';
