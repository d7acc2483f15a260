// The effective config: built-in defaults < user config < project config (tighten only).

import { existsSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { findProjectConfigFiles, findUnsupportedConfigFiles } from './find.js';
import {
  applySettings,
  defaultSource,
  defaultState,
  type LayerOrigin,
  toConfig,
  toSources,
} from './layers.js';
import { openParseCache, type ParseCache } from './parse-cache.js';
import { airlockDirs, userConfigFile } from './paths.js';
import { type ConfigFileContent, readConfigFile } from './read-file.js';
import { type ConfigProblem, defaultConfig, type EffectiveConfig, scalarSpecs } from './schema.js';
import { readSettings } from './validate.js';

export interface LoadConfigOptions {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Reuse parsed YAML from the state directory while the file is unchanged (default true). */
  cache?: boolean;
}

export interface ConfigFiles {
  /** The user config file, when it exists. */
  user?: string;
  /** Project config files that hold airlock config, in the order they were applied. */
  project: string[];
}

export interface LoadedConfig {
  config: EffectiveConfig;
  /** Where each value came from: `default` or a file path. Keys as in `toSources`. */
  sources: Record<string, string>;
  problems: ConfigProblem[];
  files: ConfigFiles;
}

/** Most commands run with no config file at all: that answer needs no parsing and no Maps. */
function defaultsResult(): LoadedConfig {
  const config = defaultConfig();
  const sources: Record<string, string> = {};
  for (const key of Object.keys(scalarSpecs)) sources[key] = defaultSource;
  for (const id of Object.keys(config.rules)) sources[`rules.${id}`] = defaultSource;
  for (const [name, patterns] of Object.entries(config.environments)) {
    for (const pattern of patterns) sources[`environments.${name}[${pattern}]`] = defaultSource;
  }
  for (const item of config.regenerable) sources[`regenerable[${item}]`] = defaultSource;
  for (const item of config.protected) sources[`protected[${item}]`] = defaultSource;
  return { config, sources, problems: [], files: { project: [] } };
}

/** Only YAML needs a heavy parser; JSON, package.json and JS files are read directly. */
function worthCaching(file: string): boolean {
  const name = basename(file);
  return name.endsWith('.yaml') || name.endsWith('.yml') || name === '.airlockrc' || name === 'airlockrc';
}

function readWithCache(file: string, cache: ParseCache | undefined): ConfigFileContent {
  if (!cache || !worthCaching(file)) return readConfigFile(file);
  const { stamp, content } = cache.lookup(file);
  if (content) return content;
  const fresh = readConfigFile(file);
  if (stamp !== undefined) cache.store(file, stamp, fresh);
  return fresh;
}

function duplicateProblems(files: string[]): ConfigProblem[] {
  const byDir = new Map<string, string[]>();
  for (const file of files) {
    // `.config/airlockrc*` belongs to the directory above `.config`.
    const dir = file.includes('/.config/airlockrc') ? dirname(dirname(file)) : dirname(file);
    byDir.set(dir, [...(byDir.get(dir) ?? []), file]);
  }
  const problems: ConfigProblem[] = [];
  for (const [dir, inDir] of byDir) {
    if (inDir.length < 2) continue;
    problems.push({
      file: inDir[inDir.length - 1]!,
      key: '',
      kind: 'duplicate',
      message: `${inDir.length} airlock config files in ${dir}: ${inDir.join(', ')}; all of them apply`,
      fix: 'keep one config file per directory',
    });
  }
  return problems;
}

export function loadConfig({ cwd, env, cache = true }: LoadConfigOptions): LoadedConfig {
  const userFile = userConfigFile(env);
  const candidates: LayerOrigin[] = findProjectConfigFiles(cwd).map((file) => ({
    file,
    trust: 'project',
    userFile,
  }));
  if (existsSync(userFile)) candidates.unshift({ file: userFile, trust: 'user', userFile });
  if (candidates.length === 0) return defaultsResult();

  const parseCache = cache ? openParseCache(airlockDirs(env).state) : undefined;
  const found = candidates
    .map((origin) => ({ origin, content: readWithCache(origin.file, parseCache) }))
    // A package.json without an "airlock" key, or an empty file, is not config.
    .filter(({ content }) => content.data != null || content.problems.length > 0);
  parseCache?.save();
  if (found.length === 0) return defaultsResult();

  const state = defaultState();
  const problems: ConfigProblem[] = [];
  const files: ConfigFiles = { project: [] };
  for (const { origin, content } of found) {
    if (origin.trust === 'user') files.user = origin.file;
    else files.project.push(origin.file);
    problems.push(...content.problems);
    if (content.data == null) continue;
    const read = readSettings(content.data, origin.file, content.lines);
    problems.push(...read.problems, ...applySettings(state, read.settings, origin));
  }
  problems.push(...duplicateProblems(files.project));
  return { config: toConfig(state), sources: toSources(state), problems, files };
}

/** Everything wrong with the user and project config files, for `airlock config check`. */
export function checkConfigFiles(options: LoadConfigOptions): ConfigProblem[] {
  const unsupported = findUnsupportedConfigFiles(options.cwd).map(
    (file): ConfigProblem => ({
      file,
      key: '',
      kind: 'unsupported',
      message: 'airlock cannot load TypeScript or ES-module-only config files; this file is ignored',
      fix: 'use .airlockrc.yaml, .airlockrc.json or airlock.config.cjs instead',
    }),
  );
  return [...loadConfig({ ...options, cache: false }).problems, ...unsupported];
}
