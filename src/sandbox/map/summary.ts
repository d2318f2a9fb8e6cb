/**
 * describeChanges turns two successive models into the sentences a screen reader announces:
 * "pod web-abc12 is Running on node-2", "node node-2 is NotReady".
 */
import type { ClusterModel } from './model.ts';

/** describeChanges lists, in plain words, what changed between two models (nothing for the first one). */
export function describeChanges(prev: ClusterModel | undefined, next: ClusterModel, showSystem = false): string[] {
  if (!prev) return [];
  const out: string[] = [];
  const before = new Map(prev.pods.map((p) => [p.uid, p]));
  const after = new Set<string>();
  for (const pod of next.pods) {
    after.add(pod.uid);
    if (pod.system && !showSystem) continue;
    const old = before.get(pod.uid);
    const where = pod.node ? ` on ${pod.node}` : '';
    if (!old) out.push(`pod ${pod.name} is ${pod.status}${where}`);
    else if (old.status !== pod.status || old.node !== pod.node || old.ready !== pod.ready) {
      out.push(`pod ${pod.name} is ${pod.status}${where}${old.ready !== pod.ready && old.status === pod.status ? `, ${pod.ready} ready` : ''}`);
    }
  }
  for (const pod of prev.pods) if (!after.has(pod.uid) && (showSystem || !pod.system)) out.push(`pod ${pod.name} is gone`);
  const nodes = new Map(prev.nodes.map((n) => [n.name, n]));
  for (const node of next.nodes) {
    const old = nodes.get(node.name);
    if (!old) out.push(`node ${node.name} joined, ${node.status}`);
    else if (old.status !== node.status) out.push(`node ${node.name} is ${node.status}`);
  }
  const services = new Map(prev.services.map((s) => [s.uid, s]));
  for (const svc of next.services) {
    const old = services.get(svc.uid);
    if (!old) out.push(`service ${svc.name} created, sending traffic to ${count(svc.pods.length)}`);
    else if (old.pods.length !== svc.pods.length) out.push(`service ${svc.name} sends traffic to ${count(svc.pods.length)}`);
  }
  return out;
}

function count(n: number): string {
  return n === 1 ? '1 pod' : `${n} pods`;
}
