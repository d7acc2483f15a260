import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeStore, listPending, openStore, queryAudit, verifyStore } from '../../src/audit/index.js';
import { buildAuditModule, removeDir, root, tempStateDir } from './helpers.js';

const WRITERS = 50;
const ROWS = 20;
const cleanup: string[] = [];
afterAll(() => {
  for (const dir of cleanup) removeDir(dir);
});

interface WriterReport {
  label: string;
  ids: (number | string)[];
  latencies: number[];
  failures: unknown[];
}

function runWriter(
  moduleUrl: string,
  stateDir: string,
  label: string,
  goFile: string,
  onReady: () => void,
  mode = '',
): Promise<WriterReport> {
  const writer = join(root, 'test', 'fixtures', 'audit', 'writer.mjs');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, moduleUrl, stateDir, String(ROWS), label, goFile, mode], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
      if (err === 'ready\n') onReady();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0 || err !== 'ready\n') reject(new Error(`writer ${label} exited ${code}: ${err}`));
      else resolve(JSON.parse(out) as WriterReport);
    });
  });
}

describe('concurrent writers', () => {
  it(`${WRITERS} processes × ${ROWS} rows into a fresh store: none lost, chain verifies`, async () => {
    const built = buildAuditModule();
    const stateDir = tempStateDir();
    cleanup.push(built.dir, stateDir);
    const goFile = join(stateDir, '..', `${stateDir.split('/').pop()}.go`);
    cleanup.push(goFile);
    let ready = 0;
    let allReady = (): void => {};
    const readyAll = new Promise<void>((resolve) => {
      allReady = resolve;
    });
    const writers = Array.from({ length: WRITERS }, (_, i) =>
      runWriter(built.url, stateDir, `w${i}`, goFile, () => {
        if (++ready === WRITERS) allReady();
      }),
    );
    // Every process has started and loaded the module before any of them writes.
    await readyAll;
    writeFileSync(goFile, 'go');
    const reports = await Promise.all(writers);

    expect(reports.flatMap((r) => r.failures)).toEqual([]);
    const ids = reports.flatMap((r) => r.ids as number[]).sort((a, b) => a - b);
    expect(ids).toEqual(Array.from({ length: WRITERS * ROWS }, (_, i) => i + 1));
    expect(verifyStore(stateDir)).toMatchObject({
      ok: true,
      rows: WRITERS * ROWS,
      lastId: WRITERS * ROWS,
      signed: true,
    });

    const store = openStore(stateDir);
    const rows = queryAudit(store);
    closeStore(store);
    for (const report of reports) {
      expect(rows.filter((r) => r.agent === report.label)).toHaveLength(ROWS);
    }
    expect(rows.every((r) => r.argv?.[1]?.startsWith('postgres://app:***@'))).toBe(true);
  }, 120_000);

  it(`${WRITERS} processes × ${ROWS} pending rows while they also chain: each row once, in order, chain verifies`, async () => {
    const built = buildAuditModule();
    const stateDir = tempStateDir();
    cleanup.push(built.dir, stateDir);
    const goFile = join(stateDir, '..', `${stateDir.split('/').pop()}.go`);
    cleanup.push(goFile);
    let ready = 0;
    let allReady = (): void => {};
    const readyAll = new Promise<void>((resolve) => {
      allReady = resolve;
    });
    const writers = Array.from({ length: WRITERS }, (_, i) =>
      runWriter(
        built.url,
        stateDir,
        `p${i}`,
        goFile,
        () => {
          if (++ready === WRITERS) allReady();
        },
        'pending',
      ),
    );
    await readyAll;
    writeFileSync(goFile, 'go');
    const reports = await Promise.all(writers);
    expect(reports.flatMap((r) => r.failures)).toEqual([]);

    // Whatever the racing chainers left is chained by the next opener.
    const store = openStore(stateDir);
    const rows = queryAudit(store, { limit: WRITERS * ROWS * 2 });
    closeStore(store);
    expect(listPending(stateDir)).toEqual([]);
    expect(rows).toHaveLength(WRITERS * ROWS);
    for (const report of reports) {
      const mine = rows.filter((r) => r.agent === report.label).map((r) => r.note);
      // Each writer's rows appear once each, in the order that writer wrote them.
      expect(mine).toEqual(Array.from({ length: ROWS }, (_, i) => `${report.label}#${i}`));
    }
    expect(rows.every((r) => r.argv?.[1]?.startsWith('postgres://app:***@'))).toBe(true);
    expect(verifyStore(stateDir)).toMatchObject({ ok: true, rows: WRITERS * ROWS, signed: true });
  }, 120_000);
});
