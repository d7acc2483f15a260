// askPerson: the approval prompt on the controlling terminal. Loads Ink only here, resolves
// exactly one outcome, and leaves the terminal as it found it on every path.

import { openTerminal } from './prompt/tty.js';
import type { ApprovalView, BlastRadius, PromptOutcome } from './types.js';
import { colorEnabled } from './ui/color.js';
import { loadUi } from './ui/load-ui.js';

/** Keys typed in the first moment after the prompt appears cannot approve (type-ahead). */
const armMs = 150;

export interface AskOptions {
  env?: Readonly<Record<string, string | undefined>>;
  /** The terminal device (tests); /dev/tty otherwise. */
  ttyPath?: string;
  onFirstFrame?: () => void;
  armMs?: number;
}

export async function askPerson(
  view: ApprovalView,
  subscribe?: (listener: (b: BlastRadius) => void) => () => void,
  options: AskOptions = {},
): Promise<PromptOutcome> {
  const opened = openTerminal(options.ttyPath);
  if (!opened.ok) return { kind: 'unavailable', reason: opened.reason };
  const { terminal } = opened;
  const env = options.env ?? process.env;
  // A hang-up or kill while asking must still give the terminal back in cooked mode, and
  // then end the process as the signal would have (nothing has run).
  const onSignal = (signal: NodeJS.Signals) => {
    terminal.close();
    process.removeListener('SIGHUP', onSignal);
    process.removeListener('SIGTERM', onSignal);
    process.kill(process.pid, signal);
  };
  process.on('SIGHUP', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const ui = await loadUi();
    return await ui.renderPrompt({
      view,
      subscribe,
      stdin: terminal.input as unknown as NodeJS.ReadStream,
      stdout: terminal.output as unknown as NodeJS.WriteStream,
      color: colorEnabled(env),
      env,
      armMs: options.armMs ?? armMs,
      onFirstFrame: options.onFirstFrame,
    });
  } catch (error) {
    return { kind: 'unavailable', reason: `the prompt failed: ${(error as Error).message}` };
  } finally {
    process.removeListener('SIGHUP', onSignal);
    process.removeListener('SIGTERM', onSignal);
    terminal.close();
  }
}
