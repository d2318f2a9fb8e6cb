/** The union of checks that look only at the cluster as it is now (no history): the ones stableFor may wrap. */
import { z } from 'zod';
import { absentCheckSchema } from './absent.ts';
import { countCheckSchema } from './count.ts';
import { existsCheckSchema } from './exists.ts';
import { fieldCheckSchema } from './field.ts';
import { ownedByCheckSchema } from './owned-by.ts';
import { podsReadyCheckSchema } from './pods-ready.ts';
import { serviceSelectsCheckSchema } from './service-selects.ts';

/** INSTANT_CHECKS are the schemas of the checks that read only the current state. */
export const INSTANT_CHECKS = [
  existsCheckSchema,
  absentCheckSchema,
  fieldCheckSchema,
  countCheckSchema,
  podsReadyCheckSchema,
  serviceSelectsCheckSchema,
  ownedByCheckSchema,
] as const;

/** instantCheckSchema is any check that reads only the current state of the cluster. */
export const instantCheckSchema = z
  .discriminatedUnion('type', INSTANT_CHECKS, {
    error: (iss) =>
      iss.code === 'invalid_union'
        ? `expected a check type that looks at the cluster now: ${INSTANT_CHECKS.map((s) => s.shape.type.value).join(', ')}`
        : undefined,
  })
  .describe('A check of the current state: exists, absent, field, count, podsReady, serviceSelects or ownedBy.');
