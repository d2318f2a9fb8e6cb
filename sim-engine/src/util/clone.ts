/** clone deep-copies plain JSON data (objects, arrays, primitives); the engine stores nothing else. */
export function clone<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(clone) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = clone(v);
  return out as T;
}
