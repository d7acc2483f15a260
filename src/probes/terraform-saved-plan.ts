// The run side of the terraform measurement: an approved `terraform apply`/`destroy` runs as
// `terraform apply PLANFILE` with the plan that was measured and shown, so what runs is what
// was approved. If the state changed since, terraform refuses the stale plan itself.

import { existsSync } from 'node:fs';

export interface SavedPlanRun {
  /** Arguments after the program: the global options kept, then `apply -input=false PLAN`. */
  args: string[];
  /** Variables for the child: TF_CLI_ARGS* were folded into the plan and must not be added again. */
  env: Record<string, string>;
}

const verbs = new Set(['apply', 'destroy']);
/** Options whose value may follow as the next word (`-var n=5`). */
const valueOptions = new Set([
  'var',
  'var-file',
  'target',
  'replace',
  'exclude',
  'state',
  'state-out',
  'backup',
  'lock-timeout',
  'parallelism',
]);

function hasPlanFile(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (!word.startsWith('-')) return true;
    if (!word.includes('=') && valueOptions.has(word.replace(/^--?/, ''))) i++;
  }
  return false;
}

/**
 * The command to run instead of `args` (argv after `terraform`/`tofu`), or undefined when it is
 * not an apply/destroy, already applies a saved plan, or the plan file is gone.
 */
export function savedPlanCommand(args: readonly string[], planFile: string): SavedPlanRun | undefined {
  if (!existsSync(planFile)) return undefined;
  const globals: string[] = [];
  let i = 0;
  while (i < args.length && (args[i] as string).startsWith('-')) {
    const word = args[i] as string;
    globals.push(word);
    if (/^--?chdir$/.test(word) && args[i + 1] !== undefined) globals.push(args[++i] as string);
    i++;
  }
  const verb = args[i];
  if (verb === undefined || !verbs.has(verb)) return undefined;
  const rest = args.slice(i + 1);
  // `terraform apply tfplan` already applies a fixed plan.
  if (verb === 'apply' && hasPlanFile(rest)) return undefined;
  return {
    args: [...globals, 'apply', '-input=false', planFile],
    env: { TF_CLI_ARGS: '', TF_CLI_ARGS_apply: '' },
  };
}
