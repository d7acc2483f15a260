// Commands run elsewhere or as someone else: `ssh host cmd…` and `su -c cmd`, `runuser -c cmd`.

import type { ArgWord, SimpleCommand } from './command.js';
import { createState } from './expand-state.js';
import { dynamicEval, newProcessState, runText } from './nested-run.js';
import {
  hasOption,
  type OptionSpec,
  optionValue,
  type ParsedOptions,
  parseOptions,
} from './unwrap-options.js';
import { joinWords } from './unwrap-types.js';
import type { Frame, Sink } from './walk-types.js';

const SSH_VALUE_OPTIONS = 'bcDEeFIiJLlmOopQRSWwB';

export function runRemote(command: SimpleCommand, frame: Frame, sink: Sink): boolean {
  const parsed = parseOptions(command.argv, 1, { short: SSH_VALUE_OPTIONS });
  if (parsed.dynamic !== undefined)
    return dynamicEval(command, `ssh argument ${parsed.dynamic}`, frame, sink);
  const host = command.argv[parsed.next];
  // OpenSSH reads options after the host too (`ssh host -p 22 -- cmd`), up to `--` or the command.
  const after = parseOptions(command.argv, parsed.next + 1, { short: SSH_VALUE_OPTIONS });
  if (after.dynamic !== undefined) return dynamicEval(command, `ssh argument ${after.dynamic}`, frame, sink);
  parsed.options.push(...after.options);
  const words = command.argv.slice(after.next);
  // `ssh host` alone is an interactive login: nothing to re-parse.
  if (host === undefined || words.length === 0) return false;
  const login = optionValue(parsed, 'l')?.value;
  const hostName = host.value ?? host.text;
  const remote = login && !hostName.includes('@') ? `${login}@${hostName}` : hostName;
  // The remote shell joins the words with spaces and parses them again.
  const joined = joinWords(words);
  const remoteCommand = { ...command, remote };
  if (joined.text === undefined) {
    return dynamicEval(
      remoteCommand,
      `ssh runs a remote command that is not known: ${joined.dynamic ?? ''}`,
      frame,
      sink,
    );
  }
  const word = { text: joined.text, value: joined.text, span: joined.span };
  // Nothing about the remote machine's environment or directory is known.
  return runText(
    remoteCommand,
    word,
    { kind: 'ssh', detail: remote },
    createState({}, undefined),
    frame,
    sink,
  );
}

export const SWITCH_USER_OPTIONS: OptionSpec = {
  short: 'cslgGwu',
  long: ['command', 'session-command', 'shell', 'group', 'supp-group', 'whitelist-environment', 'user'],
};

/** su takes options anywhere: `su - postgres -c 'cmd'`. */
export function parseSwitchUser(argv: ArgWord[]): ParsedOptions {
  const all: ParsedOptions = { options: [], next: argv.length };
  let i = 1;
  while (i < argv.length) {
    const parsed = parseOptions(argv, i, SWITCH_USER_OPTIONS);
    all.options.push(...parsed.options);
    if (parsed.dynamic !== undefined) return { ...all, dynamic: parsed.dynamic };
    if (argv[parsed.next - 1]?.value === '--') return { ...all, next: parsed.next };
    i = parsed.next + 1;
  }
  return all;
}

export function runSwitchUser(command: SimpleCommand, frame: Frame, sink: Sink): boolean {
  const parsed = parseSwitchUser(command.argv);
  if (parsed.dynamic !== undefined)
    return dynamicEval(command, `${command.program} argument ${parsed.dynamic}`, frame, sink);
  const body = optionValue(parsed, 'c', 'command', 'session-command');
  if (body === undefined) return false;
  const login = hasOption(parsed, 'l', 'login') || command.argv.slice(1).some((word) => word.value === '-');
  const state = login ? createState({}, undefined) : newProcessState(command);
  const bodyWord = command.argv.find((word) => word.value === body.value) ?? command.argv[0]!;
  const text =
    body.value === undefined
      ? { text: bodyWord.text, span: bodyWord.span, dynamic: 'not known statically' }
      : { ...bodyWord, value: body.value };
  return runText(command, text, { kind: 'shell -c', detail: command.program }, state, frame, sink);
}
