/** The `field` check: a value inside a named object compares as expected. */
import { z } from 'zod';
import { strictObject } from '../../scenario/schema/strict.ts';
import { atLeastOne, descriptionField, guardField, idField, kindField, nameField, namespaceField, pathField, VALUE_OPS, valueOps } from './fields.ts';

/** fieldCheckSchema reads one field of one object and compares it with every comparison given. */
export const fieldCheckSchema = strictObject({
  type: z.literal('field').describe('"field": a field of the object must compare as given.'),
  id: idField,
  description: descriptionField,
  guard: guardField,
  kind: kindField,
  name: nameField,
  namespace: namespaceField,
  path: pathField,
  ...valueOps,
})
  .superRefine(atLeastOne(VALUE_OPS))
  .describe('A field of the named object compares as expected.');
