// Durations (`15m`) and sizes (`5GB`) as config files spell them, and their numeric values.

const durationUnits: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

const sizeUnits: Record<string, number> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
};

/** Splits `1.5GB` into 1.5 and `gb`; undefined unless it is a number followed by a unit. */
function splitQuantity(text: string): { amount: number; unit: string } | undefined {
  const trimmed = text.trim();
  let end = 0;
  while (end < trimmed.length && ((trimmed[end]! >= '0' && trimmed[end]! <= '9') || trimmed[end] === '.'))
    end++;
  if (end === 0) return undefined;
  const amount = Number(trimmed.slice(0, end));
  if (!Number.isFinite(amount)) return undefined;
  return { amount, unit: trimmed.slice(end).trim().toLowerCase() };
}

/** Milliseconds in `30s`, `15m`, `2h`, `1d`, `500ms`; undefined when malformed. */
export function parseDuration(text: string): number | undefined {
  const quantity = splitQuantity(text);
  if (!quantity) return undefined;
  const factor = durationUnits[quantity.unit];
  return factor === undefined ? undefined : quantity.amount * factor;
}

/** Bytes in `5GB`, `500MB`, `2GiB`, `100B`; undefined when malformed. */
export function parseSize(text: string): number | undefined {
  const quantity = splitQuantity(text);
  if (!quantity) return undefined;
  const factor = sizeUnits[quantity.unit];
  return factor === undefined ? undefined : Math.round(quantity.amount * factor);
}
