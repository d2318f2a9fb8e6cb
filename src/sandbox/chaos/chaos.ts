/**
 * Chaos: the world acting on the cluster, not the learner. Each action goes straight to the
 * API server as the actor `chaos-monkey`, so it shows in the event panel and the audit log
 * like any other write, and the learner watches the control plane respond.
 */
import type { Cluster, Deployment, Pod } from '@wheelhouse/sim-engine';

/** CHAOS_ACTOR is who the audit log says did it. */
export const CHAOS_ACTOR = 'chaos-monkey';

/** Pick returns an index in [0, n). */
export type Pick = (n: number) => number;

/** ChaosResult says what happened, in a sentence for the learner. */
export interface ChaosResult {
  ok: boolean;
  message: string;
  /** The node stopped, for the event panel (node power is not an API write, so no audit entry tells it). */
  node?: string;
  /** The nodes started again. */
  nodes?: string[];
}

/** randomPick picks with Math.random: chaos is deliberately outside the seeded simulation. */
export const randomPick: Pick = (n) => Math.floor(Math.random() * n);

/** isSystemNamespace tells the namespaces chaos leaves alone. */
export function isSystemNamespace(ns: string | undefined): boolean {
  return ns === undefined || ns.startsWith('kube-');
}

/** deleteRandomPod deletes (gracefully) one running pod outside the kube-* namespaces. */
export function deleteRandomPod(cluster: Cluster, pick: Pick = randomPick): ChaosResult {
  const pods = cluster.api.list<Pod>('Pod').filter((p) => !isSystemNamespace(p.metadata.namespace) && !p.metadata.deletionTimestamp);
  if (pods.length === 0) return { ok: false, message: 'There is no pod to delete: create one first.' };
  const victim = pods[clampIndex(pick(pods.length), pods.length)]!;
  cluster.api.delete('Pod', victim.metadata.namespace!, victim.metadata.name!, CHAOS_ACTOR);
  cluster.drain();
  return { ok: true, message: `chaos-monkey deleted pod/${victim.metadata.name}.` };
}

/** MISSING_TAG is the tag chaos sets; no registry serves it. */
export const MISSING_TAG = 'does-not-exist';

/** withMissingTag replaces an image's tag (or digest) with one that does not exist: nginx:1.27 → nginx:does-not-exist. */
export function withMissingTag(image: string): string {
  const noDigest = image.split('@')[0]!;
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  const repo = colon > slash ? noDigest.slice(0, colon) : noDigest;
  return `${repo}:${MISSING_TAG}`;
}

/** breakImage sets the first container of one Deployment to an image tag that does not exist. */
export function breakImage(cluster: Cluster, pick: Pick = randomPick): ChaosResult {
  const deployments = cluster.api
    .list<Deployment>('Deployment')
    .filter((d) => !isSystemNamespace(d.metadata.namespace) && !d.metadata.deletionTimestamp)
    .filter((d) => d.spec.template.spec.containers.some((c) => !c.image?.endsWith(`:${MISSING_TAG}`)));
  if (deployments.length === 0) return { ok: false, message: 'There is no Deployment whose image could break: create one first.' };
  const target = deployments[clampIndex(pick(deployments.length), deployments.length)]!;
  const containers = target.spec.template.spec.containers;
  const index = containers.findIndex((c) => !c.image?.endsWith(`:${MISSING_TAG}`));
  const container = containers[index]!;
  const image = withMissingTag(container.image ?? '');
  const updated: Deployment = {
    ...target,
    spec: {
      ...target.spec,
      template: {
        ...target.spec.template,
        spec: { ...target.spec.template.spec, containers: containers.map((c, i) => (i === index ? { ...c, image } : c)) },
      },
    },
  };
  cluster.api.update(updated, CHAOS_ACTOR);
  cluster.drain();
  return { ok: true, message: `chaos-monkey set deployment/${target.metadata.name} container ${container.name} to image ${image}.` };
}

/** NodePower is the engine's node switch (Cluster.stopNode / startNode / isNodeStopped), when the engine has it. */
export interface NodePower {
  stopNode(name: string): void;
  startNode(name: string): void;
  isNodeStopped(name: string): boolean;
}

/** nodePower returns the cluster's node switch, or undefined when this engine cannot stop nodes. */
export function nodePower(cluster: Cluster): NodePower | undefined {
  const c = cluster as unknown as Partial<NodePower>;
  if (typeof c.stopNode !== 'function' || typeof c.startNode !== 'function') return undefined;
  const isStopped = c.isNodeStopped;
  return {
    stopNode: (n) => c.stopNode!.call(cluster, n),
    startNode: (n) => c.startNode!.call(cluster, n),
    isNodeStopped: (n) => (typeof isStopped === 'function' ? isStopped.call(cluster, n) : false),
  };
}

/** workerNodes lists the nodes chaos may stop: every node but the control plane. */
export function workerNodes(cluster: Cluster): string[] {
  return cluster
    .nodes()
    .filter((n) => !(n.metadata.labels && 'node-role.kubernetes.io/control-plane' in n.metadata.labels))
    .map((n) => n.metadata.name!);
}

/** stoppedNodes lists the worker nodes that are stopped, by the engine's account or by `known`. */
export function stoppedNodes(cluster: Cluster, power: NodePower, known: ReadonlySet<string> = new Set()): string[] {
  return workerNodes(cluster).filter((n) => power.isNodeStopped(n) || known.has(n));
}

/** stopRandomNode stops one running worker node; `stopped` records which chaos stopped. */
export function stopRandomNode(cluster: Cluster, power: NodePower, stopped: Set<string>, pick: Pick = randomPick): ChaosResult {
  const down = new Set(stoppedNodes(cluster, power, stopped));
  const running = workerNodes(cluster).filter((n) => !down.has(n));
  if (running.length === 0) return { ok: false, message: 'Every worker node is already stopped.' };
  const node = running[clampIndex(pick(running.length), running.length)]!;
  power.stopNode(node);
  stopped.add(node);
  cluster.drain();
  return { ok: true, message: `chaos-monkey stopped node ${node}: its kubelet no longer reports.`, node };
}

/** startStoppedNodes starts every stopped worker node again. */
export function startStoppedNodes(cluster: Cluster, power: NodePower, stopped: Set<string>): ChaosResult {
  const names = stoppedNodes(cluster, power, stopped).sort();
  if (names.length === 0) return { ok: false, message: 'No node is stopped.' };
  for (const n of names) power.startNode(n);
  stopped.clear();
  cluster.drain();
  return { ok: true, message: `chaos-monkey started node${names.length > 1 ? 's' : ''} ${names.join(', ')} again.`, nodes: names };
}

function clampIndex(i: number, n: number): number {
  return Math.min(n - 1, Math.max(0, Math.floor(i)));
}
