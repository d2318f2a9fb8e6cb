import { sameKeyOrder } from './stored.ts';

/**
 * jsonEqual tells whether two plain-data values serialise to the same JSON, exactly as
 * `JSON.stringify(a) === JSON.stringify(b)` would (key order counts, undefined fields are
 * skipped, undefined in an array reads as null), without building either string. Shared
 * subtrees, which structural sharing makes the common case, compare by identity at once.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return scalar(a) === scalar(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i] ?? null, bb[i] ?? null)) return false;
    return true;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  // Every defined value of `a` equal to `b`'s under the same key (a key `b` lacks reads as
  // undefined, which no defined value equals), then as many defined keys in `b`: the same keys.
  let count = 0;
  for (const k in ao) {
    const v = ao[k];
    if (v === undefined) continue;
    if (!jsonEqual(v, bo[k])) return false;
    count++;
  }
  for (const k in bo) if (bo[k] !== undefined) count--;
  // Last, as equal objects are rare among those that differ somewhere: the same key order.
  return count === 0 && sameKeyOrder(ao, bo);
}

/** scalar maps a non-object to what decides its JSON text (NaN and infinities print as null). */
function scalar(v: unknown): unknown {
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  return v;
}
