import { describe, expect, test } from 'vitest';
import { airlockDirs, airlockPaths, userConfigFile } from '../../src/config/paths.js';

describe('airlockDirs', () => {
  test('XDG defaults under HOME', () => {
    expect(airlockDirs({ HOME: '/home/ann' })).toEqual({
      config: '/home/ann/.config/airlock',
      state: '/home/ann/.local/state/airlock',
      data: '/home/ann/.local/share/airlock',
      shims: '/home/ann/.local/share/airlock/shims',
      trash: '/home/ann/.local/share/airlock/trash',
    });
  });

  test('XDG variables move each directory', () => {
    const dirs = airlockDirs({
      HOME: '/home/ann',
      XDG_CONFIG_HOME: '/cfg',
      XDG_STATE_HOME: '/st',
      XDG_DATA_HOME: '/dat',
    });
    expect(dirs).toEqual({
      config: '/cfg/airlock',
      state: '/st/airlock',
      data: '/dat/airlock',
      shims: '/dat/airlock/shims',
      trash: '/dat/airlock/trash',
    });
  });

  test('relative XDG values are ignored, as the XDG spec requires', () => {
    const dirs = airlockDirs({ HOME: '/home/ann', XDG_CONFIG_HOME: 'rel/cfg', XDG_DATA_HOME: '' });
    expect(dirs.config).toBe('/home/ann/.config/airlock');
    expect(dirs.data).toBe('/home/ann/.local/share/airlock');
  });

  test('AIRLOCK_HOME relocates everything and wins over XDG', () => {
    const dirs = airlockDirs({ HOME: '/home/ann', XDG_CONFIG_HOME: '/cfg', AIRLOCK_HOME: '/opt/al' });
    expect(dirs).toEqual({
      config: '/opt/al/config',
      state: '/opt/al/state',
      data: '/opt/al/data',
      shims: '/opt/al/data/shims',
      trash: '/opt/al/data/trash',
      home: '/opt/al',
    });
  });

  test('user config file and the paths self-protection guards', () => {
    expect(userConfigFile({ XDG_CONFIG_HOME: '/cfg' })).toBe('/cfg/airlock/config.yaml');
    expect(airlockPaths({ HOME: '/h' })).toEqual([
      '/h/.config/airlock',
      '/h/.local/state/airlock',
      '/h/.local/share/airlock',
    ]);
    expect(airlockPaths({ AIRLOCK_HOME: '/opt/al/' })).toEqual([
      '/opt/al',
      '/opt/al/config',
      '/opt/al/state',
      '/opt/al/data',
    ]);
  });
});
