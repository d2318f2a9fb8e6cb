/**
 * The kubectl.kubernetes.io/last-applied-configuration annotation: what `kubectl apply` (and
 * `create --save-config`) records of the manifest it sent. Kept apart from the three-way patch
 * so a scenario can create objects as apply would without loading kubectl's patch machinery.
 */
import { toCompactJSON } from '../printers/json.ts';
import { isMap, type JSONMap } from './json-map.ts';

/** LAST_APPLIED is the annotation client-side apply keeps the applied manifest in. */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** encodeObject is runtime.Encode with the unstructured JSON scheme: compact, key-sorted, newline-terminated. */
export function encodeObject(obj: unknown): string {
  return `${toCompactJSON(obj)}\n`;
}

/** annotationsOf copies an object's annotations (empty when it has none). */
export function annotationsOf(obj: JSONMap): Record<string, string> {
  const meta = isMap(obj.metadata) ? obj.metadata : {};
  return isMap(meta.annotations) ? { ...(meta.annotations as Record<string, string>) } : {};
}

function withAnnotations(obj: JSONMap, annotations: Record<string, string>): JSONMap {
  const meta = isMap(obj.metadata) ? obj.metadata : {};
  return { ...obj, metadata: { ...meta, annotations } };
}

/** lastAppliedOf is the configuration a manifest records: the object without its own last-applied annotation (annotations kept, `{}` if none). */
export function lastAppliedOf(manifest: JSONMap): string {
  const annotations = annotationsOf(manifest);
  delete annotations[LAST_APPLIED];
  return encodeObject(withAnnotations(manifest, annotations));
}

/** modifiedConfiguration is GetModifiedConfiguration(obj, annotate=true): the manifest carrying its last-applied annotation. */
export function modifiedConfiguration(manifest: JSONMap): JSONMap {
  const annotations = annotationsOf(manifest);
  delete annotations[LAST_APPLIED];
  return withAnnotations(manifest, { ...annotations, [LAST_APPLIED]: lastAppliedOf(manifest) });
}

/** withApplyAnnotation is CreateApplyAnnotation then pruneNulls: the object `kubectl apply` creates. */
export function withApplyAnnotation(manifest: JSONMap): JSONMap {
  return pruneNulls(modifiedConfiguration(manifest));
}

/** pruneNulls removes null-valued keys from maps at every depth. */
export function pruneNulls<T>(v: T): T {
  if (Array.isArray(v)) return v.map(pruneNulls) as T;
  if (isMap(v)) {
    const out: JSONMap = {};
    for (const [k, x] of Object.entries(v)) if (x !== null) out[k] = pruneNulls(x);
    return out as T;
  }
  return v;
}
