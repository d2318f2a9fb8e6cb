/**
 * How go-yaml v2 (v2.4.0, as kubectl vendors it) decides a string's scalar style: the encoder's
 * implicit-typing check (resolve.go) and the emitter's character analysis (emitterc.go). The
 * encoder writes a string plain only when reading it back plain gives a string again, so quoting
 * depends on every quirk of Go's ParseInt/ParseUint/ParseFloat syntax and time.Parse layouts.
 */

const RESOLVE_MAP: ReadonlySet<string> = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
  '<<',
]);

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** yamlNeedsQuotes reports whether go-yaml's encoder refuses to write s as a plain scalar because of its type. */
export function yamlNeedsQuotes(s: string): boolean {
  return !resolvesToString(s) || isBase60Float(s);
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isBase60Float(s: string): boolean {
  const c = s[0];
  if (!(c === '+' || c === '-' || isDigit(c)) || !s.includes(':')) return false;
  return BASE60_FLOAT.test(s);
}

function resolvesToString(s: string): boolean {
  const c = s[0];
  let hint: string;
  if (c === undefined) hint = 'N';
  else if (c === '+' || c === '-') hint = 'S';
  else if (isDigit(c)) hint = 'D';
  else if ('yYnNtTfFoO~'.includes(c)) hint = 'M';
  else if (c === '.') hint = '.';
  else return true;
  if (RESOLVE_MAP.has(s)) return false;
  if (hint === 'M') return true;
  if (hint === '.') return !parseFloatOK(s);
  if (parseTimestamp(s)) return false;
  const plain = s.replaceAll('_', '');
  const i = parseGoInt(plain, true);
  if (i !== null && i >= INT64_MIN && i <= INT64_MAX) return false;
  const u = parseGoInt(plain, false);
  if (u !== null && u <= UINT64_MAX) return false;
  if (YAML_STYLE_FLOAT.test(plain) && Number.isFinite(Number(plain))) return false;
  if (plain.startsWith('0b')) {
    // ParseInt(rest, 2) takes a sign, ParseUint(rest, 2) does not: "0b-101" is an int.
    const rest = plain.slice(2);
    const v = binaryValue(rest);
    if (v !== null && v >= INT64_MIN && v <= INT64_MAX) return false;
    if (v !== null && !/^[+-]/.test(rest) && v <= UINT64_MAX) return false;
  }
  return true;
}

function binaryValue(s: string): bigint | null {
  const neg = s.startsWith('-');
  const digits = s.replace(/^[+-]/, '');
  if (!/^[01]+$/.test(digits)) return null;
  const v = BigInt(`0b${digits}`);
  return neg ? -v : v;
}

/** parseGoInt is strconv.ParseInt/ParseUint with base 0 (sign only when signed); null on syntax error, range unchecked. */
function parseGoInt(s: string, signed: boolean): bigint | null {
  let neg = false;
  let body = s;
  if (signed && (body[0] === '+' || body[0] === '-')) {
    neg = body[0] === '-';
    body = body.slice(1);
  }
  if (body === '') return null;
  let digits = body;
  let re = /^[0-9]+$/;
  let prefix = '';
  if (body[0] === '0') {
    const p = body[1]?.toLowerCase();
    if (body.length >= 3 && p === 'b') [digits, re, prefix] = [body.slice(2), /^[01]+$/, '0b'];
    else if (body.length >= 3 && p === 'o') [digits, re, prefix] = [body.slice(2), /^[0-7]+$/, '0o'];
    else if (body.length >= 3 && p === 'x') [digits, re, prefix] = [body.slice(2), /^[0-9a-fA-F]+$/, '0x'];
    else [digits, re, prefix] = [body.slice(1), /^[0-7]*$/, '0o'];
  }
  if (!re.test(digits)) return null;
  const v = digits === '' ? 0n : BigInt(prefix + digits);
  return neg ? -v : v;
}

/** parseFloatOK is whether strconv.ParseFloat(s, 64) succeeds, for the decimal forms resolve can reach. */
function parseFloatOK(s: string): boolean {
  let i = 0;
  if (s[i] === '+' || s[i] === '-') i++;
  let sawDigits = false;
  let sawDot = false;
  let underscores = false;
  for (; i < s.length; i++) {
    const c = s[i]!;
    if (c === '_') underscores = true;
    else if (c === '.' && !sawDot) sawDot = true;
    else if (isDigit(c)) sawDigits = true;
    else break;
  }
  if (!sawDigits) return false;
  if (s[i] === 'e' || s[i] === 'E') {
    i++;
    if (s[i] === '+' || s[i] === '-') i++;
    if (!isDigit(s[i])) return false;
    for (; i < s.length && (isDigit(s[i]) || s[i] === '_'); i++) if (s[i] === '_') underscores = true;
  }
  if (i !== s.length) return false;
  if (underscores && !underscoreOK(s)) return false;
  return Number.isFinite(Number(s.replaceAll('_', '')));
}

/** underscoreOK is strconv's rule: underscores only between digits (or after a base prefix). */
function underscoreOK(str: string): boolean {
  let s = str;
  let saw = '^';
  let i = 0;
  if (s[0] === '-' || s[0] === '+') s = s.slice(1);
  let hex = false;
  const p = s[1]?.toLowerCase();
  if (s.length >= 2 && s[0] === '0' && (p === 'b' || p === 'o' || p === 'x')) {
    i = 2;
    saw = '0';
    hex = p === 'x';
  }
  for (; i < s.length; i++) {
    const c = s[i]!;
    if (isDigit(c) || (hex && /[a-fA-F]/.test(c))) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

// Each layout is what time.Parse accepts for go-yaml's allowedTimestampFormats.
type Layout = 'T' | 't' | ' ' | 'date';
const LAYOUTS: readonly Layout[] = ['T', 't', ' ', 'date'];

function parseTimestamp(s: string): boolean {
  let i = 0;
  while (i < s.length && isDigit(s[i])) i++;
  if (i !== 4 || s[4] !== '-') return false;
  return LAYOUTS.some((l) => matchLayout(l, s));
}

/** getnum is time.getnum with fixed=false: one or two digits. */
function getnum(s: string, at: number): [number, number] | null {
  if (!isDigit(s[at])) return null;
  if (!isDigit(s[at + 1])) return [Number(s[at]), at + 1];
  return [Number(s.slice(at, at + 2)), at + 2];
}

function daysIn(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function matchLayout(layout: Layout, s: string): boolean {
  const year = Number(s.slice(0, 4));
  let at = 5;
  const month = getnum(s, at);
  if (!month || month[0] < 1 || month[0] > 12) return false;
  at = month[1];
  if (s[at] !== '-') return false;
  const day = getnum(s, at + 1);
  if (!day) return false;
  at = day[1];
  if (layout !== 'date') {
    if (layout === ' ') {
      // A layout space matches any run of spaces, but only a space (or the end).
      if (at < s.length && s[at] !== ' ') return false;
      while (s[at] === ' ') at++;
    } else if (s[at++] !== layout) return false;
    for (const [sep, max] of [['', 24], [':', 60], [':', 60]] as const) {
      if (sep !== '' && s[at++] !== sep) return false;
      const n = getnum(s, at);
      if (!n || n[0] >= max) return false;
      at = n[1];
    }
    if ((s[at] === '.' || s[at] === ',') && isDigit(s[at + 1])) {
      at++;
      while (isDigit(s[at])) at++;
    }
    if (layout !== ' ') {
      if (s[at] === 'Z') at++;
      else {
        const tz = s.slice(at, at + 6);
        if (tz.length < 6 || tz[3] !== ':' || (tz[0] !== '+' && tz[0] !== '-')) return false;
        if (!/^\d\d$/.test(tz.slice(1, 3)) || !/^\d\d$/.test(tz.slice(4, 6))) return false;
        if (Number(tz.slice(1, 3)) > 24 || Number(tz.slice(4, 6)) > 60) return false;
        at += 6;
      }
    }
  }
  if (at !== s.length) return false;
  return day[0] >= 1 && day[0] <= daysIn(month[0], year);
}

/** ScalarAnalysis is which styles a scalar's characters allow (yaml_emitter_analyze_scalar). */
export interface ScalarAnalysis {
  multiline: boolean;
  flowPlain: boolean;
  blockPlain: boolean;
  singleQuoted: boolean;
  block: boolean;
}

/** isBreak is is_break: the five YAML line breaks. */
export const isBreak = (c: string | undefined): boolean =>
  c === '\r' || c === '\n' || c === '\u0085' || c === '\u2028' || c === '\u2029';
const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';

/** isPrintable is yamlprivateh.go's is_printable on one code point (4-byte UTF-8 never is). */
export function isPrintable(c: string): boolean {
  const cp = c.codePointAt(0)!;
  return (
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
  );
}

/** analyzeScalar is yaml_emitter_analyze_scalar over code points. */
export function analyzeScalar(cps: readonly string[]): ScalarAnalysis {
  if (cps.length === 0) {
    return { multiline: false, flowPlain: false, blockPlain: true, singleQuoted: true, block: false };
  }
  let blockIndicators = false;
  let flowIndicators = false;
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let prevSpace = false;
  let prevBreak = false;
  const head = cps.slice(0, 3).join('');
  if (head === '---' || head === '...') {
    blockIndicators = true;
    flowIndicators = true;
  }
  let precededByWhitespace = true;
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i]!;
    const followedByWhitespace = i + 1 >= cps.length || isBlank(cps[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) {
        flowIndicators = true;
        blockIndicators = true;
      } else if (c === '?' || c === ':') {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      } else if (c === '-' && followedByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    } else if (',?[]{}'.includes(c)) {
      flowIndicators = true;
    } else if (c === ':') {
      flowIndicators = true;
      if (followedByWhitespace) blockIndicators = true;
    } else if (c === '#' && precededByWhitespace) {
      flowIndicators = true;
      blockIndicators = true;
    }
    if (!isPrintable(c)) special = true;
    if (c === ' ') {
      if (i === 0) leadingSpace = true;
      if (i === cps.length - 1) trailingSpace = true;
      if (prevBreak) breakSpace = true;
      prevSpace = true;
      prevBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === cps.length - 1) trailingBreak = true;
      if (prevSpace) spaceBreak = true;
      prevSpace = false;
      prevBreak = true;
    } else {
      prevSpace = false;
      prevBreak = false;
    }
    precededByWhitespace = isBlank(c) || isBreak(c) || c === '\0';
  }
  const a: ScalarAnalysis = { multiline: lineBreaks, flowPlain: true, blockPlain: true, singleQuoted: true, block: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) a.flowPlain = a.blockPlain = false;
  if (trailingSpace) a.block = false;
  if (breakSpace) a.flowPlain = a.blockPlain = a.singleQuoted = false;
  if (spaceBreak || special) a.flowPlain = a.blockPlain = a.singleQuoted = a.block = false;
  if (lineBreaks) a.flowPlain = a.blockPlain = false;
  if (flowIndicators) a.flowPlain = false;
  if (blockIndicators) a.blockPlain = false;
  return a;
}
