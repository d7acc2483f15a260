// What `airlock config show` prints: the effective config as YAML-ish text with each value's source.

import type { LoadedConfig } from './load.js';
import type { ConfigProblem } from './schema.js';

interface Line {
  text: string;
  source?: string;
}

function label(source: string | undefined, result: LoadedConfig): string | undefined {
  if (source === undefined) return undefined;
  if (source === 'default') return 'default';
  return source === result.files.user ? `user ${source}` : `project ${source}`;
}

function scalarText(value: unknown): string {
  return typeof value === 'string' && (value === '' || /[:#\s]|^[!&*[{]/.test(value))
    ? JSON.stringify(value)
    : String(value);
}

function listLines(key: string, items: string[], indent: string, result: LoadedConfig): Line[] {
  if (items.length === 0) return [{ text: `${indent}${key.split('.').pop()}: []` }];
  return [
    { text: `${indent}${key.split('.').pop()}:` },
    ...items.map((item) => ({
      text: `${indent}  - ${scalarText(item)}`,
      source: label(result.sources[`${key}[${item}]`], result),
    })),
  ];
}

function configLines(result: LoadedConfig): Line[] {
  const { config } = result;
  const lines: Line[] = [{ text: 'environments:' }];
  for (const name of ['prod', 'staging', 'dev', 'local'] as const) {
    lines.push(...listLines(`environments.${name}`, config.environments[name], '  ', result));
  }
  lines.push(...listLines('regenerable', config.regenerable, '', result));
  lines.push(...listLines('protected', config.protected, '', result));
  const ruleIds = Object.keys(config.rules).sort();
  lines.push({ text: ruleIds.length === 0 ? 'rules: {}' : 'rules:' });
  for (const id of ruleIds) {
    lines.push({
      text: `  ${id}: ${config.rules[id]}`,
      source: label(result.sources[`rules.${id}`], result),
    });
  }
  const groups: [string, Record<string, unknown>][] = [
    ['approval', config.approval],
    ['probes', config.probes],
    ['audit', config.audit],
    ['undo', config.undo],
  ];
  for (const [group, values] of groups) {
    lines.push({ text: `${group}:` });
    for (const [name, value] of Object.entries(values)) {
      const source = label(result.sources[`${group}.${name}`], result);
      lines.push({ text: `  ${name}: ${scalarText(value)}`, source });
    }
  }
  lines.push({ text: 'shims:' }, ...listLines('shims.extra', config.shims.extra, '  ', result));
  lines.push(...listLines('packs', config.packs, '', result));
  return lines;
}

function problemText(problem: ConfigProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  return `${where}: ${problem.key ? `${problem.key}: ` : ''}${problem.message} (${problem.fix})`;
}

/** The effective config, one value per line, with `# source` comments aligned in a column. */
export function renderConfigShow(result: LoadedConfig): string {
  const files = [
    `# user config: ${result.files.user ?? 'none'}`,
    `# project config: ${result.files.project.length > 0 ? result.files.project.join(', ') : 'none'}`,
  ];
  const lines = configLines(result);
  const width = Math.max(...lines.filter((line) => line.source).map((line) => line.text.length)) + 2;
  const body = lines.map((line) => (line.source ? `${line.text.padEnd(width)}# ${line.source}` : line.text));
  const problems =
    result.problems.length === 0
      ? []
      : [
          '',
          `# ${result.problems.length} problem(s):`,
          ...result.problems.map((p) => `#   ${problemText(p)}`),
        ];
  return `${[...files, ...body, ...problems].join('\n')}\n`;
}

/** The `--json` form: the same data, with keys in a stable order. */
export function configShowJson(result: LoadedConfig): {
  config: LoadedConfig['config'];
  sources: Record<string, string>;
  files: LoadedConfig['files'];
  problems: ConfigProblem[];
} {
  const sources: Record<string, string> = {};
  for (const key of Object.keys(result.sources).sort()) sources[key] = result.sources[key]!;
  return { config: result.config, sources, files: result.files, problems: result.problems };
}

/** One line per problem, `file:line: key: message (fix)`, for `config check` and warnings. */
export function renderConfigProblems(problems: ConfigProblem[]): string {
  return problems.map((problem) => `${problemText(problem)}\n`).join('');
}
