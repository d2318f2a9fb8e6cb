/** Safe lookups in plain-object tables keyed by user input, where `constructor` or `__proto__` must not find Object's own members. */

/** own returns `record[key]` only when the record itself has that key. */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
