/** The `availableNeverBelow` history check: a rollout kept enough replicas available throughout. */
import { z } from 'zod';
import { strictObject } from '../../scenario/schema/strict.ts';
import { descriptionField, guardField, idField, nameField, namespaceField } from './fields.ts';

/** availableNeverBelowCheckSchema passes once a rollout of the Deployment has finished with status.availableReplicas never under `min`. */
export const availableNeverBelowCheckSchema = strictObject({
  type: z.literal('availableNeverBelow').describe('"availableNeverBelow": during the rollout, available replicas never dropped below min.'),
  id: idField,
  description: descriptionField,
  guard: guardField,
  deployment: nameField.describe('Name of the Deployment.'),
  namespace: namespaceField,
  min: z.number().int().min(0).describe('The fewest available replicas allowed at any moment of the rollout.'),
}).describe('A rollout of the Deployment (a change of its pod template) finished without availableReplicas ever falling below min.');
