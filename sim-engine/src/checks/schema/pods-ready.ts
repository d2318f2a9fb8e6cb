/** The `podsReady` check: every pod of a workload is Running and Ready. */
import { z } from 'zod';
import { strictObject } from '../../scenario/schema/strict.ts';
import { descriptionField, guardField, exactlyOne, idField, nameField, namespaceField, selectorField } from './fields.ts';

/** PODS_READY_TARGETS are the ways to say whose pods: exactly one must be given. */
export const PODS_READY_TARGETS = ['pod', 'deployment', 'replicaSet', 'selector'] as const;

/** podsReadyCheckSchema passes when the workload has its pods and all of them are Running and Ready. */
export const podsReadyCheckSchema = strictObject({
  type: z.literal('podsReady').describe('"podsReady": the pods must all be Running and Ready.'),
  id: idField,
  description: descriptionField,
  guard: guardField,
  pod: nameField.optional().describe('One pod, by name.'),
  deployment: nameField.optional().describe('The pods of this Deployment (those its selector matches).'),
  replicaSet: nameField.optional().describe('The pods of this ReplicaSet (those its selector matches).'),
  selector: selectorField.optional().describe('The pods matching this label selector: "app=web" or { app: web }.'),
  namespace: namespaceField,
  count: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe('How many pods there must be; the workload\'s spec.replicas (1 for a pod, at least 1 for a selector) when absent.'),
})
  .superRefine(exactlyOne(PODS_READY_TARGETS))
  .describe('All pods of a pod, Deployment, ReplicaSet or selector are Running and Ready.');
