/** evaluateInstant dispatches a check that reads only the current state to its evaluator. */
import type { InstantCheck } from '../schema/check.ts';
import { evaluateAbsent, evaluateCount, evaluateExists, evaluateField } from './objects.ts';
import type { Outcome, View } from './outcome.ts';
import { evaluatePodsReady } from './pods.ts';
import { evaluateOwnedBy, evaluateServiceSelects } from './relations.ts';

/** evaluateInstant evaluates one instant check against the cluster as it is now. */
export function evaluateInstant(view: View, check: InstantCheck): Outcome {
  switch (check.type) {
    case 'exists':
      return evaluateExists(view, check);
    case 'absent':
      return evaluateAbsent(view, check);
    case 'field':
      return evaluateField(view, check);
    case 'count':
      return evaluateCount(view, check);
    case 'podsReady':
      return evaluatePodsReady(view, check);
    case 'serviceSelects':
      return evaluateServiceSelects(view, check);
    case 'ownedBy':
      return evaluateOwnedBy(view, check);
  }
}
