// Recovery paths inside the blast radius: state and data that live in the project (an agent
// that deletes the project deletes them too) and how much airlock's trash holds.

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ProjectFile } from '../init/walk.js';
import { type DoctorFinding, type DoctorInput, showPath } from './types.js';

const databaseFile = /\.(sqlite3?|db)$/;
const backupFile = /\.(dump|sql\.gz|sql\.bz2|sql\.xz|bak)$/;

function sizeOf(path: string, limit = 100_000): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  const visit = (p: string) => {
    if (files >= limit) return;
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(p, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const child = join(p, e.name);
      if (e.isDirectory()) visit(child);
      else {
        files++;
        try {
          bytes += statSync(child).size;
        } catch {}
      }
    }
  };
  visit(path);
  return { files, bytes };
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

export function recoveryFindings(input: DoctorInput, files: readonly ProjectFile[]): DoctorFinding[] {
  const out: DoctorFinding[] = [];
  for (const f of files) {
    if (f.name === 'terraform.tfstate' || f.name === 'terraform.tfstate.backup') {
      out.push({
        area: 'recovery',
        kind: 'terraform-local-state',
        severity: 'medium',
        location: f.rel,
        detail: 'terraform state kept only in the project: deleting it loses track of real infrastructure',
        fix: 'move it to a remote backend with versioning (terraform init -migrate-state)',
      });
    } else if (databaseFile.test(f.name)) {
      out.push({
        area: 'recovery',
        kind: 'database-file',
        severity: 'low',
        location: f.rel,
        detail: 'a database file inside the project',
      });
    } else if (backupFile.test(f.name)) {
      out.push({
        area: 'recovery',
        kind: 'database-backup',
        severity: 'low',
        location: f.rel,
        detail: 'a backup inside the project: whatever deletes the project deletes it too',
        fix: 'keep backups outside the working tree',
      });
    }
  }
  const trash = sizeOf(input.trashDir);
  out.push({
    area: 'recovery',
    kind: 'trash',
    severity: 'info',
    location: showPath(input.trashDir, input.home),
    detail:
      trash.files === 0
        ? 'airlock trash is empty'
        : `airlock trash holds ${trash.files} file(s), ${formatBytes(trash.bytes)} (recoverable with airlock undo)`,
  });
  return out;
}
