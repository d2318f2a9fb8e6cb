/** The `exists` check: a named object is there. */
import { z } from 'zod';
import { strictObject } from '../../scenario/schema/strict.ts';
import { descriptionField, guardField, idField, kindField, nameField, namespaceField } from './fields.ts';

/** existsCheckSchema passes while the object exists (a Terminating object still exists). */
export const existsCheckSchema = strictObject({
  type: z.literal('exists').describe('"exists": the object must exist.'),
  id: idField,
  description: descriptionField,
  guard: guardField,
  kind: kindField,
  name: nameField,
  namespace: namespaceField,
}).describe('The named object exists.');
