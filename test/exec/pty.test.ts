// The interactive shell in a pseudo-terminal: typed input runs, output comes back, resizes apply.

import { describe, expect, it } from 'vitest';
import { startInteractiveShell } from '../../src/exec/pty.js';

describe('startInteractiveShell', () => {
  it('runs typed commands, applies a resize and reports the exit status', async () => {
    let output = '';
    const seen = (text: string): Promise<void> =>
      new Promise((resolve) => {
        const check = setInterval(() => {
          if (output.includes(text)) {
            clearInterval(check);
            resolve();
          }
        }, 10);
      });
    const shell = await startInteractiveShell({
      shell: '/bin/bash',
      args: ['--norc', '--noprofile', '-i'],
      env: { PATH: '/usr/bin:/bin', TERM: 'dumb', PS1: '$ ', HOME: '/tmp' },
      cwd: '/tmp',
      cols: 80,
      rows: 24,
      onData: (data) => {
        output += data;
      },
    });
    shell.write('echo "tty=$(tty) size=$(stty size)"\r');
    await seen('size=24 80');
    expect(output).toMatch(/tty=\/dev\/pts\/\d+/);
    shell.resize(132, 40);
    shell.write('stty size; exit 7\r');
    await seen('40 132');
    expect(await shell.exited).toEqual({ exitCode: 7 });
  });
});
