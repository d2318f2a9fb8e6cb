/**
 * `kubectl -o json`: json.MarshalIndent(obj, "", "    ") of an unstructured object, so Go's
 * encoding/json rules apply: map keys in byte order, HTML-safe escaping, int64/float64 numbers.
 */

import { GoNumber, goJSONNumber, toWellFormed } from './go-fmt.ts';
import { compareGoStrings } from './labels.ts';

const HEX = '0123456789abcdef';

/** goJSONString is encoding/json's string encoding with HTML escaping on (Go 1.22+: `\b` and `\f` are short escapes). */
export function goJSONString(raw: string): string {
  const s = toWellFormed(raw);
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let esc: string | undefined;
    if (c < 0x20 || c === 0x22 || c === 0x5c || c === 0x3c || c === 0x3e || c === 0x26) {
      switch (c) {
        case 0x22: esc = '\\"'; break;
        case 0x5c: esc = '\\\\'; break;
        case 0x08: esc = '\\b'; break;
        case 0x0c: esc = '\\f'; break;
        case 0x0a: esc = '\\n'; break;
        case 0x0d: esc = '\\r'; break;
        case 0x09: esc = '\\t'; break;
        default: esc = `\\u00${HEX[c >> 4]}${HEX[c & 0xf]}`;
      }
    } else if (c === 0x2028 || c === 0x2029) {
      // Valid JSON, but not valid JavaScript source: Go escapes them for JSONP's sake.
      esc = `\\u202${HEX[c & 0xf]}`;
    }
    if (esc !== undefined) {
      out += s.slice(start, i) + esc;
      start = i + 1;
    }
  }
  return `${out}${s.slice(start)}"`;
}

/** entries lists an object's members the way encoding/json walks a map[string]interface{}. */
function entries(obj: Record<string, unknown>): [string, unknown][] {
  const keys = Object.keys(obj).filter((k) => {
    const v = obj[k];
    return v !== undefined && typeof v !== 'function' && typeof v !== 'symbol';
  });
  keys.sort(compareGoStrings);
  return keys.map((k) => [k, obj[k]]);
}

function normalize(value: unknown): unknown {
  const withJSON = value as { toJSON?: () => unknown } | null;
  if (typeof value === 'object' && value !== null && !(value instanceof GoNumber) && typeof withJSON?.toJSON === 'function') {
    return withJSON.toJSON();
  }
  return value;
}

function scalar(value: unknown): string | undefined {
  if (value === null || value === undefined) return 'null';
  if (value instanceof GoNumber) return value.kind === 'float64' ? goJSONNumber(value.value) : String(value.value);
  switch (typeof value) {
    case 'string':
      return goJSONString(value);
    case 'number':
      return goJSONNumber(value);
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'object':
      return undefined;
    default:
      return 'null';
  }
}

function encode(raw: unknown, indent: string | null, level: number): string {
  const value = normalize(raw);
  const s = scalar(value);
  if (s !== undefined) return s;
  const nl = indent === null ? '' : `\n${indent.repeat(level + 1)}`;
  const close = indent === null ? '' : `\n${indent.repeat(level)}`;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[${value.map((v: unknown) => nl + encode(v, indent, level + 1)).join(',')}${close}]`;
  }
  const members = entries(value as Record<string, unknown>);
  if (members.length === 0) return '{}';
  const sep = indent === null ? ':' : ': ';
  return `{${members.map(([k, v]) => nl + goJSONString(k) + sep + encode(v, indent, level + 1)).join(',')}${close}}`;
}

/** toJSON renders JSON-like data exactly as `kubectl -o json` prints it, trailing newline included. */
export function toJSON(value: unknown): string {
  return `${encode(value, '    ', 0)}\n`;
}

/** toJSONList renders several objects the way `kubectl get -o json` wraps them: a v1 List. */
export function toJSONList(items: readonly unknown[]): string {
  return toJSON({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } });
}

/** toCompactJSON is json.Marshal: what jsonpath prints for a map or a list. */
export function toCompactJSON(value: unknown): string {
  return encode(value, null, 0);
}
