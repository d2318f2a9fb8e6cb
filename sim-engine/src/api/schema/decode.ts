/**
 * strictDecode checks a JSON object against a kind's schema the way the API server's decoder
 * does with fieldValidation=Strict: Go's encoding/json type errors (`json: cannot unmarshal
 * string into Go struct field DeploymentSpec.spec.replicas of type int32`), the custom decoders
 * of IntOrString, Quantity and Time, and every unknown field (`unknown field "spec.foo"`).
 */
import { compareGoStrings } from '../../kubectl/printers/labels.ts';
import { goJSONNumber } from '../../kubectl/printers/go-fmt.ts';
import { structSchema, type StructSchema, type TypeRef, goTypeName } from './types.ts';
import { schemaForKind } from './index.ts';

/** DecodeResult is what decoding found: a fatal type error, or the unknown fields in the order met. */
export interface DecodeResult {
  error?: string;
  unknown: string[];
}

/** QUANTITY_FORMAT is resource.ErrFormatWrong's text. */
export const QUANTITY_FORMAT = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

class Abort extends Error {}

/** strictDecode decodes `obj` as `kind`; kinds without a schema decode cleanly. */
export function strictDecode(obj: unknown, kind: string): DecodeResult {
  const schema = schemaForKind(kind);
  const result: DecodeResult = { unknown: [] };
  if (!schema) return result;
  const saved: { error?: string } = {};
  try {
    decodeStruct(obj as Record<string, unknown>, schema, [], '', saved, result.unknown);
  } catch (e) {
    if (!(e instanceof Abort)) throw e;
    return { error: e.message, unknown: [] };
  }
  return saved.error ? { error: saved.error, unknown: [] } : result;
}

/** decodeAs is a lenient json.Unmarshal of an object into a registered struct: the first type error, if any. */
export function decodeAs(obj: Record<string, unknown>, struct: string): string | undefined {
  const saved: { error?: string } = {};
  try {
    decodeStruct(obj, structSchema(struct), [], '', saved, []);
  } catch (e) {
    if (!(e instanceof Abort)) throw e;
    return e.message;
  }
  return saved.error;
}

function jsonKind(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'number';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

function typeError(value: string, structName: string, stack: string[], type: string): string {
  return `json: cannot unmarshal ${value} into Go struct field ${structName}.${stack.join('.')} of type ${type}`;
}

function decodeStruct(obj: Record<string, unknown>, s: StructSchema, stack: string[], path: string, saved: { error?: string }, unknown: string[]): void {
  for (const key of Object.keys(obj).sort(compareGoStrings)) {
    const field = s.byName.get(key);
    const fieldPath = path ? `${path}.${key}` : key;
    if (!field) {
      unknown.push(`unknown field "${fieldPath}"`);
      continue;
    }
    decodeValue(obj[key], field.type, [...stack, key], fieldPath, s.name, saved, unknown);
  }
}

function decodeValue(v: unknown, t: TypeRef, stack: string[], path: string, structName: string, saved: { error?: string }, unknown: string[]): void {
  if (v === null || v === undefined) return;
  const save = (value: string, type = goTypeName(t)) => {
    saved.error ??= typeError(value, structName, stack, type);
  };
  switch (t.kind) {
    case 'any':
      return;
    case 'scalar':
      if (t.go === 'string') {
        if (typeof v !== 'string') save(jsonKind(v));
      } else if (t.go === 'bool') {
        if (typeof v !== 'boolean') save(jsonKind(v));
      } else if (typeof v !== 'number') save(jsonKind(v));
      else if (t.go !== 'float64') {
        const text = goJSONNumber(v);
        const limit = t.go === 'int32' ? 2 ** 31 : 2 ** 63;
        if (!/^-?\d+$/.test(text) || v >= limit || v < -limit) save(`number ${text}`);
      }
      return;
    case 'intstr':
      if (typeof v === 'string') return;
      if (typeof v === 'number') {
        const text = goJSONNumber(v);
        if (!/^-?\d+$/.test(text) || v >= 2 ** 31 || v < -(2 ** 31)) throw new Abort(typeError(`number ${text}`, structName, stack, 'int32'));
        return;
      }
      throw new Abort(typeError(jsonKind(v), structName, stack, 'int32'));
    case 'quantity': {
      const text = typeof v === 'string' ? v.trim() : typeof v === 'number' ? goJSONNumber(v) : typeof v === 'boolean' ? String(v) : '{';
      const err = parseQuantityError(text);
      if (err) throw new Abort(err);
      return;
    }
    case 'time':
      if (typeof v !== 'string') throw new Abort(typeError(jsonKind(v), structName, stack, 'string'));
      if (!/^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(v)) {
        throw new Abort(`parsing time ${JSON.stringify(v)} as "2006-01-02T15:04:05Z07:00": cannot parse ${JSON.stringify(v)} as "2006"`);
      }
      return;
    case 'struct':
      if (typeof v !== 'object' || Array.isArray(v)) return save(jsonKind(v));
      return decodeStruct(v as Record<string, unknown>, structSchema(t.name), stack, path, saved, unknown);
    case 'list':
      if (!Array.isArray(v)) return save(jsonKind(v));
      v.forEach((item, i) => decodeValue(item, t.elem, stack, `${path}[${i}]`, structName, saved, unknown));
      return;
    case 'map':
      if (typeof v !== 'object' || Array.isArray(v)) return save(jsonKind(v));
      for (const key of Object.keys(v as object).sort(compareGoStrings)) {
        decodeValue((v as Record<string, unknown>)[key], t.elem, stack, `${path}[${key}]`, structName, saved, unknown);
      }
      return;
  }
}

const DEC_SUFFIXES = new Set(['', 'n', 'u', 'm', 'k', 'M', 'G', 'T', 'P', 'E', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']);

/** parseQuantityError is resource.ParseQuantity's error for `text`, or undefined when it parses. */
export function parseQuantityError(text: string): string | undefined {
  if (text.length === 0) return QUANTITY_FORMAT;
  if (text === '0') return undefined;
  const m = /^[+-]?[0-9]*(\.[0-9]*)?/.exec(text)!;
  let pos = m[0].length;
  const suffixStart = pos;
  while (pos < text.length && 'eEinumkKMGTP'.includes(text[pos]!)) pos++;
  if (pos < text.length) {
    if (text[pos] === '-' || text[pos] === '+') pos++;
    while (pos < text.length && /[0-9]/.test(text[pos]!)) pos++;
    if (pos < text.length) return QUANTITY_FORMAT;
  }
  const suffix = text.slice(suffixStart);
  if (DEC_SUFFIXES.has(suffix)) return undefined;
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?\d+$/.test(suffix.slice(1))) return undefined;
  return "unable to parse quantity's suffix";
}
