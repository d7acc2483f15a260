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
  const deletes = expression.includes('-delete');
  const startWords = starts.length > 0 ? starts : ['.'];
  // With -delete the matches lie inside each starting point: judged like a glob's container,
  // so `find /tmp -name 'x-*' -delete` deletes only temp files.
  const targets = startWords.map((w) => {
    const target = pathTarget(w, command, ctx);
    if (!deletes || target.value === undefined || target.resolved === undefined) return target;
    return { ...target, pattern: `${target.value.replace(/\/+$/, '')}/**` };
  });
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
        facts: { 'find.delete': deletes },
      }),
    ],
  };
}

export const findRecognizer: Recognizer = { programs: ['find'], recognize: recognizeFind };
