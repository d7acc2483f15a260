import { describe, expect, it } from 'vitest';
import { isoTime } from '../../src/audit/iso-time.js';

describe('isoTime', () => {
  it('writes what Date#toISOString writes, over the years 0000 to 9999', () => {
    let seed = 12345;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const samples = [
      0,
      -1,
      1,
      951_782_400_000, // 2000-02-29
      951_868_799_999, // 2000-02-29T23:59:59.999Z
      4_107_542_400_000, // 2100-03-01 (not a leap year)
      -62_167_219_200_000, // 0000-01-01
      253_402_300_799_999, // 9999-12-31T23:59:59.999Z
      Date.now(),
    ];
    for (let i = 0; i < 20_000; i++)
      samples.push(Math.floor(-62_167_219_200_000 + next() * 315_569_519_999_999));
    for (const ms of samples) expect(isoTime(ms), String(ms)).toBe(new Date(ms).toISOString());
  });

  it('leaves years outside 0000–9999 to Date', () => {
    expect(isoTime(-62_167_219_200_001)).toBe(new Date(-62_167_219_200_001).toISOString());
    expect(isoTime(253_402_300_800_000)).toBe('+010000-01-01T00:00:00.000Z');
  });
});
