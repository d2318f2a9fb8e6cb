/**
 * Computing strategic-merge patches (apimachinery strategicpatch: diffMaps, diffLists and the
 * `$setElementOrder`, `$retainKeys`, `$patch: delete` and `$deleteFromPrimitiveList` directives),
 * ported so that `kubectl apply` decides configured/unchanged and builds the same patch.
 */
import { cloneJSON, deepEqual, goType, goV, isMap, lookupSlice, lookupStruct, noMergeKey, type Cursor, type JSONMap } from './patch-meta.ts';

/** DiffOptions steer diffMaps, as strategicpatch.DiffOptions. */
export interface DiffOptions {
  ignoreChangesAndAdditions?: boolean;
  ignoreDeletions?: boolean;
  setElementOrder?: boolean;
  buildRetainKeysDirective?: boolean;
}

/** sortScalars sorts by fmt's %v text, as strategicpatch does. */
export function sortScalars(list: unknown[]): unknown[] {
  return [...list].sort((a, b) => {
    const x = goV(a);
    const y = goV(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/** diffMaps returns the patch turning `original` into `modified` under the options. */
export function diffMaps(original: JSONMap, modified: JSONMap, schema: Cursor, opts: DiffOptions): JSONMap {
  const patch: JSONMap = {};
  const retainKeys: string[] = [];
  for (const [key, modifiedValue] of Object.entries(modified)) {
    if (opts.buildRetainKeysDirective && modifiedValue !== null) retainKeys.push(key);
    if (!(key in original)) {
      if (!opts.ignoreChangesAndAdditions) patch[key] = modifiedValue;
      continue;
    }
    const originalValue = original[key];
    if (key === '$patch' && typeof originalValue === 'string' && typeof modifiedValue === 'string') {
      if (originalValue !== modifiedValue) patch[key] = modifiedValue;
      continue;
    }
    if (goType(originalValue) !== goType(modifiedValue)) {
      if (!opts.ignoreChangesAndAdditions) patch[key] = modifiedValue;
      continue;
    }
    if (isMap(originalValue)) handleMapDiff(key, originalValue, modifiedValue as JSONMap, patch, schema, opts);
    else if (Array.isArray(originalValue)) handleSliceDiff(key, originalValue, modifiedValue as unknown[], patch, schema, opts);
    else if (!opts.ignoreChangesAndAdditions && !deepEqual(originalValue, modifiedValue)) patch[key] = modifiedValue;
  }
  if (!opts.ignoreDeletions) for (const key of Object.keys(original)) if (!(key in modified)) patch[key] = null;
  if (retainKeys.length > 0 && (Object.keys(patch).length > 0 || hasAdditionalNewField(original, modified))) {
    patch.$retainKeys = sortScalars(retainKeys);
  }
  return patch;
}

function hasAdditionalNewField(original: JSONMap, modified: JSONMap): boolean {
  return Object.entries(original).some(([k, v]) => v !== null && !(k in modified));
}

function handleMapDiff(key: string, original: JSONMap, modified: JSONMap, patch: JSONMap, schema: Cursor, opts: DiffOptions): void {
  const meta = lookupStruct(schema, key);
  if (meta.strategy === 'replace') {
    if (!opts.ignoreChangesAndAdditions) patch[key] = modified;
    return;
  }
  const value = diffMaps(original, modified, meta.sub, { ...opts, buildRetainKeysDirective: meta.retainKeys });
  if (Object.keys(value).length > 0) patch[key] = value;
}

function handleSliceDiff(key: string, original: unknown[], modified: unknown[], patch: JSONMap, schema: Cursor, opts: DiffOptions): void {
  const meta = lookupSlice(schema, key);
  if (meta.strategy !== 'merge') {
    if (!opts.ignoreChangesAndAdditions && !deepEqual(original, modified)) patch[key] = modified;
    return;
  }
  const { add, del, order } = diffLists(original, modified, meta.sub, meta.mergeKey, { ...opts, buildRetainKeysDirective: meta.retainKeys });
  if (add.length > 0) patch[key] = add;
  if (del.length > 0) patch[`$deleteFromPrimitiveList/${key}`] = del;
  if (order.length > 0) patch[`$setElementOrder/${key}`] = order;
}

function listKind(a: unknown[], b: unknown[]): 'map' | 'scalar' | 'none' {
  const first = a[0] ?? b[0];
  if (a.length === 0 && b.length === 0) return 'none';
  return isMap(first) ? 'map' : 'scalar';
}

function diffLists(original: unknown[], modified: unknown[], schema: Cursor, mergeKey: string, opts: DiffOptions): { add: unknown[]; del: unknown[]; order: unknown[] } {
  if (original.length === 0) {
    // An empty old list: nothing to diff, the new list is added as a whole.
    return { add: modified.length === 0 || opts.ignoreChangesAndAdditions ? [] : modified, del: [], order: [] };
  }
  const kind = listKind(original, modified);
  if (kind === 'map') {
    let { patch, deletions } = diffListsOfMaps(original as JSONMap[], modified as JSONMap[], schema, mergeKey, opts);
    patch = normalizeSliceOrder(patch, modified, mergeKey, true);
    const orderSame = isOrderSame(original, modified, mergeKey);
    patch = [...patch, ...deletions];
    let order: unknown[] = [];
    if (opts.setElementOrder && ((!opts.ignoreChangesAndAdditions && (patch.length > 0 || !orderSame)) || (!opts.ignoreDeletions && patch.length > 0))) {
      order = modified.map((v) => ({ [mergeKey]: (v as JSONMap)[mergeKey] }));
    }
    return { add: patch, del: [], order };
  }
  const { add, del } = diffListsOfScalars(original, modified, opts);
  let order: unknown[] = [];
  if (opts.setElementOrder && ((!opts.ignoreDeletions && del.length > 0) || (!opts.ignoreChangesAndAdditions && !deepEqual(original, modified)))) {
    order = modified;
  }
  return { add: normalizeSliceOrder(add, modified, mergeKey, false), del, order };
}

/** mergeKeyValue reads an element's merge key, failing as ErrNoMergeKey. */
export function mergeKeyValue(m: unknown, key: string): unknown {
  if (!isMap(m) || !(key in m)) throw noMergeKey(isMap(m) ? m : {}, key);
  return m[key];
}

function diffListsOfMaps(original: JSONMap[], modified: JSONMap[], schema: Cursor, mergeKey: string, opts: DiffOptions): { patch: unknown[]; deletions: unknown[] } {
  const patch: unknown[] = [];
  const deletions: unknown[] = [];
  const byKey = (l: JSONMap[]) => [...l].sort((a, b) => {
    const x = goV(mergeKeyValue(a, mergeKey));
    const y = goV(mergeKeyValue(b, mergeKey));
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const o = byKey(original);
  const m = byKey(modified);
  let i = 0;
  let j = 0;
  while (i < o.length || j < m.length) {
    const oIn = i < o.length;
    const mIn = j < m.length;
    const ov = oIn ? mergeKeyValue(o[i], mergeKey) : undefined;
    const mv = mIn ? mergeKeyValue(m[j], mergeKey) : undefined;
    const os = oIn ? goV(ov) : '';
    const ms = mIn ? goV(mv) : '';
    if (oIn && mIn && os === ms) {
      const value = diffMaps(o[i]!, m[j]!, schema, opts);
      if (Object.keys(value).length > 0) {
        value[mergeKey] = mv;
        patch.push(value);
      }
      i++;
      j++;
    } else if (!oIn || (mIn && os > ms)) {
      if (!opts.ignoreChangesAndAdditions) patch.push(m[j]);
      j++;
    } else {
      if (!opts.ignoreDeletions) deletions.push({ $patch: 'delete', [mergeKey]: ov });
      i++;
    }
  }
  return { patch, deletions };
}

function diffListsOfScalars(original: unknown[], modified: unknown[], opts: DiffOptions): { add: unknown[]; del: unknown[] } {
  const o = sortScalars(original);
  const m = sortScalars(modified);
  const add: unknown[] = [];
  const del: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < o.length || j < m.length) {
    const oIn = i < o.length;
    const mIn = j < m.length;
    const os = oIn ? goV(o[i]) : '';
    const ms = mIn ? goV(m[j]) : '';
    if (oIn && mIn && os === ms) {
      i++;
      j++;
    } else if (!oIn || (mIn && os > ms)) {
      if (!opts.ignoreChangesAndAdditions) add.push(m[j]);
      j++;
    } else {
      if (!opts.ignoreDeletions) del.push(o[i]);
      i++;
    }
  }
  return { add, del: deduplicateScalars(del) };
}

/** deduplicateScalars is strategicpatch's in-place dedup (it moves the last element into each hole). */
export function deduplicateScalars(input: unknown[]): unknown[] {
  const s = [...input];
  let length = s.length - 1;
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (s[i] === s[j]) {
        s[j] = s[length];
        s.length = length;
        length--;
        j--;
      }
    }
  }
  return s;
}

function isOrderSame(original: unknown[], modified: unknown[], mergeKey: string): boolean {
  if (original.length !== modified.length) return false;
  return modified.every((m, i) => (mergeKey ? mergeKeyValue(original[i], mergeKey) === mergeKeyValue(m, mergeKey) : original[i] === m));
}

/** indexIn is strategicpatch's index(): position of an item (by merge key for maps) in a list, or -1. */
export function indexIn(list: unknown[], item: unknown, mergeKey: string, maps: boolean): number {
  const val = (x: unknown) => (maps ? (isMap(x) ? x[mergeKey] : undefined) : x);
  const want = val(item);
  return list.findIndex((x) => val(x) === want);
}

/** normalizeSliceOrder sorts `toSort` by the order of `order`, keeping `$patch: delete` items last. */
export function normalizeSliceOrder(toSort: unknown[], order: unknown[], mergeKey: string, maps: boolean): unknown[] {
  let items = toSort;
  let deletes: unknown[] = [];
  if (maps) {
    items = toSort.filter((x) => !(isMap(x) && x.$patch === 'delete'));
    deletes = toSort.filter((x) => isMap(x) && x.$patch === 'delete');
  }
  const sorted = items
    .map((x, i) => ({ x, i, at: indexIn(order, x, mergeKey, maps) }))
    .sort((a, b) => (a.at >= 0 && b.at >= 0 ? a.at - b.at : a.at < 0 && b.at >= 0 ? -1 : a.i - b.i))
    .map((e) => e.x);
  return [...sorted, ...deletes];
}

export { cloneJSON };
