// `cold` as the start-up bundle (dist/airlock-main.cjs) has it: the build puts this module in
// place of cold.ts there. Nothing cold is in that bundle; when a run needs any of it, the whole
// invocation is handed to the full bundle (dist/airlock-full.cjs), which starts it over from
// the same argv, environment and stdin. Every caller hands over before it has recorded or run
// anything, so nothing happens twice.

import { join } from 'node:path';
import { backlogDue, listPending } from './audit/pending.js';
import { bundleLoader } from './bundle-loader.js';
import type { Cold } from './cold.js';

interface FullBundle {
  main(argv: string[], env: NodeJS.ProcessEnv): Promise<number>;
  cold: Cold;
}

let full: FullBundle | undefined;

function loadFull(): FullBundle {
  if (full !== undefined) return full;
  // The boot loader's, for the code cache; a plain require when run some other way.
  const load = bundleLoader();
  full = (
    load !== undefined ? load('airlock-full.cjs') : require(join(__dirname, 'airlock-full.cjs'))
  ) as FullBundle;
  return full;
}

const handOver = (): Promise<number> => loadFull().main(process.argv.slice(2), process.env);

export const cold: Cold = {
  program: handOver,
  shell: handOver,
  checkProbe: handOver,
  guardFlow: handOver,
  hookQueue: handOver,
  // Counted here: the full bundle loads only once there is a backlog to chain.
  chainBacklog: async (stateDir, sign) => {
    if (backlogDue(listPending(stateDir))) await loadFull().cold.chainBacklog(stateDir, sign);
  },
};
