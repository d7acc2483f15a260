// End to end in a real pseudo-terminal: the built CLI's shims in a person's shell, a person typing a
// destructive command, the prompt drawn on the terminal, and what each answer does.

import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { type IPty, spawn } from 'node-pty';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentMarkerVariables } from '../../src/approve/actor.js';
import { promptReadyMarker } from '../../src/approve/prompt/marker.js';

const root = new URL('../..', import.meta.url).pathname;
// Outside /tmp: a directory there counts as regenerable and is never asked about.
const base = mkdtempSync(join(homedir(), '.airlock-pty-'));
const project = join(base, 'proj');
const stubs = join(base, 'stubs');
const ranMarker = join(base, 'terraform-ran');
const shimDir = join(base, 'airlock', 'data', 'shims');

const ansi = /\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007]*\u0007|\r/g;

function personEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  // A person's terminal: no agent markers, no CI, nothing from an outer airlock.
  for (const name of [
    ...agentMarkerVariables,
    'CI',
    'AIRLOCK_SESSION',
    'AIRLOCK_SHELL',
    'AIRLOCK_INVOKED_AS',
  ])
    delete env[name];
  for (const name of Object.keys(env))
    if (name.startsWith('CODEX_') || name.startsWith('CI_')) delete env[name];
  return {
    ...env,
    AIRLOCK_HOME: join(base, 'airlock'),
    HOME: base,
    SHELL: '/bin/bash',
    TERM: 'xterm-256color',
    PS1: 'ready$ ',
    PATH: `${stubs}:${env.PATH ?? '/usr/bin:/bin'}`,
  };
}

interface Session {
  pty: IPty;
  text: () => string;
  /** Waits for the pattern in the output after position `from` (of the escape-free text). */
  waitFor: (pattern: string | RegExp, from?: number) => Promise<string>;
  type: (text: string) => void;
  close: () => Promise<void>;
}

/**
 * A person's interactive bash with airlock's shims first in PATH (what `airlock shell` sets
 * up, minus the session recording), started without rc files so only the test's lines run.
 */
function startShell(): Session {
  const env = personEnv();
  const pty = spawn('/bin/bash', ['--norc', '--noprofile', '-i'], {
    cols: 100,
    rows: 40,
    cwd: project,
    env: { ...env, PATH: `${shimDir}:${env.PATH}` },
  });
  let raw = '';
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    pty.onExit(() => {
      exited = true;
      resolve();
    }),
  );
  pty.onData((data) => {
    raw += data;
  });
  const text = () => raw.replace(ansi, '');
  const waitFor = async (pattern: string | RegExp, from = 0): Promise<string> => {
    const start = Date.now();
    const found = () => {
      const after = text().slice(from);
      return typeof pattern === 'string' ? after.includes(pattern) : pattern.test(after);
    };
    while (!found()) {
      if (Date.now() - start > 15_000 || exited)
        throw new Error(`no ${String(pattern)} in ${JSON.stringify(text().slice(-1500))}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return text();
  };
  return {
    pty,
    text,
    waitFor,
    type: (s) => pty.write(s),
    close: async () => {
      if (!exited) pty.write('exit\r');
      await Promise.race([exit, new Promise((resolve) => setTimeout(resolve, 3000))]);
      if (!exited) pty.kill();
    },
  };
}

/** Types a line at the shell prompt and waits for the approval prompt, past its arming moment. */
async function askFor(session: Session, line: string): Promise<string> {
  // The shell is idle when its prompt is the last thing on the screen.
  await session.waitFor(/ready\$ $/);
  const from = session.text().length;
  session.type(`${line}\r`);
  const screen = (await session.waitFor(promptReadyMarker, from)).slice(from);
  await new Promise((resolve) => setTimeout(resolve, 300));
  return screen;
}

/** Once the prompt has answered (a key typed with the next line would arrive as one chunk). */
async function statusAfter(session: Session): Promise<string> {
  const from = session.text().lastIndexOf(promptReadyMarker);
  await session.waitFor(/airlock: (approved once|denied)/, from);
  session.type('echo "status=$?"\r');
  const text = (await session.waitFor(/status=\d+/, from)).slice(from);
  return /status=(\d+)/.exec(text)![1]!;
}

function makeDir(): string {
  const dir = join(project, 'somedir');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'file.txt'), 'keep me\n');
  return dir;
}

beforeAll(() => {
  const built = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8', timeout: 180_000 });
  if (built.status !== 0) throw new Error(`npm run build failed:\n${built.stdout}\n${built.stderr}`);
  const shims = spawnSync(join(root, 'bin', 'airlock'), ['shims', 'install'], {
    env: personEnv(),
    encoding: 'utf8',
  });
  if (shims.status !== 0) throw new Error(`airlock shims install failed:\n${shims.stderr}`);
  if (!existsSync(join(shimDir, 'rm'))) throw new Error(`no rm shim in ${shimDir}:\n${shims.stdout}`);
  mkdirSync(project, { recursive: true });
  mkdirSync(stubs, { recursive: true });
  // The real terraform is not needed: a stub stands behind the shim and leaves a mark when run.
  // The blast-radius probe runs it too (plan, with AIRLOCK_PROBE=1): only the command itself marks.
  writeFileSync(
    join(stubs, 'terraform'),
    `#!/bin/sh\necho "terraform stub: $*"\n[ -n "$AIRLOCK_PROBE" ] || touch '${ranMarker}'\n`,
  );
  chmodSync(join(stubs, 'terraform'), 0o755);
}, 200_000);
afterAll(() => rmSync(base, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }));

describe('the prompt in a real terminal', () => {
  it('shows the command and its target; n leaves the directory intact', async () => {
    const dir = makeDir();
    const session = startShell();
    try {
      const screen = await askFor(session, 'rm -rf somedir');
      expect(screen).toContain('$ rm -rf somedir');
      expect(screen).toContain('rm/recursive');
      expect(screen).toContain('y approve once');
      session.type('n');
      expect(await statusAfter(session)).toBe('92');
      expect(session.text()).toContain('airlock: denied · rm -rf somedir');
      expect(existsSync(join(dir, 'file.txt'))).toBe(true);
    } finally {
      await session.close();
    }
  });

  it('y removes the directory', async () => {
    const dir = makeDir();
    const session = startShell();
    try {
      await askFor(session, 'rm -rf somedir');
      session.type('y');
      expect(await statusAfter(session)).toBe('0');
      expect(session.text()).toContain('airlock: approved once');
      expect(existsSync(dir)).toBe(false);
    } finally {
      await session.close();
    }
  });

  it('Ctrl-C denies, and the shell carries on', async () => {
    const dir = makeDir();
    const session = startShell();
    try {
      await askFor(session, 'rm -rf somedir');
      session.type('\u0003');
      expect(await statusAfter(session)).toBe('92');
      expect(session.text()).toContain('denied (ctrl-c)');
      expect(existsSync(join(dir, 'file.txt'))).toBe(true);
    } finally {
      await session.close();
    }
  });

  it('keeps stdout for the command: a prompt answered on the terminal, output still piped', async () => {
    const dir = makeDir();
    const session = startShell();
    try {
      await askFor(session, 'rm -rfv somedir | tr a-z A-Z > out.txt');
      session.type('y');
      await statusAfter(session);
      expect(existsSync(dir)).toBe(false);
      session.type('cat out.txt\r');
      await session.waitFor(/REMOVED .*FILE\.TXT/i);
    } finally {
      await session.close();
    }
  });

  it('asks for the name in production: a wrong name denies, the right one runs it', async () => {
    const session = startShell();
    try {
      const screen = await askFor(session, 'TF_WORKSPACE=prod terraform destroy');
      expect(screen).toContain('PRODUCTION');
      expect(screen).toMatch(/type the environment name prod and press Enter/);
      expect(screen).not.toContain('y approve once');
      session.type('y');
      session.type('\r');
      expect(await statusAfter(session)).toBe('92');
      expect(session.text()).toContain('"y" does not match "prod"');
      expect(existsSync(ranMarker)).toBe(false);

      await askFor(session, 'TF_WORKSPACE=prod terraform destroy');
      session.type('prod\r');
      expect(await statusAfter(session)).toBe('0');
      expect(session.text()).toContain('terraform stub: destroy');
      expect(existsSync(ranMarker)).toBe(true);
    } finally {
      await session.close();
    }
  });
});
