/**
 * Applying (and combining) strategic-merge patches: apimachinery strategicpatch's mergeMap,
 * mergeSlice and the directive handling, as the API server runs them for a PATCH and as
 * kubectl runs them to join the deletions and the changes of a three-way apply patch.
 */
import { deduplicateScalars, indexIn, mergeKeyValue, normalizeSliceOrder } from './diff.ts';
import { deepEqual, goType, goV, isMap, lookupSlice, lookupStruct, PatchError, type Cursor, type FieldMeta, type JSONMap } from './patch-meta.ts';

/** MergeOptions are strategicpatch.MergeOptions. */
export interface MergeOptions {
  /** Process `$setElementOrder`/`$deleteFromPrimitiveList` lists against the original (applying to a live object). */
  mergeParallelList?: boolean;
  /** A null in the patch deletes the key and is not kept (applying to a live object). */
  ignoreUnmatchedNulls?: boolean;
}

const SET_ORDER = '$setElementOrder/';
const DELETE_PRIMITIVE = '$deleteFromPrimitiveList/';

/** applyStrategicPatch is StrategicMergeMapPatch: `patch` applied to a copy of the live object `original`. */
export function applyStrategicPatch(original: JSONMap, patch: JSONMap, schema: Cursor): JSONMap {
  return mergeMap(structuredCloneJSON(original), structuredCloneJSON(patch), schema, { mergeParallelList: true, ignoreUnmatchedNulls: true });
}

function structuredCloneJSON<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** mergeMap merges `patch` into `original` (both are modified). */
export function mergeMap(original: JSONMap, patch: JSONMap, schema: Cursor, opts: MergeOptions): JSONMap {
  if ('$patch' in patch) {
    const directive = patch.$patch;
    if (directive === 'replace') {
      delete patch.$patch;
      return patch;
    }
    if (directive === 'delete') return {};
    throw new PatchError(`Unexpected patch type: ${goV(directive)} in ${goV(patch)}`);
  }
  applyRetainKeys(original, patch, opts);
  mergePatchIntoOriginal(original, patch, schema, opts);
  for (const [k0, patchV] of Object.entries(patch)) {
    let k = k0;
    let isDeleteList = false;
    if (k.startsWith(DELETE_PRIMITIVE)) {
      if (!opts.mergeParallelList) {
        original[k] = patchV;
        continue;
      }
      k = k.slice(DELETE_PRIMITIVE.length);
      isDeleteList = true;
    }
    if (patchV === null) {
      delete original[k];
      if (opts.ignoreUnmatchedNulls) continue;
    }
    if (!(k in original)) {
      if (!isDeleteList) {
        if (opts.ignoreUnmatchedNulls) discardNulls(patchV);
        original[k] = patchV;
      }
      continue;
    }
    if (goType(original[k]) !== goType(patchV)) {
      if (!isDeleteList) {
        if (opts.ignoreUnmatchedNulls) discardNulls(patchV);
        original[k] = patchV;
      }
      continue;
    }
    if (isMap(patchV)) {
      const meta = lookupStruct(schema, k);
      original[k] = meta.strategy === 'replace' ? patchV : mergeMap(original[k] as JSONMap, patchV, meta.sub, opts);
    } else if (Array.isArray(patchV)) {
      const meta = lookupSlice(schema, k);
      original[k] = mergeSliceHandler(original[k] as unknown[], patchV, meta, isDeleteList, opts);
    } else {
      original[k] = patchV;
    }
  }
  return original;
}

function discardNulls(v: unknown): void {
  if (Array.isArray(v)) v.forEach(discardNulls);
  else if (isMap(v)) {
    for (const [k, x] of Object.entries(v)) {
      if (x === null) delete v[k];
      else discardNulls(x);
    }
  }
}

function applyRetainKeys(original: JSONMap, patch: JSONMap, opts: MergeOptions): void {
  if (!('$retainKeys' in patch)) return;
  const retain = patch.$retainKeys;
  delete patch.$retainKeys;
  if (!opts.mergeParallelList) {
    if ('$retainKeys' in original) {
      if (!deepEqual(original.$retainKeys, retain)) throw new PatchError(`${goV(original.$retainKeys)} and ${goV(retain)} are not deep equal: this may happen when calculating the 3-way diff patch`);
    } else original.$retainKeys = retain;
    return;
  }
  if (!Array.isArray(retain)) throw new PatchError(`invalid patch: the value of $retainKeys must be a list, got ${goV(retain)}`);
  for (const k of Object.keys(original)) if (!retain.includes(k)) delete original[k];
}

function mergeSliceHandler(original: unknown[], patch: unknown[], meta: FieldMeta, isDeleteList: boolean, opts: MergeOptions): unknown[] {
  return meta.strategy === 'merge' ? mergeSlice(original, patch, meta.sub, meta.mergeKey, opts, isDeleteList) : patch;
}

function mergeSlice(original: unknown[], patch: unknown[], schema: Cursor, mergeKey: string, opts: MergeOptions, isDeleteList: boolean): unknown[] {
  if (original.length === 0 && patch.length === 0) return original;
  const maps = isMap(original[0] ?? patch[0]);
  let merged: unknown[];
  if (!maps) {
    if (opts.mergeParallelList && isDeleteList) return original.filter((x) => !patch.includes(x));
    merged = deduplicateScalars([...original, ...patch]);
  } else {
    if (!mergeKey) throw new PatchError('cannot merge lists without merge key');
    const special = mergeSliceWithSpecialElements(original, patch as JSONMap[], mergeKey);
    original = special.original;
    patch = special.patch;
    merged = mergeSliceWithoutSpecialElements(original, special.patch, mergeKey, schema, opts);
  }
  const [patchItems, serverOnly] = partition(merged, patch, mergeKey, maps);
  return normalizeElementOrder(patchItems, serverOnly, patch, original, mergeKey, maps);
}

function mergeSliceWithSpecialElements(original: unknown[], patch: JSONMap[], mergeKey: string): { original: unknown[]; patch: JSONMap[] } {
  const plain: JSONMap[] = [];
  let replace = false;
  let out = original;
  for (const v of patch) {
    if (!('$patch' in v)) {
      plain.push(v);
      continue;
    }
    if (v.$patch === 'delete') {
      if (!(mergeKey in v)) throw new PatchError(`map: ${goV(v)} does not contain declared merge key: ${mergeKey}`);
      out = out.filter((x) => !(isMap(x) && x[mergeKey] === v[mergeKey]));
    } else if (v.$patch === 'replace') replace = true;
    else if (v.$patch === 'merge') throw new PatchError('merging lists cannot yet be specified in the patch');
    else throw new PatchError(`Unexpected patch type: ${goV(v.$patch)} in ${goV(v)}`);
  }
  return replace ? { original: plain, patch: [] } : { original: out, patch: plain };
}

function mergeSliceWithoutSpecialElements(original: unknown[], patch: JSONMap[], mergeKey: string, schema: Cursor, opts: MergeOptions): unknown[] {
  const out = [...original];
  for (const v of patch) {
    const value = mergeKeyValue(v, mergeKey);
    const at = out.findIndex((x) => isMap(x) && x[mergeKey] === value);
    if (at >= 0) out[at] = mergeMap(out[at] as JSONMap, v, schema, opts);
    else out.push(v);
  }
  return out;
}

/** partition splits merged items into those present in `by` (by merge key for maps) and the server-only rest. */
function partition(merged: unknown[], by: unknown[], mergeKey: string, maps: boolean): [unknown[], unknown[]] {
  const inPatch: unknown[] = [];
  const serverOnly: unknown[] = [];
  for (const item of merged) (indexIn(by, item, mergeKey, maps) >= 0 ? inPatch : serverOnly).push(item);
  return [inPatch, serverOnly];
}

/** normalizeElementOrder orders patch items by the patch and server-only items by the live list, then interleaves them. */
function normalizeElementOrder(patch: unknown[], serverOnly: unknown[], patchOrder: unknown[], serverOrder: unknown[], mergeKey: string, maps: boolean): unknown[] {
  const right = normalizeSliceOrder(patch, patchOrder, mergeKey, maps);
  const left = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, maps);
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = indexIn(serverOrder, left[i], mergeKey, maps);
      const ri = indexIn(serverOrder, right[j], mergeKey, maps);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}

function removeDirectives(list: unknown[]): unknown[] {
  return list.map((x) => {
    if (!isMap(x)) return x;
    const copy: JSONMap = {};
    for (const [k, v] of Object.entries(x)) if (!k.startsWith('$')) copy[k] = v;
    return copy;
  });
}

function mergePatchIntoOriginal(original: JSONMap, patch: JSONMap, schema: Cursor, opts: MergeOptions): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ORDER)) continue;
    const order = patch[key];
    if (!opts.mergeParallelList) {
      if (key in original) {
        if (!deepEqual(original[key], order)) throw new PatchError('invalid patch: $setElementOrder list in the original patch and in the new patch are not identical');
      } else original[key] = order;
    }
    delete patch[key];
    if (!Array.isArray(order)) throw new PatchError(`invalid type for $setElementOrder: ${goV(order)}`);
    const listKey = key.slice(SET_ORDER.length);
    const foundOriginal = Array.isArray(original[listKey]);
    const foundPatch = Array.isArray(patch[listKey]);
    const originalList = foundOriginal ? (original[listKey] as unknown[]) : [];
    const patchList = foundPatch ? (patch[listKey] as unknown[]) : [];
    const meta = lookupSlice(schema, listKey);
    let merged: unknown[];
    if (foundOriginal && !foundPatch) merged = originalList;
    else if (!foundOriginal && foundPatch) merged = removeDirectives(patchList);
    else if (foundOriginal && foundPatch) merged = mergeSliceHandler(originalList, patchList, meta, false, opts);
    else continue;
    const maps = isMap(originalList[0] ?? patchList[0]);
    const [patchItems, serverOnly] = partition(merged, order, meta.mergeKey, maps && !!meta.mergeKey);
    original[listKey] = normalizeElementOrder(patchItems, serverOnly, order, originalList, meta.mergeKey, maps && !!meta.mergeKey);
    delete patch[listKey];
  }
}
