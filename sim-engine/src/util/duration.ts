/**
 * Durations as kubectl prints them. The engine keeps time in milliseconds; Go keeps it in
 * integer nanoseconds and truncates on every division, so the arithmetic here is done on
 * BigInt nanoseconds to get the same rounding (including toward zero for negatives).
 */

const NS_PER_MS = 1_000_000n;
const SECOND = 1_000_000_000n;
const MINUTE = 60n * SECOND;
const HOUR = 60n * MINUTE;

function toNanos(ms: number): bigint {
  const whole = Math.trunc(ms);
  return BigInt(whole) * NS_PER_MS + BigInt(Math.round((ms - whole) * 1e6));
}

/** humanDuration is apimachinery's duration.HumanDuration: about two or three significant figures. */
export function humanDuration(ms: number): string {
  const d = toNanos(ms);
  // Up to a second in the future reads as now: clocks of client and server disagree a little.
  const seconds = d / SECOND;
  if (seconds < -1n) return '<invalid>';
  if (seconds < 0n) return '0s';
  if (seconds < 60n * 2n) return `${seconds}s`;
  const minutes = d / MINUTE;
  if (minutes < 10n) {
    const s = seconds % 60n;
    return s === 0n ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60n * 3n) return `${minutes}m`;
  const hours = d / HOUR;
  if (hours < 8n) {
    const m = minutes % 60n;
    return m === 0n ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48n) return `${hours}h`;
  if (hours < 24n * 8n) {
    const h = hours % 24n;
    return h === 0n ? `${hours / 24n}d` : `${hours / 24n}d${h}h`;
  }
  if (hours < 24n * 365n * 2n) return `${hours / 24n}d`;
  if (hours < 24n * 365n * 8n) {
    const dy = (hours / 24n) % 365n;
    return dy === 0n ? `${hours / 24n / 365n}y` : `${hours / 24n / 365n}y${dy}d`;
  }
  return `${hours / 24n / 365n}y`;
}

/** goDuration is Go's time.Duration.String(), e.g. `1h2m3.5s`, `797ms`, `0s`. */
export function goDuration(ms: number): string {
  // Formatting goes through BigInt; the kubelet names the same few pull times thousands of times.
  let text = durations.get(ms);
  if (text === undefined) {
    if (durations.size >= DURATION_LIMIT) durations.clear();
    text = formatGoDuration(ms);
    durations.set(ms, text);
  }
  return text;
}

const DURATION_LIMIT = 4096;
const durations = new Map<number, string>();

function formatGoDuration(ms: number): string {
  const d = toNanos(ms);
  if (d === 0n) return '0s';
  const neg = d < 0n;
  let u = neg ? -d : d;
  let s: string;
  if (u < SECOND) {
    // Below a second Go switches unit so that the integer part is never zero.
    let unit: string;
    let prec: number;
    if (u < 1000n) [unit, prec] = ['ns', 0];
    else if (u < NS_PER_MS) [unit, prec] = ['µs', 3];
    else [unit, prec] = ['ms', 6];
    const [frac, rest] = fmtFrac(u, prec);
    s = `${rest}${frac}${unit}`;
  } else {
    const [frac, secs] = fmtFrac(u, 9);
    u = secs;
    s = `${u % 60n}${frac}s`;
    u /= 60n;
    if (u > 0n) {
      s = `${u % 60n}m${s}`;
      u /= 60n;
      // Go stops at hours: days differ in length across DST changes.
      if (u > 0n) s = `${u}h${s}`;
    }
  }
  return neg ? `-${s}` : s;
}

// Go's fmtFrac: the low `prec` digits become a fraction without trailing zeros (and without
// the point when they are all zero); returns that fraction and the remaining integer part.
function fmtFrac(v: bigint, prec: number): [string, bigint] {
  let digits = '';
  let printed = false;
  for (let i = 0; i < prec; i++) {
    const digit = v % 10n;
    printed ||= digit !== 0n;
    if (printed) digits = `${digit}${digits}`;
    v /= 10n;
  }
  return [printed ? `.${digits}` : '', v];
}

/** age is kubectl's translateTimestampSince: the AGE column, `<unknown>` without a timestamp. */
export function age(from: number | undefined, now: number): string {
  if (from === undefined) return '<unknown>';
  return humanDuration(now - from);
}
