// find: its starting points are the targets; `-delete` removes whatever the expression matches.
// (`-exec CMD` is unwrapped by the parse stage into a command of its own.)

import type { SimpleCommand } from '../parse/command.js';
import type { Recognition, RecognizeContext, Recognizer } from './invocation.js';
import { makeInvocation } from './make-invocation.js';
import { pathTarget } from './paths.js';

const leadingOptions = new Set(['-H', '-L', '-P']);
const expressionStart = new Set(['(', '!', ',', '\\(']);

function recognizeFind(command: SimpleCommand, ctx: RecognizeContext): Recognition {
  const args = command.argv.slice(1);
  let i = 0;
  while (i < args.length) {
    const v = args[i]!.value;
    if (v === undefined || !(leadingOptions.has(v) || v.startsWith('-O') || v === '-D')) break;
    i += v === '-D' ? 2 : 1;
  }
  const starts = [];
  for (; i < args.length; i++) {
    const v = args[i]!.value;
    if (v !== undefined && (v.startsWith('-') || expressionStart.has(v))) break;
    starts.push(args[i]!);
  }
  const expression = args.slice(i).map((w) => w.value ?? w.text);
  const targets =
    starts.length > 0 ? starts.map((w) => pathTarget(w, command, ctx)) : [pathTarget('.', command, ctx)];
  const flags: Record<string, string[]> = {};
  for (const word of expression)
    if (word.startsWith('-')) flags[word.slice(1)] = [...(flags[word.slice(1)] ?? []), ''];
  return {
    invocations: [
      makeInvocation(command, {
        tool: 'find',
        flags,
        positionals: starts.map((w) => w.value ?? w.pattern ?? w.text),
        targets,
        facts: { 'find.delete': expression.includes('-delete') },
      }),
    ],
  };
}

export const findRecognizer: Recognizer = { programs: ['find'], recognize: recognizeFind };
