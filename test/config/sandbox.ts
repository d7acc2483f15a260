// Temporary directories with real config files, and an environment that points airlock at them.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';

export interface Sandbox {
  root: string;
  /** AIRLOCK_HOME for this sandbox; the user config is `<home>/config/config.yaml`. */
  home: string;
  /** A project directory with no config of its own yet. */
  project: string;
  env: Record<string, string>;
  userFile: string;
  /** Writes a file relative to the sandbox root, creating directories; returns its path. */
  write(relative: string, text: string): string;
  mkdir(relative: string): string;
}

const made: string[] = [];

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function makeSandbox(): Sandbox {
  const root = mkdtempSync(join(tmpdir(), 'airlock-config-'));
  made.push(root);
  const home = join(root, 'airlock-home');
  const project = join(root, 'project');
  mkdirSync(project, { recursive: true });
  const write = (relative: string, text: string) => {
    const path = join(root, relative);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    return path;
  };
  const mkdir = (relative: string) => {
    const path = join(root, relative);
    mkdirSync(path, { recursive: true });
    return path;
  };
  return {
    root,
    home,
    project,
    env: { AIRLOCK_HOME: home, HOME: join(root, 'user-home') },
    userFile: join(home, 'config', 'config.yaml'),
    write,
    mkdir,
  };
}
