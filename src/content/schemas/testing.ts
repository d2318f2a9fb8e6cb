/** Test helpers for the content schemas: the engine's issue formatter and a walker for undescribed fields. */
import type { z } from 'astro/zod';
export { formatIssues } from '@wheelhouse/sim-engine/validate';

type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; element?: z.ZodType; options?: z.ZodType[]; in?: z.ZodType; valueType?: z.ZodType };

/** undescribed lists the dotted paths of object fields without a `.describe()`. */
export function undescribed(schema: z.ZodType, path = '', seen = new Set<z.ZodType>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = (schema as unknown as { def: Def }).def;
  const out: string[] = [];
  if (def.type === 'object') {
    for (const [k, f] of Object.entries(def.shape ?? {})) {
      const p = path ? `${path}.${k}` : k;
      if (!f.description) out.push(p);
      out.push(...undescribed(f, p, seen));
    }
  } else if (['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch'].includes(def.type)) out.push(...undescribed(def.innerType!, path, seen));
  else if (def.type === 'array') out.push(...undescribed(def.element!, `${path}[]`, seen));
  else if (def.type === 'record') out.push(...undescribed(def.valueType!, `${path}{}`, seen));
  else if (def.type === 'union') for (const o of def.options ?? []) out.push(...undescribed(o, path, seen));
  else if (def.type === 'pipe') out.push(...undescribed(def.in!, path, seen));
  return out;
}
