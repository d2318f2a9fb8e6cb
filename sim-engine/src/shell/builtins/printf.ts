/**
 * bash's `printf`: %s %b %c %d %i %u %x %X %o %f %e %g %q and %%, with flags, width and
 * precision; the format is reused while arguments remain, as POSIX requires.
 */
import type { Runtime } from '../commands/runtime.ts';
import type { ProgramContext } from '../types.ts';
import { decodeEscape } from '../syntax/words.ts';
import { echoEscapes } from './echo.ts';

const DIRECTIVE = /%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([a-zA-Z%])?/y;

/** printf formats its arguments, optionally into a variable with `-v NAME`. */
export function printf(ctx: ProgramContext, rt: Runtime): number {
  let args = ctx.args;
  let target: string | undefined;
  if (args[0] === '-v') {
    target = args[1];
    args = args.slice(2);
    if (target === undefined || !/^[A-Za-z_]\w*$/.test(target)) {
      ctx.stderr(`bash: printf: \`${target ?? ''}': not a valid identifier\n`);
      return 2;
    }
  } else if (args[0] === '--') {
    args = args.slice(1);
  }
  const format = args[0];
  if (format === undefined) {
    ctx.stderr('bash: printf: usage: printf [-v var] format [arguments]\n');
    return 2;
  }
  const state = { args: args.slice(1), used: 0, status: 0 };
  let out = '';
  for (;;) {
    const before = state.used;
    const round = formatOnce(format, state, (m) => ctx.stderr(m));
    out += round.text;
    // The format repeats only if it consumed arguments and some are left.
    if (round.stop || state.used === before || state.used >= state.args.length) break;
  }
  if (target !== undefined) rt.scope.set(target, out);
  else ctx.stdout(out);
  return state.status;
}

/** formatPrintf formats `args` once through `format`, as awk's printf does; bad numbers count as their numeric prefix. */
export function formatPrintf(format: string, args: string[]): string {
  return formatOnce(format, { args, used: 0, status: 0 }, () => {}).text;
}

interface FormatState {
  args: string[];
  used: number;
  status: number;
}

function formatOnce(format: string, state: FormatState, warn: (message: string) => void): { text: string; stop: boolean } {
  let out = '';
  const next = (): string | undefined => (state.used < state.args.length ? state.args[state.used++] : undefined);
  for (let i = 0; i < format.length; ) {
    const c = format[i]!;
    if (c === '\\') {
      const [text, used] = format[i + 1] === undefined ? ['\\', 0] : decodeEscape(format, i + 1);
      out += text;
      i += 1 + used;
      continue;
    }
    if (c !== '%') {
      out += c;
      i++;
      continue;
    }
    DIRECTIVE.lastIndex = i;
    const m = DIRECTIVE.exec(format)!;
    i += m[0].length;
    const conv = m[4];
    if (conv === '%') {
      out += '%';
      continue;
    }
    if (conv === undefined || !'sbcdiuxXofeEgGq'.includes(conv)) {
      warn(`bash: printf: \`${conv ?? m[0].slice(-1)}': invalid format character\n`);
      state.status = 1;
      return { text: out, stop: true };
    }
    const width = m[2] === '*' ? Number(next() ?? 0) : m[2] ? Number(m[2]) : 0;
    const precision = m[3] === '*' ? Number(next() ?? 0) : m[3] !== undefined ? Number(m[3] || 0) : undefined;
    const arg = next();
    if (conv === 'b') {
      const decoded = echoEscapes(arg ?? '');
      out += pad(decoded.text, m[1]!, width);
      if (decoded.stop) return { text: out, stop: true };
      continue;
    }
    out += pad(convert(conv, arg, m[1]!, precision, state, warn), m[1]!, width, /[dixXoufeEgG]/.test(conv));
  }
  return { text: out, stop: false };
}

function convert(conv: string, arg: string | undefined, flags: string, precision: number | undefined, state: FormatState, warn: (message: string) => void): string {
  switch (conv) {
    case 's':
      return precision === undefined ? (arg ?? '') : (arg ?? '').slice(0, precision);
    case 'c':
      return (arg ?? '').slice(0, 1);
    case 'q':
      return arg === undefined || arg === '' ? "''" : arg.replace(/[^A-Za-z0-9_./:=@%+,-]/g, '\\$&');
    case 'f':
    case 'e':
    case 'E':
    case 'g':
    case 'G': {
      const n = toNumber(arg, state, warn, true);
      const p = precision ?? 6;
      const text = conv === 'f' ? n.toFixed(p) : conv.toLowerCase() === 'e' ? cExponent(n.toExponential(p)) : gFormat(n, p);
      return sign(text, n, flags, conv === 'E' || conv === 'G');
    }
    default: {
      const n = Math.trunc(toNumber(arg, state, warn, false));
      const base = conv === 'x' || conv === 'X' ? 16 : conv === 'o' ? 8 : 10;
      let digits = Math.abs(n).toString(base);
      if (conv === 'X') digits = digits.toUpperCase();
      if (precision !== undefined) digits = digits.padStart(precision, '0');
      return sign(n < 0 ? `-${digits}` : digits, n, flags, false);
    }
  }
}

function sign(text: string, n: number, flags: string, upper: boolean): string {
  const signed = n >= 0 && flags.includes('+') ? `+${text}` : n >= 0 && flags.includes(' ') ? ` ${text}` : text;
  return upper ? signed.toUpperCase() : signed;
}

function toNumber(arg: string | undefined, state: FormatState, warn: (message: string) => void, float: boolean): number {
  if (arg === undefined || arg === '') return 0;
  const text = arg.trim();
  if (/^['"]/.test(text)) return text.codePointAt(1) ?? 0;
  const n = float ? Number(text) : /^[-+]?0[xX][0-9a-fA-F]+$/.test(text) ? parseInt(text, 16) : /^[-+]?0[0-7]+$/.test(text) ? parseInt(text, 8) : /^[-+]?\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isNaN(n)) return n;
  warn(`bash: printf: ${arg}: invalid number\n`);
  state.status = 1;
  const prefix = /^[-+]?\d+(\.\d*)?/.exec(text);
  return prefix ? Number(prefix[0]) : 0;
}

// C prints at least two exponent digits: 1.5e+00, not 1.5e+0.
function cExponent(text: string): string {
  return text.replace(/e([+-])(\d)$/, 'e$10$2');
}

function gFormat(n: number, precision: number): string {
  const p = precision === 0 ? 1 : precision;
  const exp = n === 0 ? 0 : Math.floor(Math.log10(Math.abs(n)));
  const text = exp < -4 || exp >= p ? cExponent(n.toExponential(p - 1)) : n.toFixed(Math.max(0, p - 1 - exp));
  // %g drops trailing zeros of the fraction.
  return text.includes('.') ? text.replace(/(\.\d*?)0+(e|$)/, '$1$2').replace(/\.(e|$)/, '$1') : text;
}

function pad(text: string, flags: string, width: number, numeric = false): string {
  if (text.length >= width) return text;
  if (flags.includes('-')) return text.padEnd(width);
  if (numeric && flags.includes('0')) {
    const signLength = /^[-+ ]/.test(text) ? 1 : 0;
    return text.slice(0, signLength) + text.slice(signLength).padStart(width - signLength, '0');
  }
  return text.padStart(width);
}
