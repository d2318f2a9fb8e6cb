/**
 * @wheelhouse/sim-engine/grading: exercise grading. Checks (what an exercise asks of the
 * cluster), evaluating them against a cluster, and the history recorder that judges checks over
 * time (never below, rolled back to, stable for). The browser loads it when a learner starts an
 * exercise, not with the sandbox; the checks' schemas are in validate.ts.
 */
export type { Check, CheckInput, InstantCheck } from './checks/schema/check.ts';
export { evaluateChecks, evaluateCheck, checkIds, type CheckReport, type CheckResult } from './checks/evaluate.ts';
export { CheckHistory, HISTORY_VERSION, type CheckHistoryOptions, type CheckHistoryState } from './checks/history.ts';
export { parsePath, resolvePath } from './checks/path.ts';
