/** RFC 7386 JSON merge patches (`kubectl patch --type=merge`): maps merge key by key, null deletes, anything else replaces. */
import { isMap, type JSONMap } from './patch-meta.ts';

/** applyMergePatch is jsonpatch.MergePatch: `patch` merged into a copy of `doc`. */
export function applyMergePatch(doc: JSONMap, patch: JSONMap): JSONMap {
  return merge(JSON.parse(JSON.stringify(doc)), patch) as JSONMap;
}

function merge(target: unknown, patch: unknown): unknown {
  if (!isMap(patch)) return patch;
  const out: JSONMap = isMap(target) ? target : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = merge(out[k], v);
  }
  return out;
}
