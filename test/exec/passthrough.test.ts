// End to end through the real launcher and a shim: exit statuses, death by signal, relayed
// signals, byte-exact stdio and the environment the real program sees.

import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inBatches, runProcess } from './helpers/run.js';
import { makeSandbox, type Sandbox } from './helpers/sandbox.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await makeSandbox(['sh', 'bash', 'cat', 'sleep']);
});
afterAll(() => sandbox.remove());

const shim = (name: string): string => join(sandbox.shimDir, name);

describe('exit status', () => {
  it('passes every status 0–255 through unchanged', async () => {
    const statuses = Array.from({ length: 256 }, (_, n) => n);
    const results = await inBatches(
      statuses.map((n) => () => runProcess(shim('sh'), ['-c', `exit ${n}`], { env: sandbox.env() })),
      4,
    );
    const wrong = results
      .map((r, n) => ({ n, status: r.status, signal: r.signal, stderr: r.stderr }))
      .filter((r) => r.status !== r.n || r.signal !== null);
    expect(wrong).toEqual([]);
  }, 120_000);
});

describe('death by signal', () => {
  const signals = [
    'SIGTERM',
    'SIGHUP',
    'SIGQUIT',
    'SIGUSR1',
    'SIGUSR2',
    'SIGINT',
    'SIGPIPE',
    'SIGKILL',
  ] as const;
  it.each(signals)('dies of %s when the program does', async (signal) => {
    // sh (dash), not bash: bash ignores SIGQUIT even when not interactive.
    const result = await runProcess(shim('sh'), ['-c', `kill -s ${signal.slice(3)} $$; sleep 5`], {
      env: sandbox.env(),
    });
    expect({ status: result.status, signal: result.signal }).toEqual({ status: null, signal });
  });
});

describe('signals sent to airlock reach the program', () => {
  // Detached: no controlling terminal, as when an agent or CI runs the command.
  const relayed = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2', 'SIGWINCH'] as const;
  it.each(relayed)('relays %s once', async (signal) => {
    const name = signal.slice(3);
    const script = `n=0; trap 'n=$((n+1))' ${name}; echo ready; i=0
      while [ $i -lt 10 ]; do sleep 0.05; i=$((i+1)); done; echo "count=$n"`;
    let sent = false;
    const result = await runProcess(shim('bash'), ['-c', script], {
      env: sandbox.env(),
      detached: true,
      onStdout: (text, pid) => {
        if (!sent && text.includes('ready')) {
          sent = true;
          process.kill(pid, signal);
        }
      },
    });
    expect(result.stdout).toContain('count=1');
    expect(result.status).toBe(0);
  });

  it('dies of the relayed SIGTERM with the program', async () => {
    const result = await runProcess(shim('bash'), ['-c', 'echo ready; exec sleep 5'], {
      env: sandbox.env(),
      detached: true,
      onStdout: (text, pid) => {
        if (text === 'ready\n') process.kill(pid, 'SIGTERM');
      },
    });
    expect({ status: result.status, signal: result.signal }).toEqual({ status: null, signal: 'SIGTERM' });
  });
});

describe('stdio', () => {
  it('passes 10 MB of random bytes through a shimmed cat byte for byte', async () => {
    const input = join(sandbox.dir, 'random.bin');
    const output = join(sandbox.dir, 'copy.bin');
    const data = randomBytes(10 * 1024 * 1024);
    writeFileSync(input, data);
    const result = await runProcess('/bin/sh', ['-c', `cat < '${input}' > '${output}'`], {
      env: sandbox.env(),
    });
    expect(result.status).toBe(0);
    const digest = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
    expect(digest(readFileSync(output))).toBe(digest(data));
  });

  it('passes stdin and stdout through a pipe', async () => {
    const result = await runProcess(shim('cat'), [], { env: sandbox.env(), input: 'line one\nline two\n' });
    expect(result.stdout).toBe('line one\nline two\n');
  });

  it('gives the program argv[0] as typed, not the resolved path', async () => {
    const result = await runProcess(shim('cat'), ['/proc/self/cmdline'], { env: sandbox.env() });
    expect(result.stdout.split('\0')[0]).toBe('cat');
  });
});

describe('environment', () => {
  // One line per variable: its value, or "unset" (printenv fails for an unset variable).
  const printEnv = [
    'NODE_EXTRA_CA_CERTS',
    'AIRLOCK_SAVED_NODE_EXTRA_CA_CERTS',
    'AIRLOCK_INVOKED_AS',
    'AIRLOCK_SHIM_DEPTH',
  ]
    .map((name) => `printenv ${name} || echo unset`)
    .join('; ');

  it('keeps NODE_EXTRA_CA_CERTS out of airlock and hands it back to the program', async () => {
    const report = join(sandbox.dir, 'report-ca.json');
    const certs = join(sandbox.dir, 'extra-ca.pem');
    writeFileSync(certs, '');
    const result = await runProcess(shim('sh'), ['-c', printEnv], {
      env: sandbox.env({ NODE_EXTRA_CA_CERTS: certs, AIRLOCK_TEST_REPORT_FILE: report }),
    });
    expect(result.stdout).toBe(`${certs}\nunset\nunset\n1\n`);
    expect(JSON.parse(readFileSync(report, 'utf8')).extraCa).toBeNull();
  });

  it('does not invent NODE_EXTRA_CA_CERTS when the caller had none', async () => {
    const env = sandbox.env();
    delete env.NODE_EXTRA_CA_CERTS;
    const result = await runProcess(shim('sh'), ['-c', printEnv], { env });
    expect(result.stdout).toBe('unset\nunset\nunset\n1\n');
  });

  it('counts nested hops in AIRLOCK_SHIM_DEPTH', async () => {
    const result = await runProcess(shim('sh'), ['-c', 'sh -c \'printf %s "$AIRLOCK_SHIM_DEPTH"\''], {
      env: sandbox.env(),
    });
    expect(result.stdout).toBe('2');
  });
});
