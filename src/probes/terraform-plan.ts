// terraform/tofu apply and destroy: a real `plan -out` to a temporary file with the same
// variables, targets and working directory, then `show -json` of it. The plan file is kept
// as the measurement's artifact so the approved command can apply exactly that plan.

import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Invocation } from '../tools/invocation.js';
import { formatCount } from './fs-format.js';
import { registerProbe } from './registry.js';
import {
  type PlanChanges,
  planLineCounts,
  preventDestroyAddresses,
  readPlan,
} from './terraform-plan-read.js';
import type { Probe, ProbeContext } from './types.js';

type Result = Awaited<ReturnType<Probe['measure']>>;

/** Options of apply/destroy that shape the plan and that `plan` accepts as well. */
const planOptions = [
  'var',
  'var-file',
  'target',
  'replace',
  'exclude',
  'refresh',
  'refresh-only',
  'parallelism',
  'state',
];

/** TF_CLI_ARGS* were already folded into the invocation's flags; terraform must not add them again. */
const cleared = { TF_CLI_ARGS: '', TF_CLI_ARGS_plan: '', TF_CLI_ARGS_show: '', TF_IN_AUTOMATION: '1' };

function globalArgs(invocation: Invocation): string[] {
  const chdir = invocation.flags.chdir?.at(-1);
  return chdir === undefined ? [] : [`-chdir=${chdir}`];
}

export function planArgs(invocation: Invocation, planFile: string): string[] {
  const args = [
    ...globalArgs(invocation),
    'plan',
    `-out=${planFile}`,
    '-input=false',
    '-lock=false',
    '-no-color',
  ];
  const destroy = invocation.facts['tf.destroy'] === true;
  if (destroy) args.push('-destroy');
  for (const name of planOptions)
    for (const value of invocation.flags[name] ?? [])
      args.push(value === '' ? `-${name}` : `-${name}=${value}`);
  return args;
}

function summarize(changes: PlanChanges): string {
  const parts = [
    changes.destroy.length > 0 ? `${changes.destroy.length} to destroy` : '',
    changes.replace.length > 0 ? `${changes.replace.length} to replace` : '',
    changes.update.length > 0 ? `${changes.update.length} to update` : '',
    changes.create.length > 0 ? `${changes.create.length} to create` : '',
  ].filter((p) => p !== '');
  const text = parts.length === 0 ? 'no changes' : parts.join(', ');
  return changes.stateful.length > 0
    ? `${text} (${formatCount(changes.stateful.length, 'holds', 'hold')} data)`
    : text;
}

function items(changes: PlanChanges, max: number): string[] {
  const stateful = new Set(changes.stateful);
  const mark = (a: string) => (stateful.has(a) ? `${a} (holds data)` : a);
  return [
    ...changes.destroy.map((a) => `destroy ${mark(a)}`),
    ...changes.replace.map((a) => `replace ${mark(a)}`),
    ...changes.update.map((a) => `update ${a}`),
    ...changes.create.map((a) => `create ${a}`),
  ].slice(0, max);
}

async function showPlan(
  program: string,
  invocation: Invocation,
  planFile: string,
  ctx: ProbeContext,
  artifact: string | undefined,
): Promise<Result> {
  const shown = await ctx.exec(program, [...globalArgs(invocation), 'show', '-json', '-no-color', planFile], {
    env: cleared,
  });
  if (shown.code !== 0)
    return {
      status: 'unknown',
      summary: 'plan unknown',
      recoverability: 'unknown',
      reason: lastLine(shown.stderr),
    };
  const changes = readPlan(shown.stdout);
  const losing = changes.destroy.length + changes.replace.length;
  return {
    summary: summarize(changes),
    counts: {
      create: changes.create.length,
      update: changes.update.length,
      replace: changes.replace.length,
      destroy: changes.destroy.length,
      stateful: changes.stateful.length,
    },
    items: items(changes, ctx.maxItems),
    recoverability: losing === 0 ? 'recoverable' : 'not recoverable',
    recovery:
      losing === 0
        ? 'nothing is destroyed'
        : 'destroyed resources are re-created empty by a later apply; data in them is gone unless backed up elsewhere',
    ...(artifact === undefined ? {} : { artifact }),
  };
}

function lastLine(text: string): string {
  const lines = text
    .replace(/[│╷╵]/g, '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return lines.find((l) => l.startsWith('Error:')) ?? lines.at(-1) ?? 'terraform failed';
}

const measureTerraformPlan: Probe['measure'] = async (subject, ctx) => {
  const invocation = subject.invocation;
  const program = invocation.program === 'tofu' ? 'tofu' : 'terraform';
  if (invocation.program === 'terragrunt' || invocation.facts['tf.all-modules'] === true)
    return {
      status: 'unknown',
      summary: 'plan unknown',
      recoverability: 'unknown',
      reason: 'terragrunt runs are not planned by airlock yet',
    };
  const saved = invocation.facts['tf.saved-plan'] === true ? invocation.positionals[0] : undefined;
  if (saved !== undefined) return showPlan(program, invocation, saved, ctx, undefined);
  // Under airlock's data dir when the guard measures: the plan outlives a queued wait.
  if (ctx.artifactDir !== undefined) await mkdir(ctx.artifactDir, { recursive: true, mode: 0o700 });
  const dir = await mkdtemp(join(ctx.artifactDir ?? tmpdir(), 'airlock-tfplan-'));
  const planFile = join(dir, 'plan.tfplan');
  const plan = await ctx.exec(program, planArgs(invocation, planFile), { env: cleared });
  if (plan.code !== 0) {
    const output = `${plan.stdout}\n${plan.stderr}`;
    const guarded = preventDestroyAddresses(output);
    if (guarded.length > 0) {
      const counts = planLineCounts(plan.stdout);
      return {
        status: 'done',
        summary: `refused by prevent_destroy on ${guarded.join(', ')}${counts === undefined ? '' : ` (the plan would destroy ${counts.destroy})`}`,
        counts: {
          preventDestroy: guarded.length,
          ...(counts === undefined ? {} : { destroy: counts.destroy }),
        },
        items: guarded.map((a) => `prevent_destroy: ${a}`),
        recoverability: 'recoverable',
        recovery: 'terraform will refuse this plan: prevent_destroy protects these resources',
      };
    }
    return {
      status: 'unknown',
      summary: 'plan unknown',
      recoverability: 'unknown',
      reason: lastLine(plan.stderr || plan.stdout),
    };
  }
  return showPlan(program, invocation, planFile, ctx, planFile);
};

registerProbe({ name: 'terraform-plan', measure: measureTerraformPlan });
