/** System information: date (in cluster time, UTC), hostname and whoami. */
import type { Builtin } from '../commands/runtime.ts';
import { getOptions, usageError } from '../commands/util.ts';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** DATE_FORMAT is GNU date's default output format in the C locale. */
export const DATE_FORMAT = '%a %b %e %H:%M:%S %Z %Y';

/** strftime formats `ms` (UTC) with the common conversions of C's strftime. */
export function strftime(format: string, ms: number): string {
  const d = new Date(ms);
  const two = (n: number): string => String(n).padStart(2, '0');
  const fields: Record<string, () => string> = {
    a: () => DAYS[d.getUTCDay()]!,
    A: () => ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][d.getUTCDay()]!,
    b: () => MONTHS[d.getUTCMonth()]!,
    h: () => MONTHS[d.getUTCMonth()]!,
    d: () => two(d.getUTCDate()),
    e: () => String(d.getUTCDate()).padStart(2),
    H: () => two(d.getUTCHours()),
    I: () => two(((d.getUTCHours() + 11) % 12) + 1),
    M: () => two(d.getUTCMinutes()),
    S: () => two(d.getUTCSeconds()),
    p: () => (d.getUTCHours() < 12 ? 'AM' : 'PM'),
    m: () => two(d.getUTCMonth() + 1),
    y: () => two(d.getUTCFullYear() % 100),
    Y: () => String(d.getUTCFullYear()),
    j: () => String(Math.floor((ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1).padStart(3, '0'),
    s: () => String(Math.floor(ms / 1000)),
    N: () => String((((ms % 1000) + 1000) % 1000) * 1_000_000).padStart(9, '0'),
    Z: () => 'UTC',
    z: () => '+0000',
    T: () => `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`,
    R: () => `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`,
    F: () => `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`,
    D: () => `${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())}/${two(d.getUTCFullYear() % 100)}`,
    n: () => '\n',
    t: () => '\t',
    '%': () => '%',
  };
  return format.replace(/%(.?)/gs, (whole, c: string) => fields[c]?.() ?? whole);
}

/** date prints the cluster's current time, optionally with a +FORMAT. */
export const date: Builtin = (ctx) => {
  const opts = getOptions(
    ctx,
    { name: 'date', usage: '[OPTION]... [+FORMAT]', summary: '  -u  print Coordinated Universal Time (always the case here)\n  +FORMAT  e.g. +%s, +%F, +%T' },
    { flags: 'uR', long: { utc: 'u', universal: 'u', 'rfc-email': 'R' } },
  );
  if (typeof opts === 'number') return opts;
  const [format, extra] = opts.operands;
  if (extra !== undefined || (format !== undefined && !format.startsWith('+'))) {
    ctx.stderr(`date: invalid date '${format}'\n`);
    return 1;
  }
  const fmt = format?.slice(1) ?? (opts.flags.has('R') ? '%a, %d %b %Y %H:%M:%S %z' : DATE_FORMAT);
  ctx.stdout(`${strftime(fmt, ctx.now())}\n`);
  return 0;
};

/** hostname prints the sandbox's host name; -s and -f print it too, as there is no domain. */
export const hostname: Builtin = (ctx, rt) => {
  const info = { name: 'hostname', usage: '[-s|-f]', summary: '  -s, --short  short host name   -f, --fqdn  full name (the same here)' };
  const opts = getOptions(ctx, info, { flags: 'sf', long: { short: 's', fqdn: 'f', long: 'f' } });
  if (typeof opts === 'number') return opts;
  if (opts.operands.length > 0) {
    ctx.stderr('hostname: you must be root to change the host name\n');
    return 1;
  }
  ctx.stdout(`${rt.hostname}\n`);
  return 0;
};

/** whoami prints the learner's user name. */
export const whoami: Builtin = (ctx) => {
  const info = { name: 'whoami', usage: '[OPTION]...', summary: '  (no options)' };
  const opts = getOptions(ctx, info, {});
  if (typeof opts === 'number') return opts;
  if (opts.operands.length > 0) return usageError(ctx, info, `extra operand '${opts.operands[0]}'`);
  ctx.stdout('learner\n');
  return 0;
};
