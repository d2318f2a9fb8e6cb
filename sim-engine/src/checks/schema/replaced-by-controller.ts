/** The `replacedByController` history check: a deleted pod came back through its controller, not by hand. */
import { z } from 'zod';
import { strictObject } from '../../scenario/schema/strict.ts';
import { descriptionField, guardField, idField, namespaceField, selectorField } from './fields.ts';

/** replacedByControllerCheckSchema passes when, after a matching pod was deleted, the controller (and nobody else) created a matching pod. */
export const replacedByControllerCheckSchema = strictObject({
  type: z.literal('replacedByController').describe('"replacedByController": a deleted pod was replaced by its controller.'),
  id: idField,
  description: descriptionField,
  guard: guardField,
  selector: selectorField.describe('Which pods: a label selector such as "app=web".'),
  namespace: namespaceField,
  controller: z
    .string()
    .min(1)
    .default('replicaset-controller')
    .describe('Who must create the replacement, as recorded in the audit log; "replicaset-controller" when absent.'),
}).describe('After a matching pod was deleted, a replacement was created by the controller, and no matching pod was created by anyone else.');
