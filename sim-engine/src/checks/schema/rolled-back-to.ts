/** The `rolledBackTo` history check: a Deployment runs the pod template of an earlier revision. */
import { z } from 'zod';
import { strictObject } from '../../scenario/schema/strict.ts';
import { descriptionField, guardField, idField, nameField, namespaceField } from './fields.ts';

/** rolledBackToCheckSchema passes when the Deployment's pod template equals revision N's, as recorded from its ReplicaSets. */
export const rolledBackToCheckSchema = strictObject({
  type: z.literal('rolledBackTo').describe('"rolledBackTo": the Deployment\'s template must be revision N\'s.'),
  id: idField,
  description: descriptionField,
  guard: guardField,
  deployment: nameField.describe('Name of the Deployment.'),
  namespace: namespaceField,
  revision: z.number().int().min(1).describe('The revision number, as `kubectl rollout history` lists it.'),
}).describe('The Deployment\'s pod template equals the template of revision N.');
