/** Test helper: find the fields of a zod schema that lack a `.describe()`, walking into objects, lists, unions and wrappers. */
import type { z } from 'zod';

type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; element?: z.ZodType; options?: z.ZodType[]; in?: z.ZodType; out?: z.ZodType; valueType?: z.ZodType; getter?: () => z.ZodType };

/** undescribedFields lists the dotted paths of object fields without a description. */
export function undescribedFields(schema: z.ZodType, path = '', seen = new Set<z.ZodType>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = (schema as unknown as { def: Def }).def;
  const out: string[] = [];
  switch (def.type) {
    case 'object':
      for (const [k, f] of Object.entries(def.shape ?? {})) {
        const p = path ? `${path}.${k}` : k;
        if (!f.description) out.push(p);
        out.push(...undescribedFields(f, p, seen));
      }
      break;
    case 'optional':
    case 'default':
    case 'nullable':
    case 'readonly':
    case 'prefault':
    case 'catch':
      out.push(...undescribedFields(def.innerType!, path, seen));
      break;
    case 'array':
      out.push(...undescribedFields(def.element!, `${path}[]`, seen));
      break;
    case 'record':
      out.push(...undescribedFields(def.valueType!, `${path}{}`, seen));
      break;
    case 'union':
      for (const o of def.options ?? []) out.push(...undescribedFields(o, path, seen));
      break;
    case 'pipe':
      out.push(...undescribedFields(def.in!, path, seen));
      break;
    case 'lazy':
      out.push(...undescribedFields(def.getter!(), path, seen));
      break;
  }
  return out;
}
