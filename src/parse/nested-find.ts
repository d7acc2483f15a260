// `find … -exec CMD {} ;` runs CMD for each file found: the inner command is reported too,
// with `{}` marked as filled in at run time. The find itself stays (for `-delete`).

import type { ArgWord, SimpleCommand } from './command.js';
import { copyFrame, type Frame, type Sink } from './walk-types.js';

const EXEC_ACTIONS = new Set(['-exec', '-execdir', '-ok', '-okdir']);
const FOUND = 'a file found by find';

export type DispatchInner = (argv: ArgWord[], draft: SimpleCommand, frame: Frame) => void;

export function emitFindExecs(
  command: SimpleCommand,
  frame: Frame,
  sink: Sink,
  dispatch: DispatchInner,
): void {
  const argv = command.argv;
  for (let i = 1; i < argv.length; i++) {
    const action = argv[i]!.value;
    if (action === undefined || !EXEC_ACTIONS.has(action)) continue;
    let end = i + 1;
    while (end < argv.length && argv[end]!.value !== ';' && argv[end]!.value !== '+') end++;
    const inner = argv.slice(i + 1, end);
    if (inner.length > 0 && !sink.limitReached) {
      const draft: SimpleCommand = {
        ...command,
        argv: inner,
        // find's own arguments up to the action: what it selects decides what `{}` can be.
        wrappers: [
          ...command.wrappers,
          { name: 'find', args: argv.slice(1, i + 1).map((word) => word.value ?? word.text) },
        ],
        origin: [...command.origin, { kind: 'find -exec', detail: action }],
        stdin: undefined,
        program: undefined,
        programPath: undefined,
        // -execdir runs in each file's directory.
        cwd: action.endsWith('dir') ? undefined : command.cwd,
      };
      const innerFrame = copyFrame(frame);
      innerFrame.placeholder = { token: '{}', reason: FOUND };
      dispatch(inner, draft, innerFrame);
    }
    i = end;
  }
}
