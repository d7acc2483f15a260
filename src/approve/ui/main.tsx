// The entry of the UI bundle (dist/ui.mjs): the one module that renders Ink, for the prompt and
// the inbox. The CLI loads it only when a person is asked, so no other command pays for React.

import { render } from 'ink';
import { Inbox } from '../inbox/Inbox.js';
import type { InboxSource } from '../inbox/source.js';
import { Prompt } from '../prompt/Prompt.js';
import type { SubscribeBlastRadius } from '../prompt/use-blast-radius.js';
import type { ApprovalView, PromptOutcome } from '../types.js';
import { applyColor } from './color.js';

type Env = Readonly<Record<string, string | undefined>>;

export interface PromptRenderOptions {
  view: ApprovalView;
  subscribe?: SubscribeBlastRadius;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  color: boolean;
  env: Env;
  armMs?: number;
  /** Called once the first frame has been written (for the time-to-prompt figure). */
  onFirstFrame?: () => void;
}

export function renderPrompt(options: PromptRenderOptions): Promise<PromptOutcome> {
  applyColor(options.color, options.env);
  return new Promise((resolve, reject) => {
    let outcome: PromptOutcome | undefined;
    let framed = false;
    const instance = render(
      <Prompt
        view={options.view}
        subscribe={options.subscribe}
        armMs={options.armMs}
        onDecide={(decided) => {
          outcome = decided;
          // Unmount after this commit, so the one-line answer is the frame left on screen.
          setImmediate(() => instance.unmount());
        }}
      />,
      {
        stdin: options.stdin,
        stdout: options.stdout,
        stderr: options.stdout,
        exitOnCtrlC: false,
        patchConsole: false,
        onRender: () => {
          if (framed) return;
          framed = true;
          options.onFirstFrame?.();
        },
      },
    );
    instance.waitUntilExit().then(
      () => resolve(outcome ?? { kind: 'denied', reason: 'interrupt' }),
      (error: unknown) => reject(error),
    );
  });
}

export interface InboxRenderOptions {
  source: InboxSource;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  color: boolean;
  env: Env;
  pollMs?: number;
}

/** Runs the inbox until the person quits. */
export async function runInboxScreen(options: InboxRenderOptions): Promise<void> {
  applyColor(options.color, options.env);
  const instance = render(
    <Inbox
      source={options.source}
      pollMs={options.pollMs}
      bell={() => options.stdout.write('\u0007')}
      onQuit={() => setImmediate(() => instance.unmount())}
    />,
    { stdin: options.stdin, stdout: options.stdout, exitOnCtrlC: false, patchConsole: false },
  );
  await instance.waitUntilExit();
}
