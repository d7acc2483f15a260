import { describe, expect, it } from 'vitest';
import { remoteName } from '../../src/tools/rclone.js';
import { invocationOf, outcome } from './cloud-helpers.js';

describe('rclone and gsutil', () => {
  it.each([
    ['s3prod:acme/logs', 's3prod'],
    [':s3:bucket', undefined],
    ['./dir:with:colons', undefined],
    ['C:\\data', undefined],
    ['/abs/path', undefined],
    ['gdrive:', 'gdrive'],
  ])('remote name of %s', (arg, name) => {
    expect(remoteName(arg)).toBe(name);
  });

  it('reads flags anywhere and remotes as targets and hints', () => {
    const inv = invocationOf(
      'rclone',
      'rclone --transfers 8 sync ./dist s3prod:acme-site -P --exclude "*.map"',
    );
    expect(inv.subcommand).toEqual(['sync']);
    expect(inv.positionals).toEqual(['./dist', 's3prod:acme-site']);
    expect(inv.targets).toEqual([{ kind: 'remote', value: 's3prod:acme-site' }]);
    expect(inv.envHints).toEqual([{ kind: 'host', value: 's3prod', source: 'rclone remote s3prod:' }]);
  });

  it('reads gsutil global options, nested verbs and per-command values', () => {
    const inv = invocationOf(
      'gsutil',
      'gsutil -m -o GSUtil:parallel_composite_upload_threshold=150M rsync -r -x ".*\\.map$" -d ./dist gs://site',
    );
    expect(inv.subcommand).toEqual(['rsync']);
    expect(inv.positionals).toEqual(['./dist', 'gs://site']);
    expect(inv.facts).toMatchObject({ 'storage.deletes-extra': true, 'storage.writes-remote': true });
    expect(invocationOf('gsutil', 'gsutil acl set private gs://b').subcommand).toEqual(['acl', 'set']);
  });

  it.each([
    ['rclone sync ./dist ./mirror', ['storage/sync-delete'], 'approve'],
    ['rclone copy ./dist dev-box:site', ['storage/remote-write'], 'allow'],
    ['rclone copy ./dist prod-box:site', ['storage/remote-write'], 'approve'],
    ['rclone lsd prod-box:', [], 'allow'],
    ['rclone config delete old', [], 'allow'],
    ['rclone moveto prod-box:a.txt ./a.txt', ['storage/move-out'], 'approve'],
    ['rclone move ./old prod-box:archive', ['storage/remote-write'], 'approve'],
    ['gsutil -m rm -r gs://acme/tmp', ['storage/gcs-rm'], 'approve'],
    ['gsutil rsync -r gs://acme ./backup', [], 'allow'],
    ['gsutil mv gs://acme/a ./a', ['storage/move-out'], 'approve'],
    [
      'azcopy cp ./dist "https://acme.blob.core.windows.net/a?sv=x" --recursive',
      ['storage/remote-write'],
      'approve',
    ],
    [
      'azcopy sync ./site "https://acme.blob.core.windows.net/www" --delete-destination true',
      ['storage/remote-write', 'storage/sync-delete'],
      'approve',
    ],
    ['azcopy copy "https://acme.blob.core.windows.net/a/x" ./x', [], 'allow'],
    ['azcopy rm "https://acme.blob.core.windows.net/a/x" --dry-run', [], 'allow'],
  ] as const)('%s → %j %s', (line, rules, decision) => {
    const result = outcome(line);
    expect([result.rules, result.decision]).toEqual([rules, decision]);
  });
});
