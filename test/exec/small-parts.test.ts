// The pure pieces of the execute stage: hop counting, the child's environment, signal relay rules.

import { describe, expect, it } from 'vitest';
import { childEnvironment } from '../../src/exec/child-env.js';
import { exitCodeTable, exitCodeTableMarkdown } from '../../src/exec/exit-code-table.js';
import { exitCodes } from '../../src/exec/exit-codes.js';
import { hasLauncherMarker } from '../../src/exec/launcher.js';
import { checkShimDepth, MAX_SHIM_DEPTH, readShimDepth } from '../../src/exec/shim-depth.js';
import { type ForwardedSignal, parseProcStat, shouldForward } from '../../src/exec/signals.js';

describe('shim depth', () => {
  it.each([
    [undefined, 0],
    ['3', 3],
    ['', 0],
    ['-1', 0],
    ['2x', 0],
    ['99999999', 0],
  ])('reads %j as %d', (raw, depth) => {
    expect(readShimDepth(raw === undefined ? {} : { AIRLOCK_SHIM_DEPTH: raw })).toBe(depth);
  });

  it('allows up to the bound and refuses at it', () => {
    expect(checkShimDepth({ AIRLOCK_SHIM_DEPTH: String(MAX_SHIM_DEPTH - 1) }, 'rm')).toEqual({
      ok: true,
      depth: MAX_SHIM_DEPTH - 1,
    });
    const refused = checkShimDepth({ AIRLOCK_SHIM_DEPTH: String(MAX_SHIM_DEPTH) }, 'rm');
    expect(refused).toMatchObject({ ok: false, exitCode: exitCodes.shimLoop });
    expect(refused.ok ? '' : refused.message).toMatch(
      /^airlock: rm: refusing to run: 8 nested airlock calls/,
    );
  });
});

describe('childEnvironment', () => {
  it('restores NODE_EXTRA_CA_CERTS, drops launcher variables, counts the hop', () => {
    const env = {
      PATH: '/bin',
      AIRLOCK_SAVED_NODE_EXTRA_CA_CERTS: '/certs.pem',
      AIRLOCK_INVOKED_AS: 'psql',
      AIRLOCK_HOME: '/h',
    };
    expect(childEnvironment(env, 2)).toEqual({
      PATH: '/bin',
      NODE_EXTRA_CA_CERTS: '/certs.pem',
      AIRLOCK_HOME: '/h',
      AIRLOCK_SHIM_DEPTH: '3',
    });
    expect(env.AIRLOCK_INVOKED_AS).toBe('psql');
  });

  it('keeps a NODE_EXTRA_CA_CERTS the caller set directly over a saved one', () => {
    const child = childEnvironment(
      { NODE_EXTRA_CA_CERTS: '/direct', AIRLOCK_SAVED_NODE_EXTRA_CA_CERTS: '/x' },
      0,
    );
    expect(child.NODE_EXTRA_CA_CERTS).toBe('/direct');
    expect(child.AIRLOCK_SAVED_NODE_EXTRA_CA_CERTS).toBeUndefined();
  });
});

describe('signal relay', () => {
  const cases: [ForwardedSignal, boolean, boolean][] = [
    ['SIGINT', true, false],
    ['SIGQUIT', true, false],
    ['SIGHUP', true, false],
    ['SIGWINCH', true, false],
    ['SIGTERM', true, true],
    ['SIGUSR1', true, true],
    ['SIGUSR2', true, true],
    ['SIGINT', false, true],
    ['SIGQUIT', false, true],
    ['SIGHUP', false, true],
    ['SIGWINCH', false, true],
    ['SIGTERM', false, true],
  ];
  it.each(cases)('%s, in the terminal foreground: %s → relay %s', (signal, foreground, relay) => {
    expect(shouldForward(signal, foreground)).toBe(relay);
  });

  it.each([
    ['123 (node) S 1 123 123 34816 123 4194304', { pgrp: 123, ttyNr: 34816, tpgid: 123 }],
    ['9 (a) b (c)) R 1 9 9 0 -1 0', { pgrp: 9, ttyNr: 0, tpgid: -1 }],
    ['garbage', undefined],
  ])('parses /proc stat %j', (text, expected) => {
    expect(parseProcStat(text)).toEqual(expected);
  });
});

describe('launcher marker', () => {
  it.each([
    ['#!/bin/sh\n# airlock launcher: keeps …\n', true],
    ['#!/bin/sh\n# airlock-sh: the guarded shell\n', true],
    ['# airlock launcher\n', false],
    ['\x7fELF…', false],
    ['#!/bin/sh\necho "# airlock launcher"\n', false],
  ])('%j → %s', (head, expected) => {
    expect(hasLauncherMarker(head)).toBe(expected);
  });
});

describe('exit codes', () => {
  it('gives every outcome its own code, outside the codes programs commonly use', () => {
    const codes = Object.values(exitCodes);
    expect(new Set(codes).size).toBe(codes.length);
    for (const [name, code] of Object.entries(exitCodes)) {
      if (name === 'ok' || name === 'notFound' || name === 'notExecutable') continue;
      expect(code, name).toBeGreaterThanOrEqual(90);
      expect(code, name).toBeLessThanOrEqual(99);
    }
    expect(exitCodeTable.map(([code]) => code).sort()).toEqual([...codes].sort());
    expect(exitCodeTableMarkdown).toContain('| 97 | a shim would have run itself again');
  });
});
