// Where airlock keeps its files: XDG base directories, or everything under AIRLOCK_HOME.

import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

export interface AirlockDirs {
  /** Holds config.yaml. */
  config: string;
  /** The audit store and the approval queue. */
  state: string;
  /** Shims, trash and other data airlock creates. */
  data: string;
  shims: string;
  trash: string;
  /** AIRLOCK_HOME, when it relocates everything. */
  home?: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/** The XDG spec says relative values are invalid and must be ignored. */
function xdgBase(env: Env, name: string, fallback: string): string {
  const value = env[name];
  return value && isAbsolute(value) ? value : fallback;
}

function userHome(env: Env): string {
  const home = env.HOME;
  return home && isAbsolute(home) ? home : homedir();
}

export function airlockDirs(env: Env): AirlockDirs {
  const airlockHome = env.AIRLOCK_HOME;
  if (airlockHome) {
    const home = resolve(airlockHome);
    const data = join(home, 'data');
    return {
      config: join(home, 'config'),
      state: join(home, 'state'),
      data,
      shims: join(data, 'shims'),
      trash: join(data, 'trash'),
      home,
    };
  }
  const base = userHome(env);
  const data = join(xdgBase(env, 'XDG_DATA_HOME', join(base, '.local', 'share')), 'airlock');
  return {
    config: join(xdgBase(env, 'XDG_CONFIG_HOME', join(base, '.config')), 'airlock'),
    state: join(xdgBase(env, 'XDG_STATE_HOME', join(base, '.local', 'state')), 'airlock'),
    data,
    shims: join(data, 'shims'),
    trash: join(data, 'trash'),
  };
}

/** The user config file inside the config directory. */
export function userConfigFile(env: Env): string {
  return join(airlockDirs(env).config, 'config.yaml');
}

/**
 * Directories self-protection guards: an agent must not edit the config, the audit store,
 * the queue, the shims or the trash. Shims and trash live under data. Project config files
 * are listed by loadConfig's `files`.
 */
export function airlockPaths(env: Env): string[] {
  const dirs = airlockDirs(env);
  const paths = [dirs.config, dirs.state, dirs.data];
  if (dirs.home) paths.unshift(dirs.home);
  return paths;
}
