/** The `serviceSelects` check: a Service sends traffic to a number of ready pods. */
import { z } from 'zod';
import { strictObject } from '../../scenario/schema/strict.ts';
import { countOps, descriptionField, guardField, idField, nameField, namespaceField } from './fields.ts';

/** serviceSelectsCheckSchema counts the ready pods behind a Service (at least 1 unless a comparison is given). */
export const serviceSelectsCheckSchema = strictObject({
  type: z.literal('serviceSelects').describe('"serviceSelects": the Service must select ready pods.'),
  id: idField,
  description: descriptionField,
  guard: guardField,
  service: nameField.describe('Name of the Service.'),
  namespace: namespaceField,
  via: z
    .enum(['auto', 'endpoints', 'selector'])
    .default('auto')
    .describe('How to find the pods: "endpoints" reads the Service\'s Endpoints, "selector" matches its selector against pods, "auto" uses the Endpoints when they exist.'),
  ...countOps,
}).describe('A Service selects a number of ready pods (at least one unless equals/gte/lte/gt/lt says otherwise).');
