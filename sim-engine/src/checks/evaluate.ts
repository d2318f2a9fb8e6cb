/**
 * evaluateChecks grades a list of checks against a cluster: pure reads of the cluster's state
 * and of the recorded history, the same in the browser and in Node.
 */
import type { Cluster } from '../cluster.ts';
import {
  evaluateAvailableNeverBelow,
  evaluateCreatedBy,
  evaluateReplacedByController,
  evaluateRolledBackTo,
} from './evaluators/history-checks.ts';
import { evaluateInstant } from './evaluators/instant.ts';
import { fail, pass, type Outcome, type View } from './evaluators/outcome.ts';
import type { CheckHistory } from './history.ts';
import type { Check } from './schema/check.ts';
import { seconds } from './words.ts';

/** CheckResult is one check's verdict, with a plain-words message pointing at the object. */
export interface CheckResult {
  id: string;
  passed: boolean;
  message: string;
}

/** CheckReport is the verdict on a list of checks: passed when every one passed. */
export interface CheckReport {
  passed: boolean;
  results: CheckResult[];
}

/** checkIds gives each check its id, or its type (then type-2, type-3…) when it has none. */
export function checkIds(checks: readonly { type: string; id?: string | undefined }[]): string[] {
  const taken = new Set(checks.map((c) => c.id).filter((id): id is string => id !== undefined));
  const seen = new Map<string, number>();
  return checks.map((c) => {
    if (c.id !== undefined) return c.id;
    for (let n = (seen.get(c.type) ?? 0) + 1; ; n++) {
      const id = n === 1 ? c.type : `${c.type}-${n}`;
      if (taken.has(id)) continue;
      seen.set(c.type, n);
      taken.add(id);
      return id;
    }
  });
}

/** evaluateCheck evaluates one check; history checks and stableFor need the history. */
export function evaluateCheck(cluster: View, check: Check, history?: CheckHistory): Outcome {
  // Reading the audit entries written since the last look is cheap when there are none.
  history?.sync();
  switch (check.type) {
    case 'availableNeverBelow':
      return evaluateAvailableNeverBelow(cluster, check, history);
    case 'replacedByController':
      return evaluateReplacedByController(cluster, check, history);
    case 'rolledBackTo':
      return evaluateRolledBackTo(cluster, check, history);
    case 'createdBy':
      return evaluateCreatedBy(cluster, check, history);
    case 'stableFor': {
      const inner = evaluateInstant(cluster, check.check);
      if (!history) return fail(`${inner.message}; timing how long it holds needs the cluster's recorded history`);
      history.track([check]);
      const since = history.heldSince(check.check);
      if (!inner.passed || since === null || since === undefined) return fail(inner.message);
      const held = cluster.now() - since;
      if (held >= check.seconds * 1000) return pass(`${inner.message}, without a break for ${seconds(held)}`);
      return fail(`${inner.message}, but only for ${seconds(held)} of the ${check.seconds}s required`);
    }
    default:
      return evaluateInstant(cluster, check);
  }
}

/** evaluateChecks evaluates every check against the cluster (and its recorded history) and says whether all passed. */
export function evaluateChecks(cluster: Cluster, checks: readonly Check[], history?: CheckHistory): CheckReport {
  const ids = checkIds(checks);
  const results = checks.map((check, i): CheckResult => {
    const o = evaluateCheck(cluster, check, history);
    return { id: ids[i]!, passed: o.passed, message: o.message };
  });
  return { passed: results.every((r) => r.passed), results };
}

