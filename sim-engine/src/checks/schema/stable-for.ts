/** The `stableFor` wrapper: a check must hold without a break for a stretch of cluster time. */
import { z } from 'zod';
import { strictObject } from '../../scenario/schema/strict.ts';
import { descriptionField, guardField, idField } from './fields.ts';
import { instantCheckSchema } from './instant-check.ts';

/** stableForCheckSchema passes once the inner check has held continuously for `seconds` of virtual time. */
export const stableForCheckSchema = strictObject({
  type: z.literal('stableFor').describe('"stableFor": the inner check must hold continuously for a while.'),
  id: idField,
  description: descriptionField,
  guard: guardField,
  seconds: z.number().positive().max(3600).describe('How many seconds of cluster time the inner check must hold without a break.'),
  check: instantCheckSchema.describe('The check that must keep holding (any check that looks at the cluster now).'),
}).describe('The inner check has held continuously for the given number of virtual seconds.');
