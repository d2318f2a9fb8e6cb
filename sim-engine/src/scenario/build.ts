/**
 * buildSession turns a scenario into a running session. It trusts its input: scenarios are
 * validated where they are written (the site's build, `check:content`, scenario.ts's
 * startSession), so the browser can build one without carrying the schema and its validator.
 * Fields a scenario leaves out take the schema's defaults, so unparsed input builds the same.
 */
import type { KubeObject } from '../api/meta.ts';
import { resourceForKind } from '../api/resources.ts';
import { DEFAULT_START } from '../cluster.ts';
import { withApplyAnnotation } from '../kubectl/apply/last-applied.ts';
import { Session } from '../session.ts';
import { createCluster, DEFAULT_NODES } from './default-cluster.ts';
import type { NodeSpecInput } from './nodes.ts';
import { ContentError } from './schema/issues.ts';
import type { ScenarioNode } from './schema/node.ts';
import type { ScenarioInput } from './schema/scenario.ts';

/** BuildOptions choose the random seed and the moment the sandbox opens (before the scenario's offset); `file` names the scenario in errors. */
export interface BuildOptions {
  seed?: number;
  startTime?: number;
  file?: string;
}

/** scenarioStartTime is the virtual time a scenario's sandbox opens at. */
export function scenarioStartTime(scenario: Pick<ScenarioInput, 'clock'>, base = DEFAULT_START): number {
  return base + (scenario.clock?.startOffsetSeconds ?? 0) * 1000;
}

/** buildSession builds a session in the state a validated scenario describes (objects created by the actor `scenario`, as `kubectl apply` would with `apply: true`). */
export function buildSession(scenario: ScenarioInput, opts: BuildOptions = {}): Session {
  const file = opts.file ?? 'scenario';
  const machines = scenario.nodes ? scenario.nodes.map(nodeInput) : DEFAULT_NODES;
  const startTime = scenarioStartTime(scenario, opts.startTime);
  const objects = scenario.objects ?? [];
  const settleMs = (scenario.settleSeconds ?? 0) * 1000;
  if (scenario.cluster === 'none') {
    // Bare machines have no API server yet, so there is nothing to create objects in.
    if (objects.length > 0) throw new ContentError(file, `${file}: objects: expected none when cluster is "none" (there is no API server until the learner builds one)`);
    const session = new Session({ bareMachines: machines, seed: opts.seed, startTime, files: scenario.files ?? {} });
    if (settleMs) session.cluster.advance(settleMs);
    return session;
  }
  const cluster = createCluster(machines, { seed: opts.seed, startTime });
  objects.forEach((obj, i) => {
    try {
      cluster.api.create((scenario.apply ? applied(obj as KubeObject) : obj) as KubeObject, 'scenario');
    } catch (e) {
      throw new ContentError(file, `${file}: objects[${i}]: ${(e as Error).message}`);
    }
  });
  cluster.drain();
  if (settleMs) cluster.advance(settleMs);
  return new Session({ cluster, files: scenario.files ?? {} });
}

/** applied is the object `kubectl apply -f` creates from a manifest: in the context's namespace (default) when it names none, with the last-applied annotation. */
function applied(obj: KubeObject): KubeObject {
  const namespaced = resourceForKind(obj.kind)?.namespaced ?? true;
  const manifest = namespaced && !obj.metadata?.namespace ? { ...obj, metadata: { ...obj.metadata, namespace: 'default' } } : obj;
  return withApplyAnnotation(manifest as unknown as Record<string, unknown>) as unknown as KubeObject;
}

function nodeInput(n: Partial<ScenarioNode> & Pick<ScenarioNode, 'name'>, i: number): NodeSpecInput {
  return {
    name: n.name,
    role: n.role ?? 'worker',
    internalIP: n.internalIP ?? `172.18.0.${i + 2}`,
    podCIDR: n.podCIDR ?? `10.244.${i}.0/24`,
    ...(n.cpu ? { cpu: n.cpu } : {}),
    ...(n.memory ? { memory: n.memory } : {}),
    ...(n.labels ? { labels: n.labels } : {}),
    ...(n.taints ? { taints: n.taints } : {}),
  };
}
