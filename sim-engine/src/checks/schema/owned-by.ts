/** The `ownedBy` check: objects are controlled by an owner (directly, or through a chain such as pod → ReplicaSet → Deployment). */
import { z } from 'zod';
import { strictObject } from '../../scenario/schema/strict.ts';
import { descriptionField, guardField, exactlyOne, idField, kindField, nameField, namespaceField, selectorField } from './fields.ts';

/** ownedByCheckSchema passes when every matching object (at least one) has the owner up its chain of controller references. */
export const ownedByCheckSchema = strictObject({
  type: z.literal('ownedBy').describe('"ownedBy": the objects must be controlled by the owner.'),
  id: idField,
  description: descriptionField,
  guard: guardField,
  kind: kindField,
  name: nameField.optional().describe('The dependent object, by name.'),
  selector: selectorField.optional().describe('The dependent objects, by label selector: "app=web" or { app: web }.'),
  namespace: namespaceField,
  owner: strictObject({
    kind: kindField,
    name: nameField,
  }).describe('The owner, e.g. { kind: Deployment, name: web }; a pod of a Deployment reaches it through its ReplicaSet.'),
})
  .superRefine(exactlyOne(['name', 'selector']))
  .describe('An object (by name) or all objects matching a selector are owned by the given owner.');
