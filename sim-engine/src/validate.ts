/**
 * @wheelhouse/sim-engine/validate: checking what course authors write, for the site's build,
 * `check:content`, the transcript runner and tests. It reads scenario YAML and validates
 * scenarios and exercise checks against their zod schemas, so problems name the file, the
 * field and what was expected. The browser never loads it: what it runs was checked here first.
 */
export { parseScenario, parseYaml, startSession, validateScenario } from './scenario/scenario.ts';
export { scenarioSchema } from './scenario/schema/scenario.ts';
export { formatIssues, formatPath, type SchemaIssue } from './scenario/schema/issues.ts';
export { strictObject } from './scenario/schema/strict.ts';
export { checkSchema, CHECK_TYPES } from './checks/schema/check.ts';
export { instantCheckSchema } from './checks/schema/instant-check.ts';
