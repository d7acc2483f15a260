// A planted home and project for the doctor tests: fake cloud keys, a kubeconfig with a
// production context, tokens in the well-known files, an SSH key, a live ssh-agent socket,
// shims with a guarded program ahead of them in PATH. Every planted secret is listed so the
// tests can prove none reaches the output.

import { chmodSync, cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultPolicy } from '../../src/decide/policy.js';
import type { DoctorInput } from '../../src/doctor/types.js';
import { installShims } from '../../src/exec/shims.js';

const fixtures = fileURLToPath(new URL('../fixtures/doctor/', import.meta.url));
const launcher = fileURLToPath(new URL('../../bin/airlock', import.meta.url));

/** Every secret planted in the fixture files and the environment. */
export const plantedSecrets = [
  'DefaultSecretKeyPlanted0001',
  'ProdSecretKeyPlanted0002',
  'AKIAFAKEDEFAULT00001',
  'AKIAFAKEPRODKEY00002',
  'KubeTokenPlanted0003',
  'S2luZEtleVBsYW50ZWQwMDA0',
  'NetrcPasswordPlanted0005',
  'NpmTokenPlanted0006',
  'ZG9ja2VyOkRvY2tlclBsYW50ZWQwMDA3',
  'GhTokenPlanted0008',
  'GitCredPlanted0009',
  'PgpassPlanted0010',
  'SshKeyBodyPlanted0011',
  'GcloudSecretPlanted0012',
  'GcloudRefreshPlanted0013',
  'SaKeyPlanted0014',
  'AzureTokenPlanted0015',
  'PgUrlPasswordPlanted0016',
  'AKIAENVPLANTED000017',
  'EnvSecretPlanted0018',
  'EnvDbPasswordPlanted0019',
];

export interface DoctorSandbox {
  base: string;
  home: string;
  root: string;
  input: DoctorInput;
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function makeDoctorSandbox(): Promise<DoctorSandbox> {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'airlock-doctor-')));
  const home = join(base, 'home');
  const root = join(base, 'project');
  cpSync(join(fixtures, 'home'), home, { recursive: true });
  cpSync(join(fixtures, 'project'), root, { recursive: true });
  const airlockHome = join(base, 'airlock');
  const shimDir = join(airlockHome, 'data', 'shims');
  const trashDir = join(airlockHome, 'data', 'trash');
  installShims({ dir: shimDir, programs: ['kubectl', 'rm', 'terraform'], launcherPath: launcher });
  mkdirSync(join(trashDir, '1'), { recursive: true });
  writeFileSync(join(trashDir, '1', 'deleted.txt'), '0123456789');
  // A kubectl found before the shims: the bypass doctor must name.
  const early = join(base, 'early-bin');
  mkdirSync(early);
  writeFileSync(join(early, 'kubectl'), '#!/bin/sh\nexit 0\n');
  chmodSync(join(early, 'kubectl'), 0o755);
  const sock = join(base, 'agent.sock');
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(sock, resolve));
  const env: Record<string, string> = {
    HOME: home,
    PATH: `${early}:${shimDir}:/usr/bin:/bin`,
    AIRLOCK_HOME: airlockHome,
    AWS_ACCESS_KEY_ID: 'AKIAENVPLANTED000017',
    AWS_SECRET_ACCESS_KEY: 'EnvSecretPlanted0018',
    DATABASE_URL: 'postgres://app:EnvDbPasswordPlanted0019@localhost:5432/app_dev',
    GOOGLE_APPLICATION_CREDENTIALS: join(home, 'sa.json'),
    SSH_AUTH_SOCK: sock,
  };
  return {
    base,
    home,
    root,
    env,
    input: {
      env,
      root,
      home,
      shimDir,
      trashDir,
      launcherPaths: [launcher],
      guarded: ['kubectl', 'rm', 'terraform'],
      policy: defaultPolicy,
    },
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(base, { recursive: true, force: true });
    },
  };
}
