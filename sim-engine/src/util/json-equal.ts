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
  const bk = definedKeys(bo);
  let i = 0;
  for (const k in ao) {
    const v = ao[k];
    if (v === undefined) continue;
    if (bk[i] !== k || !jsonEqual(v, bo[k])) return false;
    i++;
  }
  return i === bk.length;
}

function definedKeys(o: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const k in o) if (o[k] !== undefined) out.push(k);
  return out;
}

/** scalar maps a non-object to what decides its JSON text (NaN and infinities print as null). */
function scalar(v: unknown): unknown {
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  return v;
}
