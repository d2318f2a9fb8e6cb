/**
 * The server's side of kubectl's writes from manifests: decoding the body as the API server
 * does (strict field validation, type errors), then create or patch through the sandbox's API
 * server, with the messages a real server sends back.
 */
import type { KubeObject } from '../api/meta.ts';
import { apiVersionOf, resourceForKind, type ResourceInfo } from '../api/resources.ts';
import { strictDecode } from '../api/schema/decode.ts';
import { schemaForKind, structSchema, type TypeRef } from '../api/schema/index.ts';
import { badRequest, StatusError } from '../apiserver/errors.ts';
import { applyStrategicPatch } from './apply/strategic-merge.ts';
import { cursorForKind, goV, isMap, type JSONMap } from './apply/patch-meta.ts';
import type { Invocation } from './command.ts';
import type { DryRunMode } from './commands/dry-run.ts';
import type { ValidationDirective } from './manifests.ts';
import { goQuote } from './printers/go-fmt.ts';

/** WriteOptions are the request options of a write. */
export interface WriteOptions {
  dryRun: DryRunMode;
  validate: ValidationDirective;
  fieldManager: string;
}

function versionOf(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.slice(apiVersion.indexOf('/') + 1) : apiVersion;
}

/** dropUnknownFields removes what the schema does not know, as a server that ignores unknown fields does. */
export function dropUnknownFields(obj: JSONMap, kind: string): JSONMap {
  if (!schemaForKind(kind)) return obj;
  const walk = (v: unknown, type: TypeRef | undefined): unknown => {
    if (Array.isArray(v)) return v.map((x) => walk(x, type?.kind === 'list' ? type.elem : undefined));
    if (!isMap(v) || !type) return v;
    if (type.kind === 'map') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, type.elem)]));
    if (type.kind !== 'struct') return v;
    const s = structSchema(type.name);
    const out: JSONMap = {};
    for (const [k, x] of Object.entries(v)) {
      const f = s.byName.get(k);
      if (f) out[k] = walk(x, f.type);
    }
    return out;
  };
  return walk(obj, cursorForKind(kind)) as JSONMap;
}

// Struct fields Go holds by value: a JSON null there decodes to the zero struct, not to nothing.
const VALUE_STRUCT_FIELDS = new Set(['metadata', 'spec', 'template']);

function zeroOf(t: TypeRef): unknown {
  if (t.kind === 'scalar') return t.go === 'string' ? '' : t.go === 'bool' ? false : 0;
  if (t.kind === 'struct') return {};
  return t.kind === 'intstr' ? 0 : t.kind === 'quantity' ? '0' : null;
}

/** goNulls is what Go's decoder makes of JSON nulls: nothing for pointers, maps, slices and scalars, zero structs for value structs. */
export function goNulls(obj: JSONMap, kind: string): JSONMap {
  const walk = (v: unknown, type: TypeRef | undefined): unknown => {
    if (Array.isArray(v)) {
      const elem = type?.kind === 'list' ? type.elem : undefined;
      return v.map((x) => (x === null && elem?.kind === 'struct' ? {} : walk(x, elem)));
    }
    if (!isMap(v)) return v;
    const s = type?.kind === 'struct' ? structSchema(type.name) : undefined;
    const out: JSONMap = {};
    for (const [k, x] of Object.entries(v)) {
      const f = s?.byName.get(k);
      const t = type?.kind === 'map' ? type.elem : f?.type;
      if (x === null) {
        if (f?.type.kind === 'struct' && VALUE_STRUCT_FIELDS.has(k)) out[k] = {};
        else if (type?.kind === 'map') out[k] = zeroOf(type.elem);
        else if (!s) out[k] = x;
        continue;
      }
      out[k] = walk(x, t);
    }
    return out;
  };
  const schema = schemaForKind(kind);
  if (!schema) return obj;
  const out = walk(obj, cursorForKind(kind)) as JSONMap;
  // A missing top-level spec is the zero struct too.
  if (schema.byName.get('spec')?.type.kind === 'struct' && out.spec === undefined) out.spec = {};
  return out;
}

// It throws the server's BadRequest; with `warn` it returns the unknown fields as warnings; with
// `ignore` it drops them.
/** decodeBody is the server decoding a request body of `kind`. */
export function decodeBody(obj: JSONMap, kind: string, apiVersion: string, validate: ValidationDirective, patch: boolean): { object: JSONMap; warnings: string[] } {
  const result = strictDecode(obj, kind);
  const prefix = `${kind} in version "${versionOf(apiVersion)}" cannot be handled as a ${kind}: `;
  if (result.error) {
    if (!patch) throw badRequest(`${prefix}${result.error}`);
    throw new StatusError('Invalid', 422, ` "" is invalid: patch: Invalid value: ${goQuote(goV(obj))}: ${result.error}`, [
      { field: 'patch', detail: `Invalid value: ${goQuote(goV(obj))}: ${result.error}` },
    ]);
  }
  if (result.unknown.length > 0) {
    if (validate === 'strict') throw badRequest(`${patch ? '' : prefix}strict decoding error: ${result.unknown.join(', ')}`);
    const object = goNulls(dropUnknownFields(obj, kind), kind);
    return { object, warnings: validate === 'warn' ? result.unknown : [] };
  }
  return { object: goNulls(obj, kind), warnings: [] };
}

/** printWarnings writes server warnings as client-go's warning handler does. */
export function printWarnings(inv: Invocation, warnings: string[]): void {
  for (const w of warnings) inv.ctx.stderr(`Warning: ${w}\n`);
}

/** createObject decodes and creates an object (or dry-runs it on the server). */
export function createObject(inv: Invocation, obj: JSONMap, opts: WriteOptions): KubeObject {
  const kind = String(obj.kind);
  // The server takes a missing apiVersion from the endpoint the request went to.
  const r = resourceForKind(kind);
  if (!obj.apiVersion && r) obj = { apiVersion: apiVersionOf(r), ...obj };
  const { object, warnings } = decodeBody(obj, kind, String(obj.apiVersion), opts.validate, false);
  printWarnings(inv, warnings);
  const created = inv.cluster.api.create(object as unknown as KubeObject, opts.fieldManager, { dryRun: opts.dryRun === 'server' });
  inv.cluster.drain();
  return created;
}

/** patchObject applies a strategic-merge patch to the live object through the API server. */
export function patchObject(inv: Invocation, live: KubeObject, patch: JSONMap, opts: WriteOptions): KubeObject {
  const patched = applyStrategicPatch(live as unknown as JSONMap, patch, cursorForKind(live.kind));
  const { object, warnings } = decodeBody(patched, live.kind, live.apiVersion, opts.validate, true);
  printWarnings(inv, warnings);
  if (opts.dryRun === 'server') return object as unknown as KubeObject;
  const updated = inv.cluster.api.update(object as unknown as KubeObject, opts.fieldManager);
  inv.cluster.drain();
  return updated;
}

/** getLive is resource.Info.Get for apply: the live object, or undefined when missing. */
export function getLive(inv: Invocation, r: ResourceInfo, namespace: string, name: string): KubeObject | undefined {
  if (!name) throw new Error('resource name may not be empty');
  return inv.cluster.api.tryGet(r.kind, namespace, name);
}

/** infoString is resource.Info.String(): the mapping and the name. */
export function infoString(r: ResourceInfo, namespace: string, name: string): string {
  return `Resource: "${r.group}/${r.version}, Resource=${r.plural}", GroupVersionKind: "${r.group}/${r.version}, Kind=${r.kind}"\nName: "${name}", Namespace: "${namespace}"`;
}
