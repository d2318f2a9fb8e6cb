/** Go's time.ParseDuration, for flags such as `--timeout=30s`, with Go's error messages. */

const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** parseGoDuration returns milliseconds; it throws an Error reading `time: invalid duration "x"` and the like. */
export function parseGoDuration(text: string): number {
  const quoted = JSON.stringify(text);
  let s = text;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    sign = s.startsWith('-') ? -1 : 1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') throw new Error(`time: invalid duration ${quoted}`);
  let total = 0;
  while (s !== '') {
    const num = /^(\d*)(\.\d*)?/.exec(s)!;
    if (num[0] === '' || num[0] === '.') throw new Error(`time: invalid duration ${quoted}`);
    s = s.slice(num[0].length);
    const unit = /^[^\d.]*/.exec(s)![0];
    if (unit === '') throw new Error(`time: missing unit in duration ${quoted}`);
    const factor = Object.hasOwn(UNITS, unit) ? UNITS[unit] : undefined;
    if (factor === undefined) throw new Error(`time: unknown unit ${JSON.stringify(unit)} in duration ${quoted}`);
    total += Number(num[0]) * factor;
    s = s.slice(unit.length);
  }
  return sign * total;
}

/** durationFlag reads a duration flag, failing with pflag's wording for `kubectl <cmd> --help`. */
export function durationFlag(value: string, flag: string, command: string): number {
  try {
    return parseGoDuration(value);
  } catch (e) {
    throw new Error(`error: invalid argument "${value}" for "--${flag}" flag: ${(e as Error).message}\nSee 'kubectl ${command} --help' for usage.`);
  }
}
