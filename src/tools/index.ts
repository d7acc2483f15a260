// The recognizer registry: each simple command goes to the recognizer that lists its
// program. Adding a tool family is one file plus one line in `recognizers` below.

import type { ArgWord, SimpleCommand } from '../parse/command.js';
import { airlockRecognizer } from './airlock.js';
import { awsRecognizer } from './aws.js';
import { azRecognizer } from './az.js';
import { azcopyRecognizer } from './azcopy.js';
import { copyMoveRecognizer } from './copy-move.js';
import { crontabRecognizer } from './crontab.js';
import { ddRecognizer } from './dd.js';
import { diskRecognizer } from './disk.js';
import { dockerRecognizer } from './docker.js';
import { sedRecognizer, sqliteRecognizer, teeRecognizer } from './edit-tools.js';
import { shredRecognizer, truncateRecognizer } from './file-content.js';
import { findRecognizer } from './find.js';
import { gcloudRecognizer } from './gcloud.js';
import { gitRecognizer } from './git.js';
import { gsutilRecognizer } from './gsutil.js';
import { helmRecognizer } from './helm.js';
import type { Recognition, RecognizeContext, Recognizer } from './invocation.js';
import { kubectlRecognizer } from './kubectl.js';
import { kustomizeRecognizer } from './kustomize.js';
import { makeInvocation } from './make-invocation.js';
import { mongoRecognizer } from './mongo.js';
import { mongoToolsRecognizer } from './mongo-tools.js';
import { mysqlRecognizer } from './mysql.js';
import { permsRecognizer } from './perms.js';
import { pgToolsRecognizer } from './pg-tools.js';
import { psqlRecognizer } from './psql.js';
import { rcloneRecognizer } from './rclone.js';
import { redirectInvocations } from './redirect.js';
import { redisRecognizer } from './redis.js';
import { rmRecognizer } from './rm.js';
import { rsyncRecognizer } from './rsync.js';
import { editorRecognizer, exportRecognizer, packageManagerRecognizer } from './self-tools.js';
import { shellRecognizer } from './shell.js';
import { sqlite3Recognizer } from './sqlite3.js';
import { terraformRecognizer } from './terraform.js';

export { hazardInvocation } from './shell.js';

export const recognizers: readonly Recognizer[] = [
  rmRecognizer,
  gitRecognizer,
  ddRecognizer,
  diskRecognizer,
  shredRecognizer,
  truncateRecognizer,
  permsRecognizer,
  findRecognizer,
  rsyncRecognizer,
  copyMoveRecognizer,
  sedRecognizer,
  teeRecognizer,
  sqliteRecognizer,
  // Listed after edit-tools' sqlite3 entry, so the SQL-reading recognizer handles sqlite3.
  sqlite3Recognizer,
  psqlRecognizer,
  pgToolsRecognizer,
  mysqlRecognizer,
  shellRecognizer,
  airlockRecognizer,
  crontabRecognizer,
  editorRecognizer,
  packageManagerRecognizer,
  exportRecognizer,
  mongoToolsRecognizer,
  azcopyRecognizer,
  mongoRecognizer,
  redisRecognizer,
  rcloneRecognizer,
  azRecognizer,
  gsutilRecognizer,
  gcloudRecognizer,
  awsRecognizer,
  terraformRecognizer,
  kubectlRecognizer,
  helmRecognizer,
  kustomizeRecognizer,
  dockerRecognizer,
];

const byProgram = new Map<string, Recognizer>();
for (const recognizer of recognizers)
  for (const program of recognizer.programs) byProgram.set(program, recognizer);

/** Programs no recognizer claims (`ls`, `echo`): looked up once per name, not per command. */
const unclaimed = new Set<string>();

export function recognizerFor(program: string): Recognizer | undefined {
  const exact = byProgram.get(program);
  if (exact !== undefined) return exact;
  if (unclaimed.has(program)) return undefined;
  for (const recognizer of recognizers) {
    for (const prefix of recognizer.programPrefixes ?? []) if (program.startsWith(prefix)) return recognizer;
  }
  // Bounded: a line can name any number of made-up programs.
  if (unclaimed.size < 10_000) unclaimed.add(program);
  return undefined;
}

function recognizeUnknownProgram(command: SimpleCommand): Recognition {
  // No grammar known: keep the words so generic rules can still match, interpret nothing.
  const tool = command.program ?? '';
  return {
    invocations: [
      makeInvocation(command, {
        tool,
        flags: {},
        positionals: command.argv.slice(1).map((w) => w.value ?? w.pattern ?? w.text),
        subcommand: [],
        unknowns: [],
        facts: {},
        targets: [],
      }),
    ],
  };
}

export function recognize(original: SimpleCommand, ctx: RecognizeContext): Recognition {
  const command = withBatchInput(original);
  const program = command.program;
  const recognizer = program === undefined ? undefined : recognizerFor(program);
  const recognition =
    recognizer !== undefined ? recognizer.recognize(command, ctx) : recognizeUnknownProgram(command);
  if (command.redirects.length === 0) return recognition;
  const redirects = redirectInvocations(command, ctx);
  if (redirects.length === 0) return recognition;
  return { ...recognition, invocations: [...recognition.invocations, ...redirects] };
}

/**
 * xargs and parallel append the words they read to the command they run (`ls | xargs rm -rf`,
 * `parallel rm -rf ::: / ~`): unless a replacement string places them, the command gets one
 * more argument that is only known at run time.
 */
function withBatchInput(command: SimpleCommand): SimpleCommand {
  const runner = command.origin[command.origin.length - 1]?.kind;
  if (runner !== 'xargs' && runner !== 'parallel') return command;
  if (command.argv.length === 0) return command;
  const wrapper = command.wrappers.findLast((w) => w.name === runner);
  if (runner === 'xargs' && wrapper?.args.some((arg) => /^(-I|-i|--replace)/.test(arg))) return command;
  const filled = runner === 'xargs' ? 'filled in by xargs' : 'filled in by parallel';
  if (command.argv.some((word) => word.dynamic?.startsWith(filled))) return command;
  const last = command.argv[command.argv.length - 1]!;
  const input: ArgWord = {
    text: `<${runner} input>`,
    dynamic: `appended by ${runner} from its input`,
    span: last.span,
  };
  return { ...command, argv: [...command.argv, input] };
}

/** Programs the recognizers and the given packs guard: what `airlock shims install` links. */
export function guardedPrograms(packs: readonly { programs: readonly string[] }[] = []): string[] {
  const names = new Set<string>();
  for (const recognizer of recognizers) {
    if (recognizer.shim === false) continue;
    for (const program of recognizer.programs) names.add(program);
  }
  for (const pack of packs) for (const program of pack.programs) names.add(program);
  // Shells and interpreters are recognized only to see what feeds them; shimming them guards nothing.
  for (const skip of shellRecognizer.programs) names.delete(skip);
  names.delete('airlock');
  names.delete('airlock-sh');
  return [...names].sort();
}
