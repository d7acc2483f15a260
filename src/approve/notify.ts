// A desktop notification when a request arrives, where a notifier exists (notify-send,
// osascript). Best effort: it never waits, never prints, and never fails the command.

import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { isAbsolute, join } from 'node:path';

type Env = Readonly<Record<string, string | undefined>>;

function onPath(program: string, env: Env): string | undefined {
  for (const dir of (env.PATH ?? '').split(':')) {
    // A relative entry would run whatever an agent dropped in the working directory.
    if (dir === '' || !isAbsolute(dir)) continue;
    const candidate = join(dir, program);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {}
  }
  return undefined;
}

/** The notifier's argv for this message, or undefined when none is available. */
export function notifierCommand(title: string, body: string, env: Env): string[] | undefined {
  const notifySend = onPath('notify-send', env);
  if (notifySend) return [notifySend, '--app-name=airlock', title, body];
  const osascript = onPath('osascript', env);
  if (osascript) {
    const quote = (s: string) => `"${s.replace(/["\\]/g, '\\$&')}"`;
    return [osascript, '-e', `display notification ${quote(body)} with title ${quote(title)}`];
  }
  return undefined;
}

export function notifyRequest(requestId: number, command: string, env: Env): void {
  if (env.AIRLOCK_NOTIFY === '0') return;
  const shown = command.length > 120 ? `${command.slice(0, 120)}…` : command;
  const argv = notifierCommand(`airlock: request ${requestId} needs approval`, shown, env);
  if (argv === undefined) return;
  try {
    const child = spawn(argv[0] as string, argv.slice(1), { detached: true, stdio: 'ignore' });
    child.on('error', () => {});
    child.unref();
  } catch {}
}
