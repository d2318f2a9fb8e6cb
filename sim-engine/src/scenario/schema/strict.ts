/** strictObject: a zod object that rejects unknown fields, naming the fields it does know (typos are the commonest content error). */
import { z } from 'zod';

/** strictObject is z.strictObject whose "unknown field" message lists the expected fields. */
export function strictObject<T extends z.core.$ZodLooseShape>(shape: T) {
  const known = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (iss) => (iss.code === 'unrecognized_keys' ? `unknown field ${iss.keys.map((k) => JSON.stringify(k)).join(', ')}; expected one of: ${known}` : undefined),
  });
}
