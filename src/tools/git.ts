// git: the verb path behind global options, and facts for the verbs that discard work
// or rewrite history (force pushes, hard resets, clean -f, branch -D…).

import type { SimpleCommand } from '../parse/command.js';
import { hasFlag, lastFlag, type ParsedArgv, parseArgv } from './argv.js';
import { gitFacts } from './git-facts.js';
import { currentBranch, findGitRepo } from './git-repo.js';
import { gitTables } from './git-spec.js';
import type { EnvHint, Recognition, RecognizeContext, Recognizer, Target } from './invocation.js';
import { argsOf, makeInvocation } from './make-invocation.js';
import { pathTarget, resolvePath } from './paths.js';

/** The command as git sees it after `-C dir` and `--work-tree`. */
function effectiveCommand(command: SimpleCommand, parsed: ParsedArgv, ctx: RecognizeContext): SimpleCommand {
  let cwd = command.cwd;
  for (const dir of parsed.globalFlags.directory ?? []) {
    // `git -C "$X"` leaves the repository unknown.
    cwd = cwd === undefined ? undefined : resolvePath(dir, cwd, ctx.fs);
  }
  return cwd === command.cwd ? command : { ...command, cwd };
}

function recognizeGit(command: SimpleCommand, ctx: RecognizeContext): Recognition {
  const parsed = parseArgv(argsOf(command), gitTables().gitSpec);
  const unknowns: string[] = [];
  let dynamicVerb = false;
  if (parsed.subcommand.length === 0) {
    // Verbs without a spec (status, log, commit…): their options are read generically.
    const [verbWord, ...restWords] = parsed.positionalWords;
    const rest = parseArgv(restWords, {});
    parsed.globalFlags = parsed.flags;
    parsed.flags = rest.flags;
    parsed.positionals = rest.positionals;
    parsed.positionalWords = rest.positionalWords;
    parsed.dashDashAt = rest.dashDashAt;
    if (verbWord !== undefined) {
      parsed.subcommand = [verbWord.value ?? verbWord.text];
      // `git $VERB …` hides what runs.
      if (verbWord.value === undefined)
        unknowns.push(`git verb ${verbWord.text} is not known before it runs`);
      dynamicVerb = verbWord.value === undefined;
    }
  }
  const effective = effectiveCommand(command, parsed, ctx);
  const envHints: EnvHint[] = [];
  const targets: Target[] = [];
  const workTree = lastFlag(parsed.globalFlags, 'work-tree');
  const repo = effective.cwd === undefined ? undefined : findGitRepo(effective.cwd, ctx.fs);
  const gitDirFlag = lastFlag(parsed.globalFlags, 'git-dir');
  const gitDir =
    gitDirFlag !== undefined && effective.cwd !== undefined
      ? resolvePath(gitDirFlag, effective.cwd, ctx.fs)
      : repo?.gitDir;
  if (gitDir !== undefined) {
    const branch = currentBranch(gitDir, ctx.fs);
    if (branch !== undefined) envHints.push({ kind: 'git-branch', value: branch, source: `${gitDir}/HEAD` });
  }
  const facts = gitFacts(parsed, effective, ctx);
  const { refTargets, remote, pathspecs, worktree } = facts.shape;
  if (remote !== undefined) {
    envHints.push({ kind: 'git-remote', value: remote, source: 'git push argument' });
    targets.push({ kind: 'remote', value: remote });
  }
  for (const ref of refTargets) targets.push(ref);
  for (const spec of pathspecs) targets.push(pathTarget(spec, effective, ctx));
  if (worktree) {
    const root = workTree ?? repo?.root ?? effective.cwd;
    targets.push(root === undefined ? pathTarget('.', effective, ctx) : pathTarget(root, effective, ctx));
  }
  const invocation = makeInvocation(command, {
    tool: 'git',
    parsed,
    targets,
    envHints,
    facts: Object.assign({}, facts.values, { 'dynamic-verb': dynamicVerb }),
    unknowns,
  });
  if (hasFlag(parsed.globalFlags, 'help')) (invocation.facts as Record<string, boolean>).help = true;
  return { invocations: [invocation] };
}

export const gitRecognizer: Recognizer = { programs: ['git'], recognize: recognizeGit };
