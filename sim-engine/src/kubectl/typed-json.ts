/**
 * `-o json` of a typed object (what kubectl prints for objects its generators build or its typed
 * clients return): json.MarshalIndent of a Go struct, so fields come in struct order, not
 * sorted. The order comes from the API field schemas; maps and untyped parts stay key-sorted.
 */
import { structSchema, type TypeRef } from '../api/schema/index.ts';
import { goJSONNumber } from './printers/go-fmt.ts';
import { goJSONString } from './printers/json.ts';
import { compareGoStrings } from './printers/labels.ts';

/** orderLike reorders JSON data into a type's field order (unknown keys follow, sorted). */
export function orderLike(value: unknown, type: TypeRef | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => orderLike(v, type?.kind === 'list' ? type.elem : undefined));
  if (typeof value !== 'object' || value === null) return value;
  const obj = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  if (type?.kind === 'struct') {
    const s = structSchema(type.name);
    for (const f of s.fields) if (obj[f.name] !== undefined) out[f.name] = orderLike(obj[f.name], f.type);
    for (const k of Object.keys(obj).sort(compareGoStrings)) if (!s.byName.has(k) && obj[k] !== undefined) out[k] = orderLike(obj[k], undefined);
    return out;
  }
  const elem = type?.kind === 'map' ? type.elem : undefined;
  for (const k of Object.keys(obj).sort(compareGoStrings)) if (obj[k] !== undefined) out[k] = orderLike(obj[k], elem);
  return out;
}

/** encodeOrdered is json.MarshalIndent(v, "", indent) keeping the given key order. */
export function encodeOrdered(value: unknown, level = 0, indent = '    '): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goJSONString(value);
  if (typeof value === 'number') return goJSONNumber(value);
  if (typeof value === 'boolean') return String(value);
  const pad = indent.repeat(level + 1);
  const close = indent.repeat(level);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => pad + encodeOrdered(v, level + 1, indent)).join(',\n')}\n${close}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${pad}${goJSONString(k)}: ${encodeOrdered(v, level + 1, indent)}`).join(',\n')}\n${close}}`;
}

/** toTypedJSON prints an object of `kind` as kubectl prints a typed object with `-o json`. */
export function toTypedJSON(obj: unknown, kind: string): string {
  let type: TypeRef | undefined;
  try {
    type = { kind: 'struct', name: structSchema(kind).name };
  } catch {
    type = undefined;
  }
  return `${encodeOrdered(orderLike(obj, type))}\n`;
}
