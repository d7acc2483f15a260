// airlock scan on a fixture repository: every kind of file, exact file:line findings with the
// same packs and policy as at run time, text, JSON and SARIF output, and the exit status.

import { cpSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { allPacks } from '../../src/commands/packs.js';
import { defaultConfig } from '../../src/config/schema.js';
import { exitCodes } from '../../src/exec/exit-codes.js';
import {
  prepareScan,
  renderScan,
  runScan,
  type ScanOptions,
  scanExitCode,
  scanSarif,
} from '../../src/scan/run.js';
import type { ScanResult } from '../../src/scan/types.js';
import { realFs } from '../../src/tools/real-fs.js';

const fixture = fileURLToPath(new URL('../fixtures/scan/repo', import.meta.url));
let root: string;
let result: ScanResult;

function options(paths: string[] = [], at = root): ScanOptions {
  return {
    root: at,
    paths,
    env: { HOME: '/home/someone', PATH: '/usr/bin:/bin' },
    packs: allPacks([]).packs,
    policy: defaultConfig(),
    fs: realFs,
    airlockPaths: [],
    projectRoot: at,
  };
}

beforeAll(async () => {
  await prepareScan();
  root = join(realpathSync(mkdtempSync(join(tmpdir(), 'airlock-scan-'))), 'repo');
  cpSync(fixture, root, { recursive: true });
  result = runScan(options());
});
afterAll(() => rmSync(join(root, '..'), { recursive: true, force: true }));

describe('findings', () => {
  test('each file kind, exact lines, the strictest rules', () => {
    const rows = result.findings.map((f) => `${f.file}:${f.line} ${f.decision} ${f.rule}`);
    expect(rows).toEqual([
      '.github/workflows/deploy.yml:8 approve terraform/apply',
      '.github/workflows/deploy.yml:12 approve aws/s3-rm',
      '.gitlab-ci.yml:7 approve helm/uninstall',
      '.gitlab-ci.yml:10 approve kubectl/delete',
      'Dockerfile:12 approve kubectl/delete',
      'Makefile:9 approve psql/drop',
      'Makefile:13 approve kubectl/delete-namespace',
      'bin/reset-db:2 approve psql/dropdb',
      'package.json:5 deny rm/root-or-home',
      'package.json:5 approve rm/recursive',
      'package.json:6 approve git/push-force',
      'scripts/cleanup.sh:4 approve rm/recursive',
      'scripts/cleanup.sh:4 approve rm/outside-project',
    ]);
    expect(result.files).toBe(7);
    expect(result.commands).toBe(18);
  });

  test('a Dockerfile RUN is judged inside the image: its own files are fair game, clusters are not', () => {
    const docker = result.findings.filter((f) => f.file === 'Dockerfile');
    // rm -rf /srv/… and git clean -fdx change only the image, which every build starts again.
    expect(docker.map((f) => `${f.line} ${f.rule}`)).toEqual(['12 kubectl/delete']);
    writeFileSync(
      join(root, 'Dockerfile.tools'),
      'FROM debian:12\nRUN rm -rf /var/lib/apt/lists/* /root/.cache /tmp/*\nRUN psql -h db.prod.internal -c "DROP TABLE users"\n',
    );
    const tools = runScan(options([join(root, 'Dockerfile.tools')]));
    // The same rm on this machine would touch system files and airlock's own cache.
    expect(tools.findings.map((f) => `${f.line} ${f.decision} ${f.rule}`)).toEqual(['3 approve psql/drop']);
  });

  test('what runs fine is not reported: regenerable deletes, reads, echo, a pwsh step', () => {
    const text = renderScan(result);
    expect(text).not.toContain('node_modules');
    expect(text).not.toContain('git status');
    expect(text).not.toContain('Remove-Item');
    expect(text).not.toContain('NOTES.txt');
  });

  test('text output: file:line: decision rule reason: command, then a count', () => {
    const text = renderScan(result);
    expect(text).toContain(
      'Makefile:9: approve psql/drop Drops database objects (tables, schemas, roles…) and the data they hold.: psql -h db.prod.internal -d orders -c "DROP TABLE users"\n',
    );
    expect(text).toMatch(/\n7 file\(s\), 18 command\(s\): 1 refused, 12 need approval\n$/);
  });

  test('exit status: refused beats approval, approval beats nothing', () => {
    expect(scanExitCode(result)).toBe(exitCodes.refused);
    const approvals = runScan(options([join(root, 'Makefile')]));
    expect(scanExitCode(approvals)).toBe(exitCodes.needsApproval);
    writeFileSync(join(root, 'safe.sh'), '#!/bin/sh\nls -la\ngit status\n');
    const clean = runScan(options([join(root, 'safe.sh')]));
    expect(clean.findings).toEqual([]);
    expect(scanExitCode(clean)).toBe(exitCodes.ok);
  });
});

describe('SARIF 2.1.0', () => {
  test('structure: driver rules from the rule ids, results pointing into them', () => {
    const sarif = JSON.parse(scanSarif(result, '1.2.3'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(sarif.runs).toHaveLength(1);
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('airlock');
    expect(run.tool.driver.version).toBe('1.2.3');
    const ruleIds: string[] = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(new Set(ruleIds).size).toBe(ruleIds.length);
    expect(ruleIds).toEqual([...new Set(result.findings.map((f) => f.rule))]);
    for (const rule of run.tool.driver.rules) {
      expect(typeof rule.shortDescription.text).toBe('string');
      expect(['error', 'warning']).toContain(rule.defaultConfiguration.level);
    }
    expect(run.results).toHaveLength(result.findings.length);
    for (const [i, r] of run.results.entries()) {
      const finding = result.findings[i]!;
      expect(r.ruleId).toBe(finding.rule);
      expect(ruleIds[r.ruleIndex]).toBe(r.ruleId);
      expect(r.level).toBe(finding.decision === 'deny' ? 'error' : 'warning');
      expect(r.message.text.length).toBeGreaterThan(0);
      expect(r.locations).toHaveLength(1);
      const location = r.locations[0].physicalLocation;
      expect(location.artifactLocation).toEqual({ uri: finding.file, uriBaseId: 'SRCROOT' });
      expect(location.artifactLocation.uri.startsWith('/')).toBe(false);
      expect(location.region).toEqual({ startLine: finding.line });
    }
    expect(run.originalUriBaseIds.SRCROOT.uri).toBe(`file://${root}/`);
    const rootOrHome = run.tool.driver.rules.find((x: { id: string }) => x.id === 'rm/root-or-home');
    expect(rootOrHome.defaultConfiguration.level).toBe('error');
  });
});
