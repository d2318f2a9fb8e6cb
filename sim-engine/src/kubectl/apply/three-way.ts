/**
 * Client-side apply's bookkeeping: the kubectl.kubernetes.io/last-applied-configuration
 * annotation (kubectl's GetModifiedConfiguration / CreateApplyAnnotation) and the three-way
 * strategic-merge patch between last-applied, the new manifest and the live object.
 */
import { diffMaps } from './diff.ts';
import { annotationsOf, LAST_APPLIED } from './last-applied.ts';
import { cloneJSON, isMap, PatchError, type Cursor, type JSONMap } from './patch-meta.ts';
import { mergeMap } from './strategic-merge.ts';

export { encodeObject, LAST_APPLIED, lastAppliedOf, modifiedConfiguration, pruneNulls, withApplyAnnotation } from './last-applied.ts';

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
