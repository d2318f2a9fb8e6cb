/**
 * A scenario is where a sandbox starts: which machines the cluster has, which objects already
 * exist, which files are in the learner's home, how much time has already passed, how fast the
 * clock runs and which chaos controls are on. Its schema is in schema/scenario.ts; this file
 * reads and checks scenarios, and build.ts builds the session.
 */
import { parse, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import type { Session } from '../session.ts';
import { buildSession, type BuildOptions } from './build.ts';
import { ContentError } from './schema/issues.ts';
import { scenarioSchema, type ScenarioInput } from './schema/scenario.ts';

/** Scenario is a parsed scenario, with every default filled in. */
export type Scenario = z.output<typeof scenarioSchema>;

/** parseYaml reads YAML text; a syntax error throws a ContentError `<file>:<line>:<col>: <problem>`. */
export function parseYaml(text: string, file: string): unknown {
  try {
    return parse(text) as unknown;
  } catch (e) {
    if (e instanceof YAMLParseError) {
      const pos = e.linePos?.[0];
      const where = pos ? `${file}:${pos.line}:${pos.col}` : file;
      throw new ContentError(file, `${where}: invalid YAML: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
    }
    throw e;
  }
}

/** validateScenario checks scenario data against the schema; problems throw a ContentError, one `<file>: <field path>: <expected>` line each. */
export function validateScenario(data: unknown, file = 'scenario'): Scenario {
  const r = scenarioSchema.safeParse(data ?? {});
  if (!r.success) throw ContentError.fromZod(file, r.error);
  return r.data;
}

/** parseScenario reads scenario YAML; problems throw a ContentError naming the file, the field and what was expected. */
export function parseScenario(text: string, file = 'scenario'): Scenario {
  return validateScenario(parseYaml(text, file), file);
}

/** startSession validates a scenario, then builds the session it describes (see buildSession). */
export function startSession(input: ScenarioInput | Scenario, opts: BuildOptions = {}): Session {
  return buildSession(validateScenario(input, opts.file), opts);
}
