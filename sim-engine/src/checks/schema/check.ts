/** The union of every check type: what a task's `checks` list holds. */
import { z } from 'zod';
import { availableNeverBelowCheckSchema } from './available-never-below.ts';
import { createdByCheckSchema } from './created-by.ts';
import { INSTANT_CHECKS } from './instant-check.ts';
import { replacedByControllerCheckSchema } from './replaced-by-controller.ts';
import { rolledBackToCheckSchema } from './rolled-back-to.ts';
import { stableForCheckSchema } from './stable-for.ts';

/** HISTORY_CHECKS are the schemas of the checks that read the recorded history. */
export const HISTORY_CHECKS = [availableNeverBelowCheckSchema, replacedByControllerCheckSchema, rolledBackToCheckSchema, createdByCheckSchema] as const;

/** ALL_CHECKS is every check schema, in the order the authoring guide lists them. */
export const ALL_CHECKS = [...INSTANT_CHECKS, ...HISTORY_CHECKS, stableForCheckSchema] as const;

/** CHECK_TYPES names every check type. */
export const CHECK_TYPES = ALL_CHECKS.map((s) => s.shape.type.value);

/** checkSchema is one check, of any type, chosen by its `type` field. */
export const checkSchema = z
  .discriminatedUnion('type', ALL_CHECKS, {
    error: (iss) => (iss.code === 'invalid_union' ? `expected "type" to be one of: ${CHECK_TYPES.join(', ')}` : undefined),
  })
  .describe('One check of the cluster\'s state or history.');

/** Check is a parsed check (defaults filled in). */
export type Check = z.output<typeof checkSchema>;
/** CheckInput is a check as an author writes it. */
export type CheckInput = z.input<typeof checkSchema>;
/** InstantCheck is a parsed check that reads only the current state. */
export type InstantCheck = Extract<Check, { type: (typeof INSTANT_CHECKS)[number]['shape']['type']['value'] }>;
