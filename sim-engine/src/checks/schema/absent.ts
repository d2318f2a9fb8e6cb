/** The `absent` check: a named object is gone. */
import { z } from 'zod';
import { strictObject } from '../../scenario/schema/strict.ts';
import { descriptionField, guardField, idField, kindField, nameField, namespaceField } from './fields.ts';

/** absentCheckSchema passes once the object no longer exists (a Terminating object is not gone yet). */
export const absentCheckSchema = strictObject({
  type: z.literal('absent').describe('"absent": the object must not exist.'),
  id: idField,
  description: descriptionField,
  guard: guardField,
  kind: kindField,
  name: nameField,
  namespace: namespaceField,
}).describe('The named object does not exist.');
