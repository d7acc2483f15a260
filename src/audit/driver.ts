// Loads better-sqlite3 (and node:crypto, node:zlib) on first use, so importing src/audit costs
// nothing until the store is touched. This is the only module in airlock that loads better-sqlite3.

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type BetterSqlite3 from 'better-sqlite3';

declare const __AIRLOCK_VERSION__: string | undefined;

export type Db = BetterSqlite3.Database;
type DatabaseConstructor = typeof BetterSqlite3;
type Crypto = typeof import('node:crypto');
type Zlib = typeof import('node:zlib');

let requireHere: NodeJS.Require | undefined;
let driver: DatabaseConstructor | undefined;
let crypto: Crypto | undefined;
let zlib: Zlib | undefined;

function load(id: string): unknown {
  // ESM (source, tests) resolves from this file. The CLI bundle is CommonJS: there
  // import.meta is empty and the bundle's own `require` resolves from the package.
  const url: string | undefined = import.meta.url;
  requireHere ??= url ? createRequire(url) : require;
  return requireHere(id);
}

/**
 * better-sqlite3's native addon, found next to the bundle without the `bindings` package's
 * search through a dozen candidate paths (it costs milliseconds on every command).
 */
function addonNextToBundle(): string | undefined {
  const url: string | undefined = import.meta.url;
  if (!url) return undefined;
  const candidate = fileURLToPath(
    new URL('../node_modules/better-sqlite3/build/Release/better_sqlite3.node', url),
  );
  return existsSync(candidate) ? candidate : undefined;
}

export function loadDriver(): DatabaseConstructor {
  if (driver) return driver;
  // In the CLI bundle, a literal require, so the bundle carries better-sqlite3's JavaScript itself
  // and never searches node_modules for it at run time; elsewhere (ESM builds, tests) a resolver.
  const Database = (
    typeof __AIRLOCK_VERSION__ === 'string' ? require('better-sqlite3') : load('better-sqlite3')
  ) as DatabaseConstructor;
  const nativeBinding = addonNextToBundle();
  driver = nativeBinding
    ? (function bound(path: string, options: BetterSqlite3.Options = {}) {
        return new Database(path, { nativeBinding, ...options });
      } as unknown as DatabaseConstructor)
    : Database;
  return driver;
}

export function loadCrypto(): Crypto {
  crypto ??= load('node:crypto') as Crypto;
  return crypto;
}

export function loadZlib(): Zlib {
  zlib ??= load('node:zlib') as Zlib;
  return zlib;
}
