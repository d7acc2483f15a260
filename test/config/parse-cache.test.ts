import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { makeSandbox } from './sandbox.js';

test('parsed YAML is cached in the state directory and re-read when the file changes', () => {
  const box = makeSandbox();
  const file = box.write('project/.airlockrc.yaml', 'protected: [/one]\n');
  const cacheFile = join(box.home, 'state', 'config-cache.json');
  expect(loadConfig({ cwd: box.project, env: box.env }).config.protected).toEqual(['/one']);
  expect(existsSync(cacheFile)).toBe(true);
  expect(Object.keys(JSON.parse(readFileSync(cacheFile, 'utf8')).entries)).toEqual([file]);

  // Served from the cache: prove it by planting different data under the same stamp.
  const cache = JSON.parse(readFileSync(cacheFile, 'utf8'));
  cache.entries[file].data = { protected: ['/from-cache'] };
  writeFileSync(cacheFile, JSON.stringify(cache));
  expect(loadConfig({ cwd: box.project, env: box.env }).config.protected).toEqual(['/from-cache']);

  // Any edit changes the stamp (size, mtime or ctime), so the file is parsed again.
  writeFileSync(file, 'protected: [/two]\n');
  utimesSync(file, new Date(), new Date(Date.now() + 5000));
  expect(loadConfig({ cwd: box.project, env: box.env }).config.protected).toEqual(['/two']);
});

test('cached data is still held to project-may-only-tighten', () => {
  const box = makeSandbox();
  const file = box.write('project/.airlockrc.yaml', 'protected: [/one]\n');
  loadConfig({ cwd: box.project, env: box.env });
  const cacheFile = join(box.home, 'state', 'config-cache.json');
  const cache = JSON.parse(readFileSync(cacheFile, 'utf8'));
  cache.entries[file].data = { rules: { 'git/push-force': 'allow' } };
  writeFileSync(cacheFile, JSON.stringify(cache));
  const result = loadConfig({ cwd: box.project, env: box.env });
  expect(result.config.rules).toEqual({});
  expect(result.problems).toEqual([
    expect.objectContaining({ kind: 'loosening', key: 'rules.git/push-force' }),
  ]);
});

test('a corrupt cache is ignored, and cache: false never writes one', () => {
  const box = makeSandbox();
  box.write('project/.airlockrc.yaml', 'protected: [/one]\n');
  box.write('airlock-home/state/config-cache.json', '{not json');
  expect(loadConfig({ cwd: box.project, env: box.env }).config.protected).toEqual(['/one']);

  const other = makeSandbox();
  other.write('project/.airlockrc.yaml', 'protected: [/one]\n');
  expect(loadConfig({ cwd: other.project, env: other.env, cache: false }).config.protected).toEqual(['/one']);
  expect(existsSync(join(other.home, 'state', 'config-cache.json'))).toBe(false);
});
