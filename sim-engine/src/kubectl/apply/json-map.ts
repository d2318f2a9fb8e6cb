/** JSON objects as the patch code handles them: a plain map, told apart from arrays and scalars. */

/** JSONMap is a decoded JSON object. */
export type JSONMap = Record<string, unknown>;

/** isMap tells a JSON object from other values. */
export function isMap(v: unknown): v is JSONMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
