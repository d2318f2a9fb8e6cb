/**
 * A scenario is where a sandbox starts: which machines the cluster has, which objects already
 * exist, which files are in the learner's home, and how much time has already passed.
 */
import { parse } from 'yaml';
import type { KubeObject } from '../api/meta.ts';
import { Session } from '../session.ts';
import { createCluster, DEFAULT_NODES } from './default-cluster.ts';
import type { NodeSpecInput } from './nodes.ts';

/** Scenario is the parsed form of a scenario file. */
export interface Scenario {
  /** Machines; the default cluster's four when absent. */
  nodes?: NodeSpecInput[];
  /** Objects created before the learner arrives, as manifests. */
  objects?: KubeObject[];
  /** Files in the learner's home directory, by relative path. */
  files?: Record<string, string>;
  /** Virtual seconds to run the cluster after creating the objects, so they are settled. */
  settleSeconds?: number;
}

/** parseScenario reads scenario YAML; it throws an Error naming the problem. */
export function parseScenario(text: string): Scenario {
  const data = parse(text) as unknown;
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new Error('a scenario must be a YAML mapping with nodes, objects, files or settleSeconds');
  const s = data as Record<string, unknown>;
  for (const key of Object.keys(s)) {
    if (!['nodes', 'objects', 'files', 'settleSeconds'].includes(key)) throw new Error(`unknown scenario field "${key}"`);
  }
  if (s.objects !== undefined && !Array.isArray(s.objects)) throw new Error('scenario field "objects" must be a list of manifests');
  if (s.nodes !== undefined && !Array.isArray(s.nodes)) throw new Error('scenario field "nodes" must be a list');
  if (s.files !== undefined && (typeof s.files !== 'object' || Array.isArray(s.files))) throw new Error('scenario field "files" must map paths to contents');
  return s as Scenario;
}

/** startSession builds a session in the state a scenario describes. */
export function startSession(scenario: Scenario, opts: { seed?: number; startTime?: number } = {}): Session {
  const cluster = createCluster(scenario.nodes ?? DEFAULT_NODES, opts);
  for (const obj of scenario.objects ?? []) cluster.api.create(obj, 'scenario');
  cluster.drain();
  if (scenario.settleSeconds) cluster.advance(scenario.settleSeconds * 1000);
  return new Session({ cluster, files: scenario.files });
}
