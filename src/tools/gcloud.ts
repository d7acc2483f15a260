// gcloud: the command group path and its verb (`compute instances delete`), positionals,
// --quiet, the storage transfer commands, and the project the command acts in.

import { once } from '../once.js';
import type { SimpleCommand } from '../parse/command.js';
import { parseVerbCommand, type VerbGrammar, verbHead } from './cloud-verbs.js';
import { gcloudHints } from './gcloud-config.js';
import { storageTargets, storageTransferFacts } from './gsutil.js';
import type { Recognition, RecognizeContext, Recognizer, Target } from './invocation.js';
import { makeInvocation } from './make-invocation.js';

/** gcloud's tables, built on first use: most commands airlock judges are not gcloud. */
const tables = once(() => {
  /** Command names across gcloud's groups: the first of these in the path is the verb. */
  const verbHeads = new Set(
    (
      'delete remove reset stop purge destroy suspend resume restart detach attach list describe get show info read ' +
      'access print tail browse wait ls cat du hash search lookup test validate create update set unset add deploy ' +
      'submit ssh scp start resize patch import export enable disable login logout activate run execute connect ' +
      'cancel rollback restore clone move rename replace apply call publish pull ack undelete snapshot simulate ' +
      'abandon recreate promote failover cp mv rm rsync sign init version help configure revoke install upgrade ' +
      'generate check explain diff setup bind unbind'
    ).split(' '),
  );
  /** Commands directly under `gcloud`, not groups. */
  const topLevel = new Set([
    'info',
    'init',
    'version',
    'help',
    'feedback',
    'cheat-sheet',
    'survey',
    'docker',
    'topic',
  ]);
  /** Groups that only change this machine (credentials, config, installed components). */
  const localGroups = new Set([
    'config',
    'auth',
    'components',
    'init',
    'info',
    'version',
    'help',
    'topic',
    'emulators',
    'cheat-sheet',
    'feedback',
    'survey',
  ]);

  const grammar: VerbGrammar = {
    switches: new Set([
      'quiet',
      'async',
      'force',
      'recursive',
      'all',
      'dry-run',
      'help',
      'log-http',
      'continue-on-error',
      'all-versions',
      'delete-unmatched-destination-objects',
      'no-clobber',
      'preserve-posix',
      'verbose',
      'yes',
      'skip-if-dest-has-newer-mtime',
      'include-managed-folders',
    ]),
    shortSwitches: 'qrRh',
    shortNames: { q: 'quiet', r: 'recursive', R: 'recursive', h: 'help' },
    isVerb: (word, index) => (index === 0 ? topLevel.has(word) : verbHeads.has(verbHead(word))),
  };
  return { localGroups, grammar };
});

function recognizeGcloud(command: SimpleCommand, ctx: RecognizeContext): Recognition {
  let words = command.argv.slice(1);
  // Release tracks select the same commands.
  const track = words[0]?.value;
  if (track === 'alpha' || track === 'beta' || track === 'preview') words = words.slice(1);
  const { localGroups, grammar } = tables();
  const parsed = parseVerbCommand(words, grammar);
  const { path, verb, flags } = parsed;
  const unknowns: string[] = [];
  if (parsed.dynamic.length > 0)
    unknowns.push(`gcloud ${[...path, ...parsed.dynamic].join(' ')} is not known before it runs`);
  const facts: Record<string, string | boolean> = {};
  if (verb !== undefined) {
    facts.verb = verb;
    facts['verb.head'] = verbHead(verb);
  }
  if (flags.help !== undefined || verb === 'help' || path.length === 0) facts.help = true;
  facts.quiet = flags.quiet !== undefined;
  facts['gcloud.local'] = path[0] !== undefined && localGroups.has(path[0]);
  let targets: Target[] = parsed.positionals.map((value) => ({ kind: 'resource', value }));
  if (
    path[0] === 'storage' &&
    path.length === 2 &&
    verb !== undefined &&
    ['cp', 'mv', 'rm', 'rsync'].includes(verb)
  ) {
    facts['gcloud.transfer'] = true;
    Object.assign(facts, storageTransferFacts(verb, parsed.positionals, flags));
    targets = storageTargets(parsed.positionals);
  }
  if (flags['dry-run'] !== undefined) facts['dry-run'] = true;
  const envHints = facts['gcloud.local']
    ? []
    : gcloudHints(
        command,
        {
          project: flags.project?.at(-1),
          configuration: flags.configuration?.at(-1),
          dynamic: parsed.dynamicFlags.includes('project') || parsed.dynamicFlags.includes('configuration'),
        },
        ctx,
      );
  const invocation = makeInvocation(command, {
    tool: 'gcloud',
    subcommand: path,
    flags,
    positionals: parsed.positionals,
    targets,
    envHints,
    facts,
    unknowns,
  });
  return { invocations: [invocation] };
}

export const gcloudRecognizer: Recognizer = { programs: ['gcloud'], recognize: recognizeGcloud };
