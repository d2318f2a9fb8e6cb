/**
 * `kubectl -o yaml`: sigs.k8s.io/yaml turns the object into JSON, reads that back with go-yaml v2
 * and marshals the result with go-yaml v2. That round trip decides the output as much as the
 * emitter does: key order, number formatting, which strings need quotes, and even some failures.
 */

import { goJSONNumber, formatFloatG, toWellFormed, utf8Bytes, utf8Length } from './go-fmt.ts';
import { goJSONString, toCompactJSON } from './json.ts';
import { compareGoStrings } from './labels.ts';
import { emitYamlDocument, type YamlNode, type YamlStyle } from './yaml-emitter.ts';
import { yamlNeedsQuotes } from './yaml-resolve.ts';

/** YAMLError is a failure kubectl reports as `error: <message>`. */
export class YAMLError extends Error {
  override readonly name = 'YAMLError';
}

/** go-yaml's reader rejects these raw in its input, and Go's JSON encoder leaves them raw. */
const READER_REJECTS = /[\x7f-\x84\x86-\x9f\ufffe\uffff]/;

/** toYAML renders JSON-like data exactly as `kubectl -o yaml` prints it, trailing newline included. */
export function toYAML(value: unknown): string {
  checkReadable(value);
  return emitYamlDocument(toNode(value));
}

/** toYAMLList renders several objects the way `kubectl get -o yaml` wraps them: a v1 List. */
export function toYAMLList(items: readonly unknown[]): string {
  return toYAML({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } });
}

/** yamlKeyLess is go-yaml's keyList.Less for string keys: letters after other runes, digit runs numerically. */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = Array.from(a);
  const br = Array.from(b);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const x = ar[i]!;
    const y = br[i]!;
    if (x === y) continue;
    const al = isLetter(x);
    const bl = isLetter(y);
    if (al && bl) return x.codePointAt(0)! < y.codePointAt(0)!;
    if (al || bl) return bl;
    let an = 0n;
    let bn = 0n;
    if (x === '0' || y === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]!); j--) {
        if (ar[j] !== '0') {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    // Go accumulates in an int64 that silently wraps, so long digit runs compare "wrongly" too.
    for (; ai < ar.length && isDigit(ar[ai]!); ai++) an = BigInt.asIntN(64, an * 10n + BigInt(ar[ai]!.codePointAt(0)! - 48));
    for (; bi < br.length && isDigit(br[bi]!); bi++) bn = BigInt.asIntN(64, bn * 10n + BigInt(br[bi]!.codePointAt(0)! - 48));
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return x.codePointAt(0)! < y.codePointAt(0)!;
  }
  return ar.length < br.length;
}

/** isLetter is unicode.IsLetter on one code point (ASCII answered without a regex: keys are mostly ASCII). */
function isLetter(c: string): boolean {
  const cp = c.charCodeAt(0);
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  return /\p{L}/u.test(c);
}

/** isDigit is unicode.IsDigit on one code point. */
function isDigit(c: string): boolean {
  const cp = c.charCodeAt(0);
  if (cp < 0x80) return cp >= 0x30 && cp <= 0x39;
  return /\p{Nd}/u.test(c);
}

function compareKeys(a: string, b: string): number {
  return yamlKeyLess(a, b) ? -1 : yamlKeyLess(b, a) ? 1 : 0;
}

/** yamlNumber is the text go-yaml prints for a number that went through Go's JSON and back through YAML. */
function yamlNumber(n: number): string {
  const s = goJSONNumber(n);
  if (/^-?\d+$/.test(s)) {
    // go-yaml reads the JSON digits back as int64, then uint64, and only then as a float.
    const v = BigInt(s);
    if (v >= -(2n ** 63n) && v < 2n ** 64n) return v.toString();
  }
  return formatFloatG(n);
}

/**
 * foldNel mimics go-yaml reading Go's JSON: U+0085 is left raw by encoding/json but is a line
 * break to YAML, so inside the double-quoted scalar it folds (with surrounding spaces) like one.
 */
function foldNel(s: string): string {
  if (!s.includes('\u0085')) return s;
  return s.replace(/ *\u0085[ \u0085]*/g, (run) => {
    const breaks = run.split('\u0085').length - 2;
    return breaks === 0 ? ' ' : '\n'.repeat(breaks);
  });
}

function stringNode(raw: string): YamlNode {
  const s = foldNel(toWellFormed(raw));
  const style: YamlStyle = s.includes('\n') ? 'literal' : yamlNeedsQuotes(s) ? 'double' : 'plain';
  return { t: 'scalar', value: s, style };
}

function toNode(value: unknown): YamlNode {
  if (value === null || value === undefined) return { t: 'scalar', value: 'null', style: 'plain' };
  switch (typeof value) {
    case 'boolean':
      return { t: 'scalar', value: String(value), style: 'plain' };
    case 'number':
      return { t: 'scalar', value: yamlNumber(value), style: 'plain' };
    case 'bigint':
      return { t: 'scalar', value: value.toString(), style: 'plain' };
    case 'string':
      return stringNode(value);
    case 'object':
      break;
    default:
      return { t: 'scalar', value: 'null', style: 'plain' };
  }
  const withJSON = value as { toJSON?: () => unknown };
  if (typeof withJSON.toJSON === 'function') return toNode(withJSON.toJSON());
  if (Array.isArray(value)) return { t: 'seq', items: value.map((v: unknown) => toNode(v)) };
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined && typeof obj[k] !== 'function');
  // Sorting on the folded key: that is the string go-yaml actually holds.
  const entries = keys.map((k) => [foldNel(toWellFormed(k)), k] as const);
  entries.sort((x, y) => compareKeys(x[0], y[0]));
  return { t: 'map', pairs: entries.map(([, k]) => [stringNode(k), toNode(obj[k])] as const) };
}


/**
 * checkReadable fails where go-yaml cannot read back Go's JSON: on raw characters its reader
 * rejects, and on a mapping key that stops being a "simple key" because it spans a line (U+0085
 * is a line break to YAML) or runs past 1024 characters before its ':'. Which error wins depends
 * on the reader decoding ahead of the scanner in 512-byte chunks, so that is modelled too.
 */
function checkReadable(root: unknown): void {
  const bad = findUnreadableKey(root);
  if (!bad) return;
  const full = `${toCompactJSON(root)}\n`;
  const ctrl = full.search(READER_REJECTS);
  // The scanner wants 4 characters of lookahead at the ':'; the reader decodes whole chunks.
  const need = byteOffset(full, advanceCodePoints(full, bad.colon, 4));
  if (ctrl >= 0 && byteOffset(full, ctrl) < decodedEnd(full, need)) throw controlCharacters();
  throw new YAMLError(`yaml: ${bad.line ? `line ${bad.line}: ` : ''}did not find expected ',' or '}'`);
}

const controlCharacters = () => new YAMLError('yaml: control characters are not allowed');

class Found {
  readonly colon: number;
  readonly line: number;

  constructor(colon: number, line: number) {
    this.colon = colon;
    this.line = line;
  }
}

/**
 * findUnreadableKey walks Go's compact JSON in text order and returns the first bad key's ':'
 * offset and (0-based) line; a rejected character met before it fails at once, being read first.
 */
function findUnreadableKey(root: unknown): Found | undefined {
  let length = 0;
  let line = 0;
  const write = (s: string): void => {
    if (READER_REJECTS.test(s)) throw controlCharacters();
    length += s.length;
    line += nelCount(s);
  };
  const visit = (raw: unknown): void => {
    const value = normalize(raw);
    if (Array.isArray(value)) {
      write('[');
      value.forEach((v: unknown, i) => {
        if (i > 0) write(',');
        visit(v);
      });
      write(']');
    } else if (typeof value === 'object' && value !== null) {
      const obj = value as Record<string, unknown>;
      const openLine = line;
      write('{');
      const keys = Object.keys(obj).filter((k) => obj[k] !== undefined && typeof obj[k] !== 'function');
      keys.sort(compareGoStrings).forEach((k, i) => {
        if (i > 0) write(',');
        const key = goJSONString(k);
        write(key);
        // go-yaml reports the ':' line, or the '{' line when that is 0 (and no line at all for 0).
        if (key.includes('\u0085') || Array.from(key).length > 1024) throw new Found(length, line || openLine);
        write(':');
        visit(obj[k]);
      });
      write('}');
    } else {
      write(toCompactJSON(value));
    }
  };
  try {
    visit(root);
  } catch (e) {
    if (e instanceof Found) return e;
    throw e;
  }
  return undefined;
}

function normalize(value: unknown): unknown {
  const withJSON = value as { toJSON?: () => unknown } | null;
  return typeof withJSON?.toJSON === 'function' ? withJSON.toJSON() : value;
}

function nelCount(s: string): number {
  return s.includes('\u0085') ? s.split('\u0085').length - 1 : 0;
}

function advanceCodePoints(s: string, from: number, n: number): number {
  let i = from;
  for (let k = 0; k < n && i < s.length; k++) i += s.codePointAt(i)! > 0xffff ? 2 : 1;
  return i;
}

function byteOffset(s: string, index: number): number {
  return utf8Length(s.slice(0, index));
}

/** decodedEnd is how far go-yaml's reader has decoded once `need` bytes are available. */
function decodedEnd(s: string, need: number): number {
  const bytes = utf8Bytes(s);
  let end = 0;
  while (end < need && end < bytes.length) {
    let next = Math.min(end + 512, bytes.length);
    // A character cut by the chunk boundary waits for the next chunk.
    while (next < bytes.length && (bytes[next]! & 0xc0) === 0x80) next--;
    end = next;
  }
  return end;
}
