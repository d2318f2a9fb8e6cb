/** Checks: exercise grading as data. Schemas validate checks; pure evaluators read a cluster and its recorded history. */
export { checkSchema, CHECK_TYPES, type Check, type CheckInput, type InstantCheck } from './schema/check.ts';
export { instantCheckSchema } from './schema/instant-check.ts';
export { evaluateChecks, evaluateCheck, checkIds, type CheckReport, type CheckResult } from './evaluate.ts';
export { CheckHistory, HISTORY_VERSION, type CheckHistoryOptions, type CheckHistoryState } from './history.ts';
export { parsePath, resolvePath } from './path.ts';
