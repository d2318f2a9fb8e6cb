/** Test helpers for the workload controllers: building Deployments, reading their pods and events. */
import type { Deployment, ReplicaSet } from '../api/apps.ts';
import type { Event } from '../api/event.ts';
import type { Pod } from '../api/pod.ts';
import type { Cluster } from '../cluster.ts';
import { clone } from '../util/clone.ts';
import { isPodActive, isPodReady } from './controller-utils.ts';

/** DeploymentOptions tweak the Deployment that makeDeployment builds. */
export interface DeploymentOptions {
  replicas?: number;
  image?: string;
  strategy?: Deployment['spec']['strategy'];
  minReadySeconds?: number;
  revisionHistoryLimit?: number;
  progressDeadlineSeconds?: number;
  annotations?: Record<string, string>;
  namespace?: string;
}

/** makeDeployment is what `kubectl create deployment <name> --image=<image> --replicas=<n>` sends. */
export function makeDeployment(name: string, o: DeploymentOptions = {}): Deployment {
  const labels = { app: name };
  const image = o.image ?? 'nginx:1.25';
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: o.namespace ?? 'default', labels, ...(o.annotations ? { annotations: o.annotations } : {}) },
    spec: {
      replicas: o.replicas ?? 1,
      selector: { matchLabels: labels },
      ...(o.strategy ? { strategy: o.strategy } : {}),
      ...(o.minReadySeconds !== undefined ? { minReadySeconds: o.minReadySeconds } : {}),
      ...(o.revisionHistoryLimit !== undefined ? { revisionHistoryLimit: o.revisionHistoryLimit } : {}),
      ...(o.progressDeadlineSeconds !== undefined ? { progressDeadlineSeconds: o.progressDeadlineSeconds } : {}),
      template: { metadata: { labels }, spec: { containers: [{ name: image.split(':')[0]!.split('/').pop()!, image }] } },
    },
  };
}

/** deployment reads a Deployment. */
export function deployment(c: Cluster, name: string, ns = 'default'): Deployment {
  return c.api.get<Deployment>('Deployment', ns, name);
}

/** changeDeployment applies `fn` to a copy of the stored Deployment and updates it, as kubectl edit would. */
export function changeDeployment(c: Cluster, name: string, fn: (d: Deployment) => void, ns = 'default'): Deployment {
  const d = clone(deployment(c, name, ns));
  fn(d);
  return c.api.update(d, 'kubectl');
}

/** setImage is `kubectl set image deployment/<name> <container>=<image>` for the first container. */
export function setImage(c: Cluster, name: string, image: string): Deployment {
  return changeDeployment(c, name, (d) => {
    d.spec.template.spec.containers[0]!.image = image;
  });
}

/** scale is `kubectl scale deployment/<name> --replicas=<n>`. */
export function scale(c: Cluster, name: string, replicas: number): Deployment {
  return changeDeployment(c, name, (d) => {
    d.spec.replicas = replicas;
  });
}

/** replicaSets lists the ReplicaSets in a namespace, oldest first. */
export function replicaSets(c: Cluster, ns = 'default'): ReplicaSet[] {
  return c.api.list<ReplicaSet>('ReplicaSet', ns).sort((a, b) => (a.metadata.creationTimestamp! < b.metadata.creationTimestamp! ? -1 : a.metadata.creationTimestamp! > b.metadata.creationTimestamp! ? 1 : 0));
}

/** podsOf lists the pods a ReplicaSet controls. */
export function podsOf(c: Cluster, rs: ReplicaSet): Pod[] {
  return c.api.list<Pod>('Pod', rs.metadata.namespace).filter((p) => p.metadata.ownerReferences?.some((r) => r.controller && r.uid === rs.metadata.uid));
}

/** activePods lists the pods of a namespace that are neither finished nor terminating. */
export function activePods(c: Cluster, ns = 'default', app?: string): Pod[] {
  return c.api.list<Pod>('Pod', ns).filter((p) => isPodActive(p) && (!app || p.metadata.labels?.app === app));
}

/** readyPods counts active pods whose Ready condition is True. */
export function readyPods(c: Cluster, ns = 'default', app?: string): number {
  return activePods(c, ns, app).filter(isPodReady).length;
}

/** eventMessages lists the messages of the events about one object, oldest first, with a reason filter. */
export function eventMessages(c: Cluster, kind: string, name: string, reason?: string, ns = 'default'): string[] {
  return c.api
    .list<Event>('Event', ns)
    .filter((e) => e.involvedObject.kind === kind && e.involvedObject.name === name && (!reason || e.reason === reason))
    .sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1))
    .map((e) => e.message);
}

/** settle runs the cluster until nothing is due within `ms` (default: a minute). */
export function settle(c: Cluster, ms = 60_000): void {
  c.drain();
  c.runUntilIdle(ms);
}
