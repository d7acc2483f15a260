// Wrappers that run a command repeatedly or from input: watch, xargs, GNU parallel, flock.

import type { ArgWord } from './command.js';
import { hasOption, optionValue, parseOptions, wordTexts } from './unwrap-options.js';
import { joinWords, syntheticWord, type UnwrapStep } from './unwrap-types.js';

export function unwrapWatch(argv: ArgWord[]): UnwrapStep {
  const parsed = parseOptions(argv, 1, { short: 'nq', long: ['interval', 'equexit'] });
  const wrapper = { name: 'watch', args: wordTexts(argv, 1, parsed.next) };
  if (parsed.dynamic !== undefined)
    return { kind: 'stuck', reason: `watch argument ${parsed.dynamic}`, wrapper };
  if (parsed.next >= argv.length) return { kind: 'none' };
  if (hasOption(parsed, 'x', 'exec')) {
    return {
      kind: 'inner',
      argv: argv.slice(parsed.next),
      wrapper,
      origin: { kind: 'watch', detail: 'watch' },
    };
  }
  // Without -x, watch joins its arguments and runs them with `sh -c`.
  const joined = joinWords(argv.slice(parsed.next));
  return { kind: 'script', ...joined, wrapper, origin: { kind: 'watch', detail: 'watch' } };
}

export function unwrapXargs(argv: ArgWord[]): UnwrapStep {
  const parsed = parseOptions(argv, 1, {
    short: 'adEILnPs',
    attachedOnly: 'eil',
    long: [
      'arg-file',
      'delimiter',
      'eof',
      'replace',
      'max-lines',
      'max-args',
      'max-procs',
      'max-chars',
      'process-slot-var',
    ],
  });
  const wrapper = { name: 'xargs', args: wordTexts(argv, 1, parsed.next) };
  if (parsed.dynamic !== undefined)
    return { kind: 'stuck', reason: `xargs argument ${parsed.dynamic}`, wrapper };
  const replace = optionValue(parsed, 'I', 'i', 'replace');
  const token = replace ? (replace.value ?? '{}') : undefined;
  // With no command, xargs runs echo.
  const inner = parsed.next < argv.length ? argv.slice(parsed.next) : [syntheticWord('echo', argv[0]!)];
  const origin = { kind: 'xargs' as const, detail: 'xargs' };
  if (token === undefined) return { kind: 'inner', argv: inner, wrapper, origin };
  const placeholder = { token, reason: 'filled in by xargs from its input' };
  return { kind: 'inner', argv: inner, wrapper, origin, placeholder };
}

const PARALLEL_SEPARATORS = new Set([':::', '::::', ':::+', '::::+']);

export function unwrapParallel(argv: ArgWord[]): UnwrapStep {
  const parsed = parseOptions(argv, 1, {
    short: 'jSaIdnNELsC',
    long: [
      'jobs',
      'sshlogin',
      'arg-file',
      'delimiter',
      'max-args',
      'max-replace-args',
      'eof',
      'max-lines',
      'max-chars',
      'colsep',
      'joblog',
      'results',
      'tmpdir',
      'workdir',
      'timeout',
      'delay',
      'halt',
      'memfree',
      'load',
      'basefile',
      'return',
      'transferfile',
      'env',
      'sshloginfile',
      'tagstring',
      'retries',
    ],
  });
  const wrapper = { name: 'parallel', args: wordTexts(argv, 1, parsed.next) };
  const origin = { kind: 'parallel' as const, detail: 'parallel' };
  if (parsed.dynamic !== undefined)
    return { kind: 'stuck', reason: `parallel argument ${parsed.dynamic}`, wrapper };
  let end = parsed.next;
  while (end < argv.length && !PARALLEL_SEPARATORS.has(argv[end]!.value ?? '')) end++;
  const span = argv[0]!.span;
  if (end === parsed.next) {
    // No template: each input is itself a command line.
    if (end >= argv.length)
      return {
        kind: 'script',
        dynamic: 'parallel runs command lines read from its input',
        span,
        wrapper,
        origin,
      };
    const inputs = argv.slice(end + 1).filter((word) => !PARALLEL_SEPARATORS.has(word.value ?? ''));
    const joined = joinWords(inputs);
    if (joined.dynamic !== undefined) return { kind: 'script', ...joined, wrapper, origin };
    const text = inputs.map((word) => word.value ?? word.pattern ?? '').join('\n');
    return { kind: 'script', text, span: joined.span, wrapper, origin };
  }
  const replace = optionValue(parsed, 'I');
  const token = replace?.value ?? '{';
  return {
    kind: 'script',
    ...joinWords(argv.slice(parsed.next, end)),
    wrapper,
    origin,
    placeholder: { token, reason: 'filled in by parallel from its input' },
  };
}

export function unwrapFlock(argv: ArgWord[]): UnwrapStep {
  const spec = { short: 'wEc', long: ['timeout', 'conflict-exit-code', 'command'] };
  const parsed = parseOptions(argv, 1, spec);
  const wrapper = { name: 'flock', args: wordTexts(argv, 1, Math.min(parsed.next + 1, argv.length)) };
  if (parsed.dynamic !== undefined)
    return { kind: 'stuck', reason: `flock argument ${parsed.dynamic}`, wrapper };
  // After the lock file, options may come again: `flock f -c 'cmd'`.
  const after = parseOptions(argv, parsed.next + 1, spec);
  const command = optionValue(parsed, 'c', 'command') ?? optionValue(after, 'c', 'command');
  if (command) {
    const span = argv[Math.min(after.next, argv.length) - 1]?.span ?? argv[0]!.span;
    const origin = { kind: 'shell -c' as const, detail: 'flock' };
    if (command.value === undefined)
      return { kind: 'script', dynamic: 'flock -c command is not known statically', span, wrapper, origin };
    return { kind: 'script', text: command.value, span, wrapper, origin };
  }
  if (after.next >= argv.length) return { kind: 'none' };
  return { kind: 'inner', argv: argv.slice(after.next), wrapper };
}
