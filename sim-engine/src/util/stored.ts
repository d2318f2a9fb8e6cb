/**
 * Stored objects are shared, immutable values: the store freezes what it keeps, so no reader can
 * change an object behind the store's back, and a write copies only the parts of its input the
 * store does not already own (frozen parts are shared as they are). An update that changes one
 * field of a pod therefore allocates a few objects, not a deep copy of the whole pod.
 */

/** copyUnowned deep-copies plain JSON data, dropping undefined fields, except frozen (store-owned) parts, which it shares. */
export function copyUnowned<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) return value.map(copyUnowned) as T;
  const out: Record<string, unknown> = {};
  for (const k in value) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = copyUnowned(v);
  }
  return out as T;
}

/** freezeOwned deep-freezes an object the store now owns, in place, stopping at parts already frozen; it returns the object. */
export function freezeOwned<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  // The checks are repeated before each call: most fields are strings, numbers or shared parts.
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) freezeOwned(v);
    }
  } else {
    for (const k in value) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) freezeOwned(v);
    }
  }
  return value;
}

/**
 * shareUnchanged makes a freshly built value share what it has in common with the version it
 * replaces: every part that serialises the same as the previous one is swapped for that
 * (stored, frozen) part, and when nothing changed the previous value itself is returned. A
 * status report that only flips one condition then keeps every other condition object.
 * `next` must belong to the caller; its unfrozen parts are updated in place.
 */
export function shareUnchanged<T>(next: T, prev: unknown): T {
  if (next === prev || next === null || typeof next !== 'object' || Object.isFrozen(next)) return next;
  if (prev === null || typeof prev !== 'object' || Array.isArray(next) !== Array.isArray(prev)) return next;
  let same = true;
  if (Array.isArray(next)) {
    const p = prev as unknown[];
    if (next.length !== p.length) same = false;
    for (let i = 0; i < next.length; i++) {
      next[i] = shareUnchanged(next[i], p[i]);
      if (next[i] !== p[i]) same = false;
    }
    return (same ? prev : next) as T;
  }
  const n = next as Record<string, unknown>;
  const p = prev as Record<string, unknown>;
  for (const k in n) {
    if (n[k] === undefined) continue;
    n[k] = shareUnchanged(n[k], p[k]);
    if (n[k] !== p[k]) same = false;
  }
  // Equal means the same defined keys in the same order, each holding the very same value; the
  // order is only looked at once every value matched, which few of the objects walked do.
  return (same && sameKeyOrder(n, p) ? prev : next) as T;
}

/** sameKeyOrder tells whether two objects have the same defined keys in the same order. */
export function sameKeyOrder(a: object, b: object): boolean {
  let i = 0;
  for (const k in a) {
    if ((a as Record<string, unknown>)[k] === undefined) continue;
    // Objects of a handful of keys (nearly all) are paired key by key without listing either's
    // keys; a large one is listed once rather than walked over and over.
    if (i === PAIRWISE_KEYS) return listedKeysMatch(a, b);
    if (definedKeyAt(b, i) !== k) return false;
    i++;
  }
  return definedKeyAt(b, i) === undefined;
}

const PAIRWISE_KEYS = 16;

/** definedKeyAt is an object's `i`-th defined key (undefined when it has no more). */
function definedKeyAt(o: object, i: number): string | undefined {
  let j = 0;
  for (const k in o) {
    if ((o as Record<string, unknown>)[k] === undefined) continue;
    if (j === i) return k;
    j++;
  }
  return undefined;
}

function listedKeysMatch(a: object, b: object): boolean {
  const ak = definedKeys(a);
  const bk = definedKeys(b);
  return ak.length === bk.length && ak.every((k, i) => k === bk[i]);
}

function definedKeys(o: object): string[] {
  const out: string[] = [];
  for (const k in o) if ((o as Record<string, unknown>)[k] !== undefined) out.push(k);
  return out;
}

/**
 * definedKeysAre tells whether an object's defined keys are exactly `keys`, in that order: with
 * its values checked one by one, whether it is the very object a builder setting those keys in
 * that order would make, and so may be kept instead.
 */
export function definedKeysAre(value: object, keys: readonly string[]): boolean {
  let i = 0;
  for (const k in value) if ((value as Record<string, unknown>)[k] !== undefined && keys[i++] !== k) return false;
  return i === keys.length;
}
