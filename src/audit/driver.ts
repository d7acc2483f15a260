// Loads better-sqlite3 (and node:crypto, node:zlib) on first use, so importing src/audit costs
// nothing until the store is touched. This is the only module in airlock that loads better-sqlite3.

import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';

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

export function loadDriver(): DatabaseConstructor {
  driver ??= load('better-sqlite3') as DatabaseConstructor;
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
