/**
 * Just enough of resource.Quantity for describe: parsing `100m`, `64Mi`, `2`, `1e3`, adding,
 * and printing in the canonical form Quantity.String() uses (`1500m`, `2k`, `1536Mi`).
 */

/** QuantityFormat is how a quantity prints: decimal SI suffixes, binary suffixes, or an exponent. */
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** Quantity is an exact amount in thousandths of a unit, with the format it prints in. */
export interface Quantity {
  milli: bigint;
  format: QuantityFormat;
}

const DECIMAL: Record<string, number> = { '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

/** ZERO is the zero quantity, printed `0`. */
export const ZERO: Quantity = { milli: 0n, format: 'DecimalSI' };

/** parseQuantity reads a quantity string; undefined when it is not one. */
export function parseQuantity(s: string | undefined): Quantity | undefined {
  if (s === undefined) return undefined;
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]))?$/.exec(s.trim());
  if (!m || (m[2] === '' && !m[3])) return undefined;
  const sign = m[1] === '-' ? -1n : 1n;
  const frac = m[3] ?? '';
  // Work in units of 10^-9 so n, u and m suffixes stay exact, then round up to thousandths as Quantity does.
  let nano = BigInt(`${m[2] || '0'}${frac.padEnd(9, '0').slice(0, 9)}`);
  let format: QuantityFormat = 'DecimalSI';
  if (m[4]) {
    format = 'DecimalExponent';
    const e = Number(m[4].slice(1));
    nano = e >= 0 ? nano * 10n ** BigInt(e) : nano / 10n ** BigInt(-e);
  } else if (m[5] && BINARY[m[5]] !== undefined) {
    format = 'BinarySI';
    nano *= 1n << BigInt(BINARY[m[5]]!);
  } else if (m[5] === 'n') nano /= 1_000_000_000n;
  else if (m[5] === 'u') nano /= 1_000_000n;
  else if (m[5] === 'm') nano /= 1000n;
  else nano *= 10n ** BigInt(DECIMAL[m[5] ?? '']!);
  const milli = (nano + 999_999n) / 1_000_000n;
  return { milli: sign * milli, format };
}

/** addQuantity is Quantity.Add: the sum keeps the first operand's format unless that one is zero. */
export function addQuantity(a: Quantity, b: Quantity): Quantity {
  return { milli: a.milli + b.milli, format: a.milli === 0n ? b.format : a.format };
}

/** formatQuantity is Quantity.String() in canonical form. */
export function formatQuantity(q: Quantity): string {
  const v = q.milli;
  if (v === 0n) return '0';
  const neg = v < 0n;
  const abs = neg ? -v : v;
  let out: string;
  if (q.format === 'BinarySI' && abs % 1000n === 0n && abs >= 1024_000n) {
    let n = abs / 1000n;
    let i = 0;
    while (i < 6 && n % 1024n === 0n) {
      n /= 1024n;
      i++;
    }
    out = `${n}${['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'][i]}`;
  } else if (abs % 1000n !== 0n) {
    out = `${abs}m`;
  } else {
    let n = abs / 1000n;
    let i = 0;
    while (i < 6 && n % 1000n === 0n) {
      n /= 1000n;
      i++;
    }
    out = q.format === 'DecimalExponent' ? (i ? `${n}e${i * 3}` : `${n}`) : `${n}${['', 'k', 'M', 'G', 'T', 'P', 'E'][i]}`;
  }
  return neg ? `-${out}` : out;
}

/** percent is describe's int64(float64(a) / float64(b) * 100), with 0 when there is nothing to divide by. */
export function percent(part: Quantity, whole: Quantity | undefined, unit: 'milli' | 'value'): number {
  if (!whole || whole.milli === 0n) return 0;
  const value = (q: Quantity) => (unit === 'milli' ? Number(q.milli) : Number((q.milli + 999n) / 1000n));
  const w = value(whole);
  return w === 0 ? 0 : Math.trunc((value(part) / w) * 100);
}
