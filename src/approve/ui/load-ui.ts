// Loads the Ink UI only when it is needed: in the built CLI from dist/ui.mjs (ink and react
// bundled in) through dist/ui.cjs, from source under the tests.

import { fileURLToPath } from 'node:url';

declare const __AIRLOCK_VERSION__: string | undefined;

export type UiModule = typeof import('./main.js');

export async function loadUi(): Promise<UiModule> {
  if (typeof __AIRLOCK_VERSION__ === 'string') {
    // ui.cjs is a one-line CommonJS file whose import() of ui.mjs runs in Node's own loader, so
    // it works however the main bundle itself was evaluated (vm.Script with a code cache too).
    const load = require(fileURLToPath(new URL('./ui.cjs', import.meta.url))) as () => Promise<UiModule>;
    return await load();
  }
  // A non-literal path keeps the bundler from pulling React into the main bundle.
  const source = './main.js';
  return (await import(source)) as UiModule;
}
