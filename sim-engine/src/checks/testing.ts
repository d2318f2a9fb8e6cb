/**
 * Test fixtures for checks. A "bare" cluster has no nodes and is never drained, so no control
 * loop reacts: a test writes exactly the states (and actors) it wants through the API server
 * and moves the clock by hand, playing the controllers itself.
 */
import type { Deployment, ReplicaSet } from '../api/apps.ts';
import type { Pod } from '../api/pod.ts';
import type { Service } from '../api/service.ts';
import { Cluster } from '../cluster.ts';
import { checkSchema, type Check, type CheckInput } from './schema/check.ts';

/** bareCluster is a cluster with the default namespace and nothing running. */
export function bareCluster(): Cluster {
  const c = new Cluster({ seed: 7 });
  c.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } }, 'test');
  return c;
}

/** tick moves a bare cluster's clock without running any component. */
export function tick(c: Cluster, ms: number): void {
  c.clock.setNow(c.now() + ms);
}

/** checks parses check inputs as a task's `checks` list would. */
export function checks(...inputs: CheckInput[]): Check[] {
  return inputs.map((i) => checkSchema.parse(i));
}

/** check parses one check input. */
export function check(input: CheckInput): Check {
  return checkSchema.parse(input);
}

/** pod builds a pod manifest. */
export function pod(name: string, labels: Record<string, string> = { run: name }, image = 'nginx:1.25', owner?: { kind: string; name: string; uid: string }): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      labels,
      ...(owner ? { ownerReferences: [{ apiVersion: owner.kind === 'Pod' ? 'v1' : 'apps/v1', kind: owner.kind, name: owner.name, uid: owner.uid, controller: true }] } : {}),
    },
    spec: { containers: [{ name: 'app', image }] },
  };
}

/** makeReady writes a Running and Ready status onto a pod, as a kubelet would. */
export function makeReady(c: Cluster, name: string, ready = true): Pod {
  const p = c.api.get<Pod>('Pod', 'default', name);
  const t = '2026-01-12T09:00:00Z';
  return c.api.updateStatus<Pod>(
    {
      ...p,
      status: {
        phase: 'Running',
        conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastProbeTime: null, lastTransitionTime: t }],
        containerStatuses: [{ name: 'app', image: p.spec.containers[0]!.image!, imageID: '', ready, started: true, restartCount: 0, state: { running: { startedAt: t } }, lastState: {} }],
      },
    },
    'kubelet/node-1',
  );
}

/** deployment builds a Deployment manifest selecting app=<name>. */
export function deployment(name: string, image = 'nginx:1.25', replicas = 3): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image }] } },
    },
  };
}

/** replicaSet builds the ReplicaSet a Deployment controller would make for revision `revision`. */
export function replicaSet(d: Deployment, hash: string, revision: number, replicas = d.spec.replicas ?? 1): ReplicaSet {
  const labels = { ...d.spec.template.metadata?.labels, 'pod-template-hash': hash };
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${d.metadata.name}-${hash}`,
      namespace: 'default',
      labels,
      annotations: { 'deployment.kubernetes.io/revision': String(revision) },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: d.metadata.name!, uid: d.metadata.uid!, controller: true, blockOwnerDeletion: true }],
    },
    spec: {
      replicas,
      selector: { matchLabels: { ...d.spec.selector.matchLabels, 'pod-template-hash': hash } },
      template: { ...d.spec.template, metadata: { ...d.spec.template.metadata, labels } },
    },
  };
}

/** service builds a ClusterIP Service selecting `selector`. */
export function service(name: string, selector: Record<string, string>): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { selector, ports: [{ port: 80, protocol: 'TCP' }] } };
}
