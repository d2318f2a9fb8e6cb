/** The `createdBy` history check: who created an object, by hand (kubectl) or a controller. */
import { z } from 'zod';
import { strictObject } from '../../scenario/schema/strict.ts';
import { descriptionField, guardField, idField, kindField, nameField, namespaceField } from './fields.ts';

/** createdByCheckSchema passes when the audit log says the object was created by the given actor. */
export const createdByCheckSchema = strictObject({
  type: z.literal('createdBy').describe('"createdBy": the object must have been created by the given actor.'),
  id: idField,
  description: descriptionField,
  guard: guardField,
  kind: kindField,
  name: nameField,
  namespace: namespaceField,
  by: z
    .string()
    .min(1)
    .describe('"kubectl" (by hand), "controller" (any *-controller), or an exact actor such as "replicaset-controller" or "scenario".'),
}).describe('The object was created by the given actor, according to the audit log.');
