// `npm run bench`: every printed figure next to its target. Figures, not timed tests:
// they vary with the machine, so they are reported, never asserted in the test suite.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root, summary } from './lib.mjs';

const only = process.argv.slice(2);
const suites = [
  ['core', 'core.mjs', 'benchCore'],
  ['interposition', 'interposition.mjs', 'benchInterposition'],
  ['audit', 'audit.mjs', 'benchAudit'],
  ['exec', 'exec.mjs', 'benchExec'],
  ['hook', 'hook.mjs', 'benchHook'],
  ['prompt', 'prompt.mjs', 'benchPrompt'],
  ['probes-fs', 'probes-fs.mjs', 'benchProbesFs'],
  ['probes-infra', 'probes-infra.mjs', 'benchProbesInfra'],
];

console.log(`airlock benchmarks on node ${process.version}, ${new Date().toISOString()}\n`);
for (const [name, file, fn] of suites) {
  if (only.length > 0 && !only.includes(name)) continue;
  const path = join(root, 'test', 'bench', file);
  if (!existsSync(path)) continue;
  console.log(`— ${name}`);
  const mod = await import(pathToFileURL(path).href);
  if (typeof mod[fn] === 'function') await mod[fn]();
  console.log('');
}
summary();
