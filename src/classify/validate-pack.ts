// Turns one parsed pack document into a Pack, reporting each field that is missing,
// misspelled or of the wrong type instead of stopping at the first.

import type { Pack, Rule, RuleExample } from './rule.js';
import { type Path, type Report, validateCondition } from './validate-condition.js';

const packKeys = ['pack', 'description', 'programs', 'rules'];
const ruleKeys = [
  'id',
  'effect',
  'reason',
  'alternatives',
  'probe',
  'catastrophic',
  'denyIn',
  'regenerableExempt',
  'match',
  'unless',
  'examples',
];
const exampleKeys = ['line', 'env', 'cwd', 'files', 'decision'];
const effects = ['read', 'write', 'destroy'];
const environments = ['local', 'dev', 'staging', 'prod', 'unknown'];
const decisions = ['allow', 'approve', 'deny'];

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

function unknownKeys(
  value: Record<string, unknown>,
  allowed: readonly string[],
  path: Path,
  report: Report,
): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key))
      report([...path, key], `unknown key "${key}"`, `use one of: ${allowed.join(', ')}`);
  }
}

function validateExample(value: unknown, path: Path, report: Report): value is RuleExample {
  if (typeof value === 'string') {
    if (value.trim() === '') report(path, 'example line is empty', 'write the command line to test');
    return value.trim() !== '';
  }
  if (!isRecord(value)) {
    report(
      path,
      'example must be a command line or `{ line, env?, cwd?, files?, decision? }`',
      'write a string',
    );
    return false;
  }
  unknownKeys(value, exampleKeys, path, report);
  let ok = true;
  if (typeof value.line !== 'string' || value.line.trim() === '') {
    report([...path, 'line'], 'example needs a `line`', 'add `line: <command line>`');
    ok = false;
  }
  if (
    value.env !== undefined &&
    (!isRecord(value.env) || !Object.values(value.env).every((v) => typeof v === 'string'))
  ) {
    report([...path, 'env'], '`env` must map names to strings', 'write `env: { NAME: value }`');
    ok = false;
  }
  if (value.cwd !== undefined && (typeof value.cwd !== 'string' || !value.cwd.startsWith('/'))) {
    report([...path, 'cwd'], '`cwd` must be an absolute path', 'write `cwd: /home/user/project`');
    ok = false;
  }
  if (value.files !== undefined && !isStringList(value.files)) {
    report(
      [...path, 'files'],
      '`files` must be a list of paths',
      'write `files: [notes.txt, src/, link -> /etc]`',
    );
    ok = false;
  }
  if (value.decision !== undefined && !decisions.includes(value.decision as string)) {
    report(
      [...path, 'decision'],
      `unknown decision "${String(value.decision)}"`,
      `use one of: ${decisions.join(', ')}`,
    );
    ok = false;
  }
  return ok;
}

function validateRule(
  value: unknown,
  path: Path,
  packName: string,
  report: Report,
): Omit<Rule, 'source'> | undefined {
  if (!isRecord(value)) {
    report(path, 'each rule must be a mapping', 'write `- id: pack/name` followed by its fields');
    return undefined;
  }
  const before = { count: 0 };
  const r: Report = (p, m, f) => {
    before.count++;
    report(p, m, f);
  };
  unknownKeys(value, ruleKeys, path, r);
  const id = value.id;
  if (typeof id !== 'string' || !/^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9-]*$/.test(id)) {
    r(
      [...path, 'id'],
      'rule needs an id of the form `pack/name` (lowercase, digits, dashes)',
      `write \`id: ${packName}/what-it-stops\``,
    );
  } else if (!id.startsWith(`${packName}/`)) {
    r(
      [...path, 'id'],
      `rule id "${id}" is not prefixed by the pack name`,
      `rename it to \`${packName}/${id.split('/')[1]}\``,
    );
  }
  if (!effects.includes(value.effect as string)) {
    r(
      [...path, 'effect'],
      `effect must be read, write or destroy (got ${JSON.stringify(value.effect)})`,
      'write `effect: destroy`',
    );
  }
  if (typeof value.reason !== 'string' || value.reason.trim() === '' || value.reason.includes('\n')) {
    r(
      [...path, 'reason'],
      'rule needs a one-line `reason` for the person reading the prompt',
      'write `reason: <one sentence>`',
    );
  }
  if (value.alternatives !== undefined && !isStringList(value.alternatives)) {
    r(
      [...path, 'alternatives'],
      '`alternatives` must be a list of strings',
      'write `alternatives: [safer command]`',
    );
  }
  if (value.probe !== undefined && typeof value.probe !== 'string') {
    r([...path, 'probe'], '`probe` must be a probe name', 'write `probe: rm-tree`');
  }
  for (const key of ['catastrophic', 'regenerableExempt'] as const) {
    if (value[key] !== undefined && typeof value[key] !== 'boolean') {
      r([...path, key], `\`${key}\` must be true or false`, `write \`${key}: true\``);
    }
  }
  if (
    value.denyIn !== undefined &&
    (!isStringList(value.denyIn) || !value.denyIn.every((e) => environments.includes(e)))
  ) {
    r([...path, 'denyIn'], '`denyIn` must list environments', `use any of: ${environments.join(', ')}`);
  }
  if (value.match === undefined) r([...path, 'match'], 'rule needs a `match`', 'add `match: { tool: …, … }`');
  else validateCondition(value.match, [...path, 'match'], r);
  if (value.unless !== undefined) validateCondition(value.unless, [...path, 'unless'], r);
  const examples = value.examples;
  const stop: RuleExample[] = [];
  const pass: RuleExample[] = [];
  if (!isRecord(examples)) {
    r(
      [...path, 'examples'],
      'rule needs `examples` with `stop` and `pass` lines: they are its proof',
      'add `examples: { stop: [...], pass: [...] }`',
    );
  } else {
    unknownKeys(examples, ['stop', 'pass'], [...path, 'examples'], r);
    for (const kind of ['stop', 'pass'] as const) {
      const list = examples[kind] ?? [];
      if (!Array.isArray(list)) {
        r([...path, 'examples', kind], `\`${kind}\` must be a list`, `write \`${kind}: [line, …]\``);
        continue;
      }
      list.forEach((ex, i) => {
        if (validateExample(ex, [...path, 'examples', kind, i], r)) (kind === 'stop' ? stop : pass).push(ex);
      });
    }
    const needsBoth = value.effect !== 'read';
    if (needsBoth && (stop.length === 0 || pass.length === 0)) {
      r(
        [...path, 'examples'],
        'a write or destroy rule needs at least one `stop` and one `pass` example',
        'add the missing list',
      );
    } else if (stop.length + pass.length === 0) {
      r([...path, 'examples'], 'rule has no examples', 'add at least one example');
    }
  }
  if (before.count > 0) return undefined;
  const rule: Omit<Rule, 'source'> = {
    id: id as string,
    effect: value.effect as Rule['effect'],
    reason: value.reason as string,
    alternatives: (value.alternatives as string[] | undefined) ?? [],
    catastrophic: (value.catastrophic as boolean | undefined) ?? false,
    regenerableExempt: (value.regenerableExempt as boolean | undefined) ?? false,
    match: value.match as Rule['match'],
    examples: { stop, pass },
    pack: packName,
  };
  if (value.probe !== undefined) rule.probe = value.probe as string;
  if (value.unless !== undefined) rule.unless = value.unless as Rule['unless'];
  if (value.denyIn !== undefined) rule.denyIn = value.denyIn as Rule['denyIn'];
  return rule;
}

/** The pack, with rules that passed validation; `ruleSource` gives each rule's line. */
export function validatePack(
  value: unknown,
  file: string,
  report: Report,
  ruleLine: (index: number) => number,
): Pack | undefined {
  if (!isRecord(value)) {
    report(
      [],
      'a pack file must be a mapping with `pack`, `description`, `programs` and `rules`',
      'see rules/schema.json',
    );
    return undefined;
  }
  unknownKeys(value, packKeys, [], report);
  const name = value.pack;
  if (typeof name !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(name)) {
    report(['pack'], 'pack needs a `pack` name (lowercase, digits, dashes)', 'write `pack: mytool`');
    return undefined;
  }
  if (typeof value.description !== 'string')
    report(['description'], 'pack needs a `description`', 'write one line saying what it guards');
  if (value.programs !== undefined && !isStringList(value.programs)) {
    report(['programs'], '`programs` must be a list of program names', 'write `programs: [rm, rmdir]`');
  }
  if (!Array.isArray(value.rules)) {
    report(['rules'], 'pack needs a `rules` list', 'add `rules:` with at least one rule');
    return undefined;
  }
  const rules: Rule[] = [];
  value.rules.forEach((raw, i) => {
    const rule = validateRule(raw, ['rules', i], name, report);
    if (rule !== undefined) rules.push({ ...rule, source: { file, line: ruleLine(i) } });
  });
  return {
    name,
    description: typeof value.description === 'string' ? value.description : '',
    programs: isStringList(value.programs) ? value.programs : [],
    rules,
    file,
  };
}
