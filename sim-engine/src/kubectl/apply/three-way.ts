/**
 * Client-side apply's bookkeeping: the kubectl.kubernetes.io/last-applied-configuration
 * annotation (kubectl's GetModifiedConfiguration / CreateApplyAnnotation) and the three-way
 * strategic-merge patch between last-applied, the new manifest and the live object.
 */
import { toCompactJSON } from '../printers/json.ts';
import { diffMaps } from './diff.ts';
import { cloneJSON, isMap, PatchError, type Cursor, type JSONMap } from './patch-meta.ts';
import { mergeMap } from './strategic-merge.ts';

/** LAST_APPLIED is the annotation client-side apply keeps the applied manifest in. */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** encodeObject is runtime.Encode with the unstructured JSON scheme: compact, key-sorted, newline-terminated. */
export function encodeObject(obj: unknown): string {
  return `${toCompactJSON(obj)}\n`;
}

function annotationsOf(obj: JSONMap): Record<string, string> {
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

/** originalConfiguration reads the live object's last-applied annotation (undefined when absent or empty). */
export function originalConfiguration(live: JSONMap): JSONMap | undefined {
  const text = annotationsOf(live)[LAST_APPLIED];
  if (!text) return undefined;
  try {
    const parsed = JSON.parse(text) as unknown;
    return isMap(parsed) ? parsed : {};
  } catch {
    throw new PatchError('invalid JSON document');
  }
}

// The changes from live to manifest (ignoring deletions) merged with the deletions from
// last-applied to manifest; an empty result means "unchanged".
/** threeWayPatch is CreateThreeWayMergePatch(original, modified, current, overwrite=true). */
export function threeWayPatch(original: JSONMap | undefined, modified: JSONMap, current: JSONMap, schema: Cursor): JSONMap {
  const delta = diffMaps(cloneJSON(current), cloneJSON(modified), schema, { ignoreDeletions: true, setElementOrder: true });
  const deletions = diffMaps(cloneJSON(original ?? {}), cloneJSON(modified), schema, { setElementOrder: true, ignoreChangesAndAdditions: true });
  return mergeMap(cloneJSON(deletions), cloneJSON(delta), schema, {});
}
