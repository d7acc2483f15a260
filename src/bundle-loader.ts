// The boot loader (src/boot.ts) installs how to load a bundle beside it with its code cache.
// Absent when running from source (tests): callers then require the package itself.

export type BundleLoader = (name: string) => unknown;

export function bundleLoader(): BundleLoader | undefined {
  return (globalThis as Record<symbol, unknown>)[Symbol.for('airlock.loadBundle')] as
    | BundleLoader
    | undefined;
}
