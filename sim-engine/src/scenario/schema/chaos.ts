/** The schema of a scenario's `chaos`: which "break something" controls the sandbox offers. */
import { z } from 'zod';
import { strictObject } from './strict.ts';

/** chaosSchema switches the sandbox's chaos controls on; all are off unless a scenario enables them. */
export const chaosSchema = strictObject({
  deletePod: z.boolean().default(false).describe('Offer a control that deletes a pod of the learner\'s choice.'),
  stopNode: z.boolean().default(false).describe('Offer a control that stops a node (its kubelet stops reporting).'),
  breakImage: z.boolean().default(false).describe('Offer a control that makes an image fail to pull.'),
}).describe('Chaos controls the sandbox shows for this scenario.');

/** ScenarioChaos is a parsed `chaos` section. */
export type ScenarioChaos = z.output<typeof chaosSchema>;
