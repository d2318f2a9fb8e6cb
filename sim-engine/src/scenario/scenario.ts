/**
 * A scenario is where a sandbox starts: which machines the cluster has, which objects already
 * exist, which files are in the learner's home, how much time has already passed, how fast the
 * clock runs and which chaos controls are on. Its schema is in schema/scenario.ts.
 */
import { parse, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import type { KubeObject } from '../api/meta.ts';
import { DEFAULT_START } from '../cluster.ts';
import { Session } from '../session.ts';
import { createCluster, DEFAULT_NODES } from './default-cluster.ts';
import type { NodeSpecInput } from './nodes.ts';
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

/** scenarioStartTime is the virtual time a scenario's sandbox opens at. */
export function scenarioStartTime(scenario: Scenario, base = DEFAULT_START): number {
  return base + scenario.clock.startOffsetSeconds * 1000;
}

/** startSession builds a session in the state a scenario describes (objects created by the actor `scenario`). */
export function startSession(input: ScenarioInput | Scenario, opts: { seed?: number; startTime?: number; file?: string } = {}): Session {
  const scenario = validateScenario(input, opts.file);
  const cluster = createCluster(scenario.nodes ? scenario.nodes.map(nodeInput) : DEFAULT_NODES, {
    seed: opts.seed,
    startTime: scenarioStartTime(scenario, opts.startTime),
  });
  scenario.objects.forEach((obj, i) => {
    try {
      cluster.api.create(obj as KubeObject, 'scenario');
    } catch (e) {
      throw new ContentError(opts.file ?? 'scenario', `${opts.file ?? 'scenario'}: objects[${i}]: ${(e as Error).message}`);
    }
  });
  cluster.drain();
  if (scenario.settleSeconds) cluster.advance(scenario.settleSeconds * 1000);
  return new Session({ cluster, files: scenario.files });
}

function nodeInput(n: NonNullable<Scenario['nodes']>[number], i: number): NodeSpecInput {
  return {
    name: n.name,
    role: n.role,
    internalIP: n.internalIP ?? `172.18.0.${i + 2}`,
    podCIDR: n.podCIDR ?? `10.244.${i}.0/24`,
    ...(n.cpu ? { cpu: n.cpu } : {}),
    ...(n.memory ? { memory: n.memory } : {}),
    ...(n.labels ? { labels: n.labels } : {}),
    ...(n.taints ? { taints: n.taints } : {}),
  };
}
