// The effective config: built-in defaults < user config < project config (tighten only).

import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { findProjectConfigFiles, findUnsupportedConfigFiles } from './find.js';
import { applySettings, defaultState, type LayerOrigin, toConfig, toSources } from './layers.js';
import { userConfigFile } from './paths.js';
import { readConfigFile } from './read-file.js';
import type { ConfigProblem, EffectiveConfig } from './schema.js';
import { readSettings } from './validate.js';

export interface LoadConfigOptions {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
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

let defaultsOnly: LoadedConfig | undefined;

/** Most commands run with no config file at all: build that answer once per process. */
function defaultsResult(): LoadedConfig {
  if (!defaultsOnly) {
    const state = defaultState();
    defaultsOnly = {
      config: toConfig(state),
      sources: toSources(state),
      problems: [],
      files: { project: [] },
    };
  }
  return structuredClone(defaultsOnly);
}

function applyFile(
  file: string,
  origin: LayerOrigin,
  state: ReturnType<typeof defaultState>,
  problems: ConfigProblem[],
): boolean {
  const content = readConfigFile(file);
  problems.push(...content.problems);
  if (content.data === undefined || content.data === null) return content.problems.length > 0;
  const read = readSettings(content.data, file, content.lines);
  problems.push(...read.problems);
  problems.push(...applySettings(state, read.settings, origin));
  return true;
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

export function loadConfig({ cwd, env }: LoadConfigOptions): LoadedConfig {
  const userFile = userConfigFile(env);
  const hasUser = existsSync(userFile);
  const projectFiles = findProjectConfigFiles(cwd);
  if (!hasUser && projectFiles.length === 0) return defaultsResult();

  const state = defaultState();
  const problems: ConfigProblem[] = [];
  const files: ConfigFiles = { project: [] };
  if (hasUser && applyFile(userFile, { file: userFile, trust: 'user', userFile }, state, problems)) {
    files.user = userFile;
  }
  for (const file of projectFiles) {
    if (applyFile(file, { file, trust: 'project', userFile }, state, problems)) files.project.push(file);
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
  return [...loadConfig(options).problems, ...unsupported];
}
