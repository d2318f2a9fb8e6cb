/**
 * Tokens of bash's arithmetic (`$(( ))`, `(( ))`, `for (( ))`): numbers in bash's notations
 * (`10`, `010` octal, `0x1f`, `2#101`), names, and C's operators. Values are 64-bit signed,
 * wrapping as bash's intmax_t does.
 */

/** ArithToken is one token and where it starts in the expression, for bash's "error token is" text. */
export interface ArithToken {
  kind: 'number' | 'name' | 'op' | 'bad' | 'end';
  text: string;
  start: number;
}

/** ArithError is an arithmetic error; `detail` is bash's wording, `at` where its error token starts (-1 for none). */
export class ArithError extends Error {
  readonly detail: string;
  readonly at: number;
  constructor(detail: string, at: number) {
    super(detail);
    this.detail = detail;
    this.at = at;
  }
}

const OPERATORS = [
  '<<=', '>>=', '**', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '*=', '/=', '%=', '+=', '-=', '&=', '^=', '|=',
  '+', '-', '*', '/', '%', '<', '>', '&', '^', '|', '!', '~', '?', ':', '=', ',', '(', ')',
];

/** wrap keeps a value in bash's 64-bit signed range. */
export function wrap(n: bigint): bigint {
  return BigInt.asIntN(64, n);
}

/** tokenize splits an arithmetic expression into tokens, ending with an `end` token. */
export function tokenize(src: string): ArithToken[] {
  const tokens: ArithToken[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (/[0-9]/.test(c)) {
      while (i < src.length && /[0-9A-Za-z@_#]/.test(src[i]!)) i++;
      tokens.push({ kind: 'number', text: src.slice(start, i), start });
    } else if (/[A-Za-z_]/.test(c)) {
      while (i < src.length && /[A-Za-z0-9_]/.test(src[i]!)) i++;
      tokens.push({ kind: 'name', text: src.slice(start, i), start });
    } else {
      const op = OPERATORS.find((o) => src.startsWith(o, i));
      if (op === undefined) {
        tokens.push({ kind: 'bad', text: c, start });
        i++;
      } else {
        tokens.push({ kind: 'op', text: op, start });
        i += op.length;
      }
    }
  }
  tokens.push({ kind: 'end', text: '', start: src.length });
  return tokens;
}

/** parseNumber reads a number token as bash does: decimal, 0 octal, 0x hex, or BASE#DIGITS with bases 2 to 64. */
export function parseNumber(token: ArithToken): bigint {
  const text = token.text;
  let base = 10;
  let digits = text;
  const hash = text.indexOf('#');
  if (hash >= 0) {
    base = Number(text.slice(0, hash));
    digits = text.slice(hash + 1);
    if (!/^\d+$/.test(text.slice(0, hash)) || base < 2 || base > 64) throw new ArithError('invalid arithmetic base', token.start);
  } else if (/^0[xX]/.test(text)) {
    base = 16;
    digits = text.slice(2);
  } else if (text.length > 1 && text.startsWith('0')) {
    base = 8;
    digits = text.slice(1);
  }
  let value = 0n;
  for (const d of digits) {
    const v = digitValue(d, base);
    if (v === undefined) throw new ArithError('invalid number', token.start);
    if (v >= base) throw new ArithError('value too great for base', token.start);
    value = wrap(value * BigInt(base) + BigInt(v));
  }
  return value;
}

// Digits beyond 9 are a-z, A-Z, @ and _; up to base 36 letters ignore case.
function digitValue(d: string, base: number): number | undefined {
  if (/[0-9]/.test(d)) return Number(d);
  if (/[a-z]/.test(d)) return d.charCodeAt(0) - 87;
  if (/[A-Z]/.test(d)) return base <= 36 ? d.charCodeAt(0) - 55 : d.charCodeAt(0) - 29;
  if (d === '@') return 62;
  if (d === '_') return 63;
  return undefined;
}
