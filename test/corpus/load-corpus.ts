// Reads the corpus of whole command lines (JSON Lines, one family per file) and checks
// each entry's shape, so a typo in the corpus fails loudly instead of testing nothing.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export type Expectation = 'pass' | 'stop' | 'deny';

export interface CorpusLine {
  /** File name relative to the corpus folder (`rm.jsonl`, `infra/psql.jsonl`). */
  file: string;
  family: string;
  /** 1-based line number in the file. */
  lineNo: number;
  cmd: string;
  expect: Expectation;
  note?: string;
  env?: Record<string, string>;
  cwd?: string;
}

export interface CorpusProblem {
  file: string;
  lineNo: number;
  message: string;
}

const expectations: readonly string[] = ['pass', 'stop', 'deny'];
const knownKeys = new Set(['cmd', 'expect', 'note', 'env', 'cwd']);

function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string')
  );
}

function checkEntry(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const entry = value as Record<string, unknown>;
  const extra = Object.keys(entry).filter((key) => !knownKeys.has(key));
  if (extra.length > 0) return `unknown keys: ${extra.join(', ')}`;
  if (typeof entry.cmd !== 'string' || entry.cmd.trim() === '') return '"cmd" must be a non-empty string';
  if (typeof entry.expect !== 'string' || !expectations.includes(entry.expect)) {
    return '"expect" must be "pass", "stop" or "deny"';
  }
  if (entry.note !== undefined && typeof entry.note !== 'string') return '"note" must be a string';
  if (entry.env !== undefined && !isStringRecord(entry.env)) return '"env" must map names to strings';
  if (entry.cwd !== undefined && typeof entry.cwd !== 'string') return '"cwd" must be a string';
  return undefined;
}

/** Parses one .jsonl file; blank lines are allowed, everything else must be a valid entry. */
export function readCorpusFile(
  dir: string,
  file: string,
): { lines: CorpusLine[]; problems: CorpusProblem[] } {
  const family = basename(file, '.jsonl');
  const lines: CorpusLine[] = [];
  const problems: CorpusProblem[] = [];
  const rows = readFileSync(join(dir, file), 'utf8').split('\n');
  rows.forEach((row, index) => {
    const lineNo = index + 1;
    if (row.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(row);
    } catch (error) {
      problems.push({ file, lineNo, message: `invalid JSON: ${(error as Error).message}` });
      return;
    }
    const problem = checkEntry(value);
    if (problem !== undefined) {
      problems.push({ file, lineNo, message: problem });
      return;
    }
    lines.push({ file, family, lineNo, ...(value as Omit<CorpusLine, 'file' | 'family' | 'lineNo'>) });
  });
  return { lines, problems };
}

function jsonlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort();
}

/** Infra families named in infra/ENABLED (one per line, `#` comments), or all with AIRLOCK_CORPUS_INFRA=1. */
export function enabledInfraFamilies(
  dir: string,
  env: Readonly<Record<string, string | undefined>>,
): Set<string> {
  const infraDir = join(dir, 'infra');
  const all = jsonlFiles(infraDir).map((file) => basename(file, '.jsonl'));
  if (env.AIRLOCK_CORPUS_INFRA === '1') return new Set(all);
  const listFile = join(infraDir, 'ENABLED');
  if (!existsSync(listFile)) return new Set();
  const names = readFileSync(listFile, 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter((line) => line !== '');
  return new Set(names);
}

export interface Corpus {
  /** Lines to evaluate: core families and enabled infra families. */
  active: CorpusLine[];
  /** Infra lines whose family is not recognized yet: shape-checked only. */
  pending: CorpusLine[];
  problems: CorpusProblem[];
  /** Names in infra/ENABLED that have no file. */
  unknownEnabled: string[];
}

export function readCorpus(dir: string, env: Readonly<Record<string, string | undefined>>): Corpus {
  const enabled = enabledInfraFamilies(dir, env);
  const corpus: Corpus = { active: [], pending: [], problems: [], unknownEnabled: [] };
  for (const file of jsonlFiles(dir)) {
    const { lines, problems } = readCorpusFile(dir, file);
    corpus.active.push(...lines);
    corpus.problems.push(...problems);
  }
  const infraFamilies = new Set<string>();
  for (const file of jsonlFiles(join(dir, 'infra'))) {
    const { lines, problems } = readCorpusFile(dir, join('infra', file));
    const family = basename(file, '.jsonl');
    infraFamilies.add(family);
    (enabled.has(family) ? corpus.active : corpus.pending).push(...lines);
    corpus.problems.push(...problems);
  }
  corpus.unknownEnabled = [...enabled].filter((name) => !infraFamilies.has(name));
  return corpus;
}
