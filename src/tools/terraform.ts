// terraform, tofu and terragrunt: the verb path behind global options (-chdir), the flags
// that change what apply does (-destroy, -replace, -auto-approve) including those injected
// through TF_CLI_ARGS, and the workspace that says which environment it touches.

import type { SimpleCommand } from '../parse/command.js';
import { lookupEnv } from './cloud-env.js';
import type { Recognition, RecognizeContext, Recognizer, Target } from './invocation.js';
import { makeInvocation } from './make-invocation.js';
import { resolvePath } from './paths.js';
import { emptyArgs, readTfArgs, splitCliArgs, type TfArgs, tfSwitch } from './terraform-argv.js';
import { terragruntWords } from './terraform-terragrunt.js';
import { workspaceHint } from './terraform-workspace.js';

/** Verbs whose first positional is a second verb (`state rm`, `workspace delete`). */
const nestedVerbs = new Set(['state', 'workspace', 'providers', 'metadata']);
/** Verbs whose behaviour TF_CLI_ARGS can turn destructive, so a dynamic value there matters. */
const changingVerbs = new Set(['apply', 'destroy', 'import', 'refresh', 'state', 'taint', 'untaint']);

interface Word {
  value: string | undefined;
  text: string;
}

function splitVerb(words: readonly Word[]): {
  global: TfArgs;
  verb: string[];
  rest: Word[];
  dynamicVerb?: string;
} {
  const global = emptyArgs();
  let i = 0;
  while (i < words.length) {
    const value = words[i]!.value;
    if (value === undefined) return { global, verb: [], rest: [], dynamicVerb: words[i]!.text };
    if (!value.startsWith('-')) break;
    // Only -chdir takes a separate value among terraform's global options.
    const takesNext = /^--?chdir$/.test(value);
    readTfArgs(takesNext ? [value, words[i + 1]?.value] : [value], global);
    i += takesNext ? 2 : 1;
  }
  const verb = words[i]?.value;
  if (verb === undefined) return { global, verb: [], rest: [] };
  const path = [verb];
  let rest = words.slice(i + 1);
  if (nestedVerbs.has(verb)) {
    const sub = rest.findIndex((w) => w.value === undefined || !w.value.startsWith('-'));
    const subWord = sub === -1 ? undefined : rest[sub]!;
    if (subWord?.value !== undefined) {
      path.push(subWord.value);
      rest = [...rest.slice(0, sub), ...rest.slice(sub + 1)];
    }
  }
  return { global, verb: path, rest };
}

function injectedArgs(command: SimpleCommand, verb: string, args: TfArgs, unknowns: string[]): string[] {
  const injected: string[] = [];
  for (const name of ['TF_CLI_ARGS', `TF_CLI_ARGS_${verb.replaceAll('-', '_')}`]) {
    const found = lookupEnv(command, name);
    if (found.state === 'dynamic' && changingVerbs.has(verb))
      unknowns.push(`${name} is not known before it runs`);
    if (found.state !== 'set') continue;
    // terraform puts these arguments before the ones on the command line.
    const extra = emptyArgs();
    readTfArgs(splitCliArgs(found.value), extra);
    for (const [flag, values] of Object.entries(extra.flags)) {
      args.flags[flag] = [...values, ...(args.flags[flag] ?? [])];
      injected.push(flag);
    }
  }
  return injected;
}

function recognizeTerraform(command: SimpleCommand, ctx: RecognizeContext): Recognition {
  const program = command.program ?? 'terraform';
  let words: Word[] = command.argv.slice(1).map((w) => ({ value: w.value, text: w.text }));
  const unknowns: string[] = [];
  const facts: Record<string, string | boolean | number> = {};
  let workDir = command.cwd;
  if (program === 'terragrunt') {
    const tg = terragruntWords(words);
    words = tg.words;
    if (tg.allModules) facts['tf.all-modules'] = true;
    if (tg.workingDir !== undefined && workDir !== undefined)
      workDir = resolvePath(tg.workingDir, workDir, ctx.fs);
    if (tg.help) facts.help = true;
  }
  const { global, verb, rest, dynamicVerb } = splitVerb(words);
  if (dynamicVerb !== undefined) unknowns.push(`${program} verb ${dynamicVerb} is not known before it runs`);
  for (const dir of global.flags.chdir ?? [])
    workDir = workDir === undefined ? undefined : resolvePath(dir, workDir, ctx.fs);
  const args = emptyArgs();
  readTfArgs(
    rest.map((w) => w.value),
    args,
    rest.map((w) => w.text),
  );
  const first = verb[0] ?? '';
  const injected = verb.length > 0 ? injectedArgs(command, first, args, unknowns) : [];
  if (injected.length > 0) facts['tf.injected'] = injected.join(',');
  if (args.dynamic.length > 0 && changingVerbs.has(first))
    unknowns.push(`${program} ${first} has arguments not known before it runs: ${args.dynamic.join(' ')}`);
  const flags = args.flags;
  if (
    global.flags.help ||
    global.flags.h ||
    flags.help ||
    flags.h ||
    (verb.length === 0 && global.flags.version)
  )
    facts.help = true;
  facts['tf.auto-approve'] = tfSwitch(flags, 'auto-approve');
  facts['tf.destroy'] = first === 'destroy' || (first === 'apply' && tfSwitch(flags, 'destroy'));
  facts['tf.replace'] = flags.replace !== undefined;
  facts['tf.refresh-only'] = tfSwitch(flags, 'refresh-only');
  facts['tf.saved-plan'] = first === 'apply' && args.positionals.length > 0;
  if (tfSwitch(flags, 'dry-run')) facts['dry-run'] = true;
  const workspace = workspaceHint(command, workDir, ctx);
  if (workspace.value !== undefined) facts['tf.workspace'] = workspace.value;
  const targets: Target[] = [];
  for (const name of ['target', 'replace'] as const)
    for (const value of flags[name] ?? []) targets.push({ kind: 'resource', value });
  if (first === 'state' || first === 'taint' || first === 'untaint' || first === 'import') {
    const address = args.positionals[0];
    if (address !== undefined) targets.push({ kind: 'resource', value: address });
  }
  if (first === 'workspace' && verb[1] === 'delete') {
    const name = args.positionals[0];
    targets.push(
      name === undefined
        ? { kind: 'workspace', dynamic: 'no workspace named' }
        : { kind: 'workspace', value: name },
    );
  }
  const invocation = makeInvocation(command, {
    tool: 'terraform',
    subcommand: verb,
    flags: { ...global.flags, ...flags },
    positionals: args.positionals,
    targets,
    envHints: [workspace],
    facts,
    unknowns,
  });
  return { invocations: [invocation] };
}

export const terraformRecognizer: Recognizer = {
  programs: ['terraform', 'tofu', 'terragrunt'],
  recognize: recognizeTerraform,
};
