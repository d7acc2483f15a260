// Loads the Ink UI only when it is needed: from dist/ui.mjs (ink and react bundled in) in the
// built CLI, from source under the tests.

declare const __AIRLOCK_VERSION__: string | undefined;

export type UiModule = typeof import('./main.js');

export async function loadUi(): Promise<UiModule> {
  if (typeof __AIRLOCK_VERSION__ === 'string') {
    return (await import(new URL('./ui.mjs', import.meta.url).href)) as UiModule;
  }
  // A non-literal path keeps the bundler from pulling React into the main bundle.
  const source = './main.js';
  return (await import(source)) as UiModule;
}
