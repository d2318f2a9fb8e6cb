/** The `count` check: how many objects of a kind match a selector (and a field condition). */
import { z } from 'zod';
import { strictObject } from '../../scenario/schema/strict.ts';
import { atLeastOne, COUNT_OPS, countOps, descriptionField, guardField, idField, kindField, namespaceField, pathField, selectorField, VALUE_OPS, valueOps } from './fields.ts';

/** countCheckSchema counts matching objects and compares the count with every comparison given. */
export const countCheckSchema = strictObject({
  type: z.literal('count').describe('"count": the number of matching objects must compare as given.'),
  id: idField,
  description: descriptionField,
  guard: guardField,
  kind: kindField,
  namespace: namespaceField,
  allNamespaces: z.boolean().default(false).describe('Count in every namespace instead of one.'),
  selector: selectorField.optional().describe('Only count objects whose labels match this selector: "app=web" or { app: web }.'),
  where: strictObject({
    path: pathField,
    ...valueOps,
  })
    .superRefine(atLeastOne(VALUE_OPS))
    .optional()
    .describe('Only count objects whose field at `path` compares as given, e.g. { path: status.phase, equals: Running }.'),
  includeTerminating: z.boolean().default(false).describe('Also count objects that are being deleted (Terminating); they are left out by default.'),
  ...countOps,
})
  .superRefine(atLeastOne(COUNT_OPS))
  .describe('The number of objects of a kind that match compares as expected.');
