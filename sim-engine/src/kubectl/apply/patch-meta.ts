/**
 * Strategic-merge patch metadata (LookupPatchMeta) backed by the API field schemas, plus the
 * small JSON helpers the patch code shares (Go's reflect.TypeOf / DeepEqual / %v on JSON data).
 */
import { structSchema, type TypeRef } from '../../api/schema/index.ts';
import { formatFloatG } from '../printers/go-fmt.ts';

import { isMap, type JSONMap } from './json-map.ts';

// The JSON helpers live in json-map.ts (light enough for the browser's first load); the patch code imports them from here.
export { isMap, type JSONMap };

/** Cursor is where in the schema a map sits; undefined means no metadata (plain merge). */
export type Cursor = TypeRef | undefined;

/** FieldMeta is a field's patch strategy split as extractRetainKeysPatchStrategy does. */
export interface FieldMeta {
  sub: Cursor;
  strategy: '' | 'merge' | 'replace';
  retainKeys: boolean;
  mergeKey: string;
}

/** cursorForKind starts a lookup at a kind's top-level struct. */
export function cursorForKind(kind: string): Cursor {
  try {
    return { kind: 'struct', name: structSchema(kind).name };
  } catch {
    return undefined;
  }
}

function fieldType(cursor: Cursor, key: string): { type: Cursor; strategy?: string; mergeKey?: string } {
  if (!cursor) return { type: undefined };
  if (cursor.kind === 'map') return { type: cursor.elem };
  if (cursor.kind !== 'struct') return { type: undefined };
  const f = structSchema(cursor.name).byName.get(key);
  if (!f) return { type: undefined };
  return { type: f.type, strategy: f.patch.strategy, mergeKey: f.patch.key };
}

function split(strategy: string | undefined): { strategy: FieldMeta['strategy']; retainKeys: boolean } {
  const parts = (strategy ?? '').split(',').filter(Boolean);
  const retainKeys = parts.includes('retainKeys');
  const other = parts.find((p) => p !== 'retainKeys');
  return { strategy: (other ?? '') as FieldMeta['strategy'], retainKeys };
}

/** lookupStruct is LookupPatchMetadataForStruct: the metadata of a map-valued field. */
export function lookupStruct(cursor: Cursor, key: string): FieldMeta {
  const t = fieldType(cursor, key);
  return { sub: t.type, ...split(t.strategy), mergeKey: t.mergeKey ?? '' };
}

/** lookupSlice is LookupPatchMetadataForSlice: the metadata of a list field; `sub` is the element type. */
export function lookupSlice(cursor: Cursor, key: string): FieldMeta {
  const t = fieldType(cursor, key);
  const sub = t.type?.kind === 'list' ? t.type.elem : undefined;
  return { sub, ...split(t.strategy), mergeKey: t.mergeKey ?? '' };
}


/** goType is reflect.TypeOf on unstructured JSON: integers decode as int64, other numbers as float64. */
export function goType(v: unknown): string {
  if (v === null || v === undefined) return 'nil';
  if (Array.isArray(v)) return 'slice';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  return typeof v === 'object' ? 'map' : typeof v;
}

/** deepEqual is reflect.DeepEqual on JSON data. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (goType(a) !== goType(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => deepEqual(x, bb[i]));
  }
  if (isMap(a)) {
    const bb = b as JSONMap;
    const ka = Object.keys(a);
    return ka.length === Object.keys(bb).length && ka.every((k) => k in bb && deepEqual(a[k], bb[k]));
  }
  return false;
}

/** goV is fmt's %v of JSON data (`map[a:1 b:x]`, `[1 2]`), as patch errors print values. */
export function goV(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goV).join(' ')}]`;
  if (isMap(v)) {
    const keys = Object.keys(v).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `map[${keys.map((k) => `${k}:${goV(v[k])}`).join(' ')}]`;
  }
  if (typeof v === 'number' && !Number.isInteger(v)) return formatFloatG(v);
  return String(v);
}

/** PatchError is a failure computing or applying a patch. */
export class PatchError extends Error {}

/** noMergeKey is mergepatch.ErrNoMergeKey. */
export function noMergeKey(m: JSONMap, key: string): PatchError {
  return new PatchError(`map: ${goV(m)} does not contain declared merge key: ${key}`);
}

/** cloneJSON deep-copies JSON data. */
export function cloneJSON<T>(v: T): T {
  if (Array.isArray(v)) return v.map(cloneJSON) as T;
  if (isMap(v)) {
    const out: JSONMap = {};
    for (const [k, x] of Object.entries(v)) out[k] = cloneJSON(x);
    return out as T;
  }
  return v;
}
