// Disk tools: mkfs*, mkswap, wipefs and the partition editors. Listing modes only read.

import { once } from '../once.js';
import type { SimpleCommand } from '../parse/command.js';
import { type ArgvSpec, hasFlag, parseArgv } from './argv.js';
import type { Recognition, RecognizeContext, Recognizer } from './invocation.js';
import { argsOf, makeInvocation } from './make-invocation.js';
import { isWholeDisk, pathTarget } from './paths.js';

const req = { value: 'required' } as const;

const specs = once(
  (): Record<string, ArgvSpec> => ({
    mkfs: {
      options: {
        help: { short: 'h' },
        version: { short: 'V' },
        type: { short: 't', ...req },
        force: { short: 'fF' },
        // Filesystem-specific options with values (ext*, xfs, btrfs, vfat): `-L label` is not a device.
        ...Object.fromEntries(
          [...'LbmNOETUIiGgdlnrsCc'].map((letter) => [`opt-${letter}`, { short: letter, ...req }]),
        ),
      },
    },
    wipefs: {
      options: {
        help: { short: 'h' },
        all: { short: 'a' },
        offset: { short: 'o', ...req },
        'no-act': { short: 'n' },
        types: { short: 't', ...req },
        backup: { short: 'b' },
        force: { short: 'f' },
        json: { short: 'J' },
        output: { short: 'O', ...req },
        parsable: { short: 'p' },
      },
    },
    fdisk: {
      options: {
        help: { short: 'h' },
        list: { short: 'l' },
        version: { short: 'V' },
        'sector-size': { short: 'b', ...req },
        type: { short: 't', ...req },
        units: { short: 'u', ...opt() },
        'list-details': { short: 'x' },
      },
    },
    sfdisk: {
      options: {
        help: { short: 'h' },
        list: { short: 'l' },
        dump: { short: 'd' },
        json: { short: 'J' },
        'show-size': { short: 's' },
        'list-free': { short: 'F' },
        'list-types': { short: 'T' },
        verify: { short: 'V' },
        'no-act': { short: 'n' },
        backup: { short: 'b' },
        delete: {},
        version: { short: 'v' },
        label: { short: 'X', ...req },
      },
    },
    parted: {
      options: {
        help: { short: 'h' },
        list: { short: 'l' },
        script: { short: 's' },
        machine: { short: 'm' },
        version: { short: 'v' },
        align: { short: 'a', ...req },
      },
      optionsAfterPositionals: false,
    },
    gdisk: { options: { help: { short: 'h' }, list: { short: 'l' } } },
  }),
);

function opt() {
  return { value: 'optional' } as const;
}

const readOnlyParted = new Set(['print', 'p', 'help', 'version', 'unit', 'quit']);

function specFor(program: string): [string, ArgvSpec] {
  if (program.startsWith('mkfs') || program === 'mke2fs' || program === 'mkswap')
    return ['mkfs', specs().mkfs!];
  if (program === 'cfdisk' || program === 'sgdisk') return [program, specs().gdisk!];
  return [program, specs()[program] ?? specs().mkfs!];
}

function recognizeDisk(command: SimpleCommand, ctx: RecognizeContext): Recognition {
  const program = command.program ?? 'mkfs';
  const [tool, spec] = specFor(program);
  const parsed = parseArgv(argsOf(command), spec);
  let writes = true;
  let devices = parsed.positionalWords;
  if (tool === 'wipefs') writes = hasFlag(parsed.flags, 'all', 'offset') && !hasFlag(parsed.flags, 'no-act');
  if (tool === 'fdisk' || tool === 'gdisk') writes = !hasFlag(parsed.flags, 'list', 'list-details');
  if (tool === 'sfdisk') {
    const reading = ['list', 'dump', 'json', 'show-size', 'list-free', 'list-types', 'verify', 'no-act'];
    writes = !hasFlag(parsed.flags, ...reading);
    devices = devices.slice(0, 1);
  }
  if (tool === 'parted') {
    const script = parsed.positionals.slice(1);
    devices = parsed.positionalWords.slice(0, 1);
    // `parted /dev/sda print` reads; no script is an interactive session that can do anything.
    writes =
      !hasFlag(parsed.flags, 'list') && (script.length === 0 || !script.every((w) => readOnlyParted.has(w)));
  }
  if (tool === 'mkfs') {
    // mkfs takes an optional block count after the device.
    devices = devices.filter((w) => w.value === undefined || !/^\d+$/.test(w.value));
  }
  // Listing modes read the device; only a device that is written is a target.
  const targets = writes ? devices.map((w) => pathTarget(w, command, ctx)) : [];
  return {
    invocations: [
      makeInvocation(command, {
        tool,
        parsed,
        targets,
        facts: {
          'disk.writes': writes,
          'disk.version': hasFlag(parsed.flags, 'version'),
          'whole-disk': targets.some((t) => t.resolved !== undefined && isWholeDisk(t.resolved)),
        },
      }),
    ],
  };
}

export const diskRecognizer: Recognizer = {
  programs: ['mkfs', 'mke2fs', 'mkswap', 'wipefs', 'fdisk', 'sfdisk', 'cfdisk', 'parted', 'gdisk', 'sgdisk'],
  programPrefixes: ['mkfs.'],
  recognize: recognizeDisk,
};
