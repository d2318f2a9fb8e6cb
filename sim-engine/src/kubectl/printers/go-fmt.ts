/**
 * The bits of Go's strconv and fmt that kubectl's printers lean on, for JSON-like data.
 * kubectl's output is whatever these Go routines produce, so the printers share one port of them.
 */

import { compareGoStrings } from './labels.ts';

/** GoNumber is a Go number of a type JSON-like data cannot express (jsonpath literals, string bytes). */
export class GoNumber {
  readonly kind: 'int' | 'float64' | 'uint8';
  readonly value: number;

  constructor(kind: 'int' | 'float64' | 'uint8', value: number) {
    this.kind = kind;
    this.value = value;
  }
}

/** isGoInteger reports whether a JSON number would be an int64 in an unstructured object. */
export function isGoInteger(n: number): boolean {
  // apimachinery decodes JSON numbers into int64 when they parse as one, float64 otherwise;
  // a JS number cannot remember "1.0", so integral values in int64 range count as int64.
  return Number.isInteger(n) && Math.abs(n) < 2 ** 63;
}

/** formatFloatG is strconv.FormatFloat(n, 'g', -1, 64): shortest digits, exponent form outside 1e-4..1e21's %f range. */
export function formatFloatG(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : '-Inf';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const neg = n < 0;
  const [mant = '', expStr = '0'] = Math.abs(n).toExponential().split('e');
  const digits = mant.replace('.', '');
  const exp = Number(expStr);
  let s: string;
  // Go switches to %e when the exponent is < -4 or >= 6 for shortest formatting (eprec = 6).
  if (exp < -4 || exp >= 6) {
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const e = Math.abs(exp);
    s = `${digits[0]}${frac}e${exp < 0 ? '-' : '+'}${e < 10 ? '0' : ''}${e}`;
  } else {
    const dp = exp + 1;
    if (dp <= 0) s = `0.${'0'.repeat(-dp)}${digits}`;
    else if (dp >= digits.length) s = digits + '0'.repeat(dp - digits.length);
    else s = `${digits.slice(0, dp)}.${digits.slice(dp)}`;
  }
  return neg ? `-${s}` : s;
}

/** goJSONNumber is how encoding/json writes an unstructured number (int64, or float64 via 'f'/'e'). */
export function goJSONNumber(n: number): string {
  if (!Number.isFinite(n)) throw new TypeError(`json: unsupported value: ${formatFloatG(n)}`);
  // For finite doubles JS's Number#toString agrees with Go's float encoder: both use the
  // shortest digits, fixed notation for 1e-6 <= |n| < 1e21 and a trimmed exponent otherwise.
  return Object.is(n, -0) ? '0' : String(n);
}

/** toWellFormed replaces lone surrogates with U+FFFD, as Go does when the string reaches UTF-8. */
export function toWellFormed(s: string): string {
  // Cheap test first: almost no string has a surrogate at all.
  if (!/[\ud800-\udfff]/.test(s)) return s;
  return s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** utf8Length is the length of s in UTF-8 bytes, Go's len(s). */
export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** utf8Bytes encodes s as UTF-8 (lone surrogates become U+FFFD). */
export function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (const ch of toWellFormed(s)) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  return out;
}

/** decodeUTF8 decodes bytes as Go converts []byte to string for printing: invalid sequences become U+FFFD. */
export function decodeUTF8(bytes: readonly number[]): string {
  let s = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let cp = need === 0 ? b : need === 1 ? b & 0x1f : need === 2 ? b & 0x0f : b & 0x07;
    let ok = need >= 0;
    for (let k = 1; ok && k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (c & 0x3f);
    }
    const min = [0, 0x80, 0x800, 0x10000][need] ?? 0;
    if (!ok || cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      s += '\ufffd';
      i++;
      continue;
    }
    s += String.fromCodePoint(cp);
    i += need + 1;
  }
  return s;
}

/** isGoPrint approximates strconv.IsPrint: letters, marks, numbers, punctuation, symbols and ASCII space. */
export function isGoPrint(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x20 && cp < 0x7f;
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(String.fromCodePoint(cp));
}

/** goQuote is strconv.Quote (what %q and %#v print for a string). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of toWellFormed(s)) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (isGoPrint(c)) out += ch;
    else if (c === 7) out += '\\a';
    else if (c === 8) out += '\\b';
    else if (c === 0x0c) out += '\\f';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 9) out += '\\t';
    else if (c === 0x0b) out += '\\v';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if (c < 0x10000) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += `\\U${c.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoNumber);
}

function sortedKeys(m: Record<string, unknown>): string[] {
  return Object.keys(m)
    .filter((k) => m[k] !== undefined)
    .sort(compareGoStrings);
}

function goNumberText(v: number | GoNumber): string {
  if (v instanceof GoNumber) return v.kind === 'float64' ? formatFloatG(v.value) : String(v.value);
  return isGoInteger(v) ? (Object.is(v, -0) ? '0' : BigInt(v).toString()) : formatFloatG(v);
}

/** goSprint is fmt.Sprint (%v) of JSON-like data as Go holds it: maps sorted, `<nil>` for null. */
export function goSprint(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || v instanceof GoNumber) return goNumberText(v);
  if (typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (Array.isArray(v)) return `[${v.map(goSprint).join(' ')}]`;
  if (isMap(v)) return `map[${sortedKeys(v).map((k) => `${k}:${goSprint(v[k])}`).join(' ')}]`;
  return String(v);
}

/** goSharpV is fmt's %#v of JSON-like data held as map[string]interface{} / []interface{}. */
export function goSharpV(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number' || v instanceof GoNumber) return goNumberText(v);
  if (typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSharpV).join(', ')}}`;
  if (isMap(v)) {
    return `map[string]interface {}{${sortedKeys(v).map((k) => `${goQuote(k)}:${goSharpV(v[k])}`).join(', ')}}`;
  }
  return String(v);
}

/** goTypeName is the %v of reflect.Type for a value of JSON-like data, as unstructured objects hold it. */
export function goTypeName(v: unknown): string {
  if (v instanceof GoNumber) return v.kind;
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return isGoInteger(v) ? 'int64' : 'float64';
  if (Array.isArray(v)) return '[]interface {}';
  if (isMap(v)) return 'map[string]interface {}';
  return 'interface {}';
}

/** formatRune is fmt's %#U. */
export function formatRune(rune: number): string {
  // Go only ever sees UTF-8, where a lone surrogate has become U+FFFD.
  const r = rune >= 0xd800 && rune <= 0xdfff ? 0xfffd : rune;
  const hex = `U+${r.toString(16).toUpperCase().padStart(4, '0')}`;
  return isGoPrint(r) ? `${hex} '${String.fromCodePoint(r)}'` : hex;
}

/** goAtoi is strconv.Atoi on a 64-bit platform; null when it fails. */
export function goAtoi(s: string): number | null {
  if (!/^[+-]?[0-9]+$/.test(s)) return null;
  const v = BigInt(s);
  return v >= -(2n ** 63n) && v < 2n ** 63n ? Number(v) : null;
}

/** goParseFloat is strconv.ParseFloat for what jsonpath's parseNumber scans (sign, digits, dots); null when it fails. */
export function goParseFloat(s: string): number | null {
  if (!/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)$/.test(s)) return null;
  const v = Number(s);
  return Number.isFinite(v) ? v : null;
}

const SIMPLE_ESCAPES: Readonly<Record<string, number>> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 0x5c };

/** unquoteExtend is jsonpath's UnquoteExtend: strconv.Unquote that also takes single quotes; null on error. */
export function unquoteExtend(s: string): string | null {
  if (s.length < 2) return null;
  const quote = s[0]!;
  if (quote !== s[s.length - 1] || (quote !== '"' && quote !== "'")) return null;
  const body = s.slice(1, -1);
  if (!body.includes('\\') && !body.includes(quote)) return body;
  // \x and octal escapes produce raw bytes, so decode through UTF-8 at the end as Go would.
  const bytes: number[] = [];
  for (let i = 0; i < body.length; ) {
    const c = body[i]!;
    if (c === quote) return null;
    if (c !== '\\') {
      const cp = body.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      bytes.push(...utf8Bytes(ch));
      i += ch.length;
      continue;
    }
    const e = body[i + 1];
    if (e === undefined) return null;
    if (e in SIMPLE_ESCAPES) {
      bytes.push(SIMPLE_ESCAPES[e]!);
      i += 2;
    } else if (e === quote) {
      bytes.push(e.charCodeAt(0));
      i += 2;
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = body.slice(i + 2, i + 2 + n);
      if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex)) return null;
      const v = parseInt(hex, 16);
      if (e === 'x') bytes.push(v);
      else {
        if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return null;
        bytes.push(...utf8Bytes(String.fromCodePoint(v)));
      }
      i += 2 + n;
    } else if (e >= '0' && e <= '7') {
      const oct = body.slice(i + 1, i + 4);
      if (!/^[0-7]{3}$/.test(oct)) return null;
      const v = parseInt(oct, 8);
      if (v > 0xff) return null;
      bytes.push(v);
      i += 4;
    } else return null;
  }
  return decodeUTF8(bytes);
}
