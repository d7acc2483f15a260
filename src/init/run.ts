// `airlock init`: survey the project, plan .airlockrc.yaml and each chosen harness's files,
// then write them (or show the diff), and print the manual steps each harness needs.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectConfigNames } from '../config/find.js';
import { airlockMergeEdit } from './airlockrc.js';
import { suggestConfig } from './config-entries.js';
import { detectProject } from './detect.js';
import { unifiedDiff } from './diff.js';
import type { InitContext } from './harness-context.js';
import { harnessSpecs, type InitHarness, initHarnessNames } from './harnesses.js';
import { planEdits, writeOutcomes } from './plan.js';
import type { FileEdit, FileOutcome } from './plan-types.js';
import { readSmallText } from './read-small.js';
import { renderDetection } from './summary.js';

export interface InitOptions {
  root: string;
  /** Named harnesses, every harness, or those the project already shows signs of. */
  harnesses: readonly InitHarness[] | 'all' | 'detected';
  local: boolean;
  dryRun: boolean;
  shimDir: string;
  home?: string;
}

export interface InitResult {
  text: string;
  outcomes: FileOutcome[];
  harnesses: InitHarness[];
}

export function detectedHarnesses(root: string): InitHarness[] {
  return initHarnessNames.filter((name) => harnessSpecs[name].markers.some((m) => existsSync(join(root, m))));
}

function chooseHarnesses(options: InitOptions): InitHarness[] {
  if (options.harnesses === 'all') return [...initHarnessNames];
  if (options.harnesses === 'detected') return detectedHarnesses(options.root);
  return [...new Set(options.harnesses)];
}

/** Another airlock config file at the root: init does not add a second one beside it. */
function otherConfigFile(root: string): string | undefined {
  for (const name of projectConfigNames) {
    if (name === '.airlockrc.yaml' || !existsSync(join(root, name))) continue;
    if (name !== 'package.json') return name;
    try {
      if (
        (JSON.parse(readSmallText(join(root, name)) ?? '{}') as { airlock?: unknown }).airlock !== undefined
      )
        return name;
    } catch {
      // Not JSON: not airlock's config either.
    }
  }
  return undefined;
}

const statusWords: Record<FileOutcome['status'], [string, string]> = {
  created: ['created', 'would create'],
  updated: ['updated', 'would update'],
  unchanged: ['unchanged', 'unchanged'],
  skipped: ['skipped', 'skipped'],
};

export function runInit(options: InitOptions): InitResult {
  const { root } = options;
  const harnesses = chooseHarnesses(options);
  const detection = detectProject(root);
  const suggestions = suggestConfig(detection);
  const ctx: InitContext = { root, local: options.local, shimDir: options.shimDir, home: options.home };

  const edits: FileEdit[] = [];
  const other = otherConfigFile(root);
  if (other === undefined) edits.push(airlockMergeEdit(suggestions));
  for (const name of harnesses) edits.push(...harnessSpecs[name].edits(ctx));
  const outcomes = planEdits(root, edits);
  if (!options.dryRun) writeOutcomes(root, outcomes);

  const out: string[] = [`airlock init${options.dryRun ? ' --dry-run' : ''} in ${root}`, '', 'Found:'];
  out.push(...renderDetection(detection));
  out.push('', 'Config (.airlockrc.yaml):');
  if (other !== undefined)
    out.push(`  ${other} already holds airlock config; .airlockrc.yaml not written beside it`);
  for (const e of suggestions.entries) out.push(`  ${e.key}: ${e.value}  (${e.comment})`);
  if (suggestions.entries.length === 0) out.push('  no production names or protected targets to add');
  for (const u of suggestions.unresolved) out.push(`  environment unknown: ${u}`);

  out.push(
    '',
    `Harnesses: ${harnesses.length ? harnesses.join(', ') : 'none chosen (pass --harness NAME or --all)'}`,
  );
  out.push('', 'Files:');
  for (const o of outcomes) {
    out.push(`  ${statusWords[o.status][options.dryRun ? 1 : 0].padEnd(12)} ${o.path}`);
    for (const note of o.notes) out.push(...note.split('\n').map((l) => `               ${l}`));
  }
  if (options.dryRun) {
    const diffs = outcomes
      .filter((o) => o.after !== undefined)
      .map((o) => unifiedDiff(o.path, o.before, o.after!));
    if (diffs.length) out.push('', ...diffs.map((d) => d.replace(/\n$/, '')));
    out.push('', 'Nothing was written (--dry-run).');
  }
  if (!existsSync(options.shimDir)) {
    out.push('', `The shims are not installed (${options.shimDir}): run airlock shims install`);
  }
  if (harnesses.length) {
    out.push('', 'Next, by hand (each harness needs this once):');
    for (const name of harnesses) out.push(`  ${name}: ${harnessSpecs[name].trust}`);
    const advice = harnesses.filter((n) => harnessSpecs[n].advice !== undefined);
    if (advice.length) {
      out.push('', 'Not done by init:');
      for (const name of advice) out.push(`  ${name}: ${harnessSpecs[name].advice}`);
    }
  }
  return { text: `${out.join('\n')}\n`, outcomes, harnesses };
}
