/**
 * Field schemas of the API types, written compactly as data: each struct lists its JSON fields
 * in Go struct order with a small type language. They drive strict decoding (unknown fields,
 * wrong types), strategic-merge patch metadata, Go-struct-order JSON output, and can later serve
 * `kubectl explain` and editor validation.
 *
 * Field type language: `string`, `int32`, `int64`, `bool`, `float64`, `intstr`, `quantity`,
 * `time`, `any` (not checked), a struct name, `[]T`, `map[string]T`, `T(Name)` for a named Go
 * type (`string(RestartPolicy)` is v1.RestartPolicy, `string(types.UID)`); then optional patch
 * metadata: `merge:key` (list merged by key), `merge` (scalar list merged as a set),
 * `retainKeys`, `merge,retainKeys:key`.
 */

/** TypeRef is a parsed field type. */
export type TypeRef =
  | { kind: 'scalar'; go: 'string' | 'int32' | 'int64' | 'bool' | 'float64'; named?: string }
  | { kind: 'intstr' }
  | { kind: 'quantity' }
  | { kind: 'time' }
  | { kind: 'any' }
  | { kind: 'struct'; name: string }
  | { kind: 'list'; elem: TypeRef }
  | { kind: 'map'; elem: TypeRef; named?: string };

/** PatchMeta is a field's strategic-merge behaviour. */
export interface PatchMeta {
  strategy?: 'merge' | 'retainKeys' | 'merge,retainKeys';
  key?: string;
}

/** FieldSchema is one JSON field of a struct. */
export interface FieldSchema {
  name: string;
  type: TypeRef;
  patch: PatchMeta;
}

/** StructSchema is a Go struct: its name, Go package name (for error messages) and fields in order. */
export interface StructSchema {
  name: string;
  pkg: string;
  fields: FieldSchema[];
  byName: Map<string, FieldSchema>;
}

const STRUCTS = new Map<string, StructSchema>();

/** parseType reads the field type language. */
export function parseType(text: string): TypeRef {
  if (text.startsWith('[]')) return { kind: 'list', elem: parseType(text.slice(2)) };
  const named = /^(.+)\(([\w.]+)\)$/.exec(text);
  if (named) {
    const t = parseType(named[1]!);
    if (t.kind !== 'scalar' && t.kind !== 'map') throw new Error(`schema: only scalars and maps take a type name: ${text}`);
    return { ...t, named: named[2]!.includes('.') ? named[2]! : `v1.${named[2]!}` };
  }
  if (text.startsWith('map[string]')) return { kind: 'map', elem: parseType(text.slice(11)) };
  if (text.startsWith('*')) return parseType(text.slice(1));
  switch (text) {
    case 'string':
    case 'int32':
    case 'int64':
    case 'bool':
    case 'float64':
      return { kind: 'scalar', go: text };
    case 'intstr':
    case 'quantity':
    case 'time':
    case 'any':
      return { kind: text };
    default:
      return { kind: 'struct', name: text };
  }
}

function parseField(name: string, spec: string): FieldSchema {
  const [type, patchText] = spec.split(' ');
  const patch: PatchMeta = {};
  if (patchText) {
    const [strategy, key] = patchText.split(':');
    patch.strategy = strategy as PatchMeta['strategy'];
    if (key) patch.key = key;
  }
  return { name, type: parseType(type!), patch };
}

/** defineStructs registers structs of one Go package; field order is the object's key order. */
export function defineStructs(pkg: string, structs: Record<string, Record<string, string>>): void {
  for (const [name, fields] of Object.entries(structs)) {
    const list = Object.entries(fields).map(([f, spec]) => parseField(f, spec));
    STRUCTS.set(name, { name, pkg, fields: list, byName: new Map(list.map((f) => [f.name, f])) });
  }
}

/** structSchema returns a registered struct; unknown names are a programming error. */
export function structSchema(name: string): StructSchema {
  const s = STRUCTS.get(name);
  if (!s) throw new Error(`schema: unknown struct ${name}`);
  return s;
}

/** goTypeName is how Go's json errors name a type: `int32`, `[]v1.Container`, `map[string]string`. */
export function goTypeName(t: TypeRef): string {
  switch (t.kind) {
    case 'scalar':
      return t.named ?? t.go;
    case 'intstr':
      return 'intstr.IntOrString';
    case 'quantity':
      return 'resource.Quantity';
    case 'time':
      return 'v1.Time';
    case 'any':
      return 'interface {}';
    case 'struct':
      return `${structSchema(t.name).pkg}.${t.name}`;
    case 'list':
      return `[]${goTypeName(t.elem)}`;
    case 'map':
      return t.named ?? `map[string]${goTypeName(t.elem)}`;
  }
}

/** TYPE_META is the inline apiVersion/kind every top-level kind starts with (Go order: kind, then apiVersion). */
export const TYPE_META: Record<string, string> = { kind: 'string', apiVersion: 'string' };
