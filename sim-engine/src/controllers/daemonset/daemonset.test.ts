import { describe, expect, it } from 'vitest';
import type { DaemonSet } from '../../api/apps.ts';
import type { Node } from '../../api/node.ts';
import type { Pod } from '../../api/pod.ts';
import type { Cluster } from '../../cluster.ts';
import { registerNode } from '../../scenario/bootstrap.ts';
import { defaultCluster } from '../../scenario/default-cluster.ts';
import { clone } from '../../util/clone.ts';
import { eventMessages, settle } from '../testing.ts';

function agent(o: { nodeSelector?: Record<string, string>; onDelete?: boolean; tolerations?: DaemonSet['spec']['template']['spec']['tolerations'] } = {}): DaemonSet {
  const labels = { app: 'agent' };
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: 'default' },
    spec: {
      selector: { matchLabels: labels },
      ...(o.onDelete ? { updateStrategy: { type: 'OnDelete' } } : {}),
      template: {
        metadata: { labels },
        spec: {
          containers: [{ name: 'agent', image: 'busybox:1.36', command: ['sleep', '3600'] }],
          ...(o.nodeSelector ? { nodeSelector: o.nodeSelector } : {}),
          ...(o.tolerations ? { tolerations: o.tolerations } : {}),
        },
      },
    },
  };
}

function ds(c: Cluster): DaemonSet {
  return c.api.get<DaemonSet>('DaemonSet', 'default', 'agent');
}

/** podsByNode maps each node to the names of the agent pods meant for it that are not terminating. */
function podsByNode(c: Cluster): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const p of c.api.list<Pod>('Pod', 'default')) {
    if (p.metadata.deletionTimestamp || p.metadata.labels?.app !== 'agent') continue;
    (out[p.spec.nodeName ?? '?'] ??= []).push(p.metadata.name!);
  }
  return out;
}

function change(c: Cluster, fn: (d: DaemonSet) => void): void {
  const d = clone(ds(c));
  fn(d);
  c.api.update(d, 'kubectl');
}

function changeNode(c: Cluster, name: string, fn: (n: Node) => void): void {
  const n = clone(c.api.get<Node>('Node', '', name));
  fn(n);
  c.api.update(n, 'kubectl');
}

describe('DaemonSet controller', () => {
  it('runs one pod per schedulable node, bound by the scheduler through a metadata.name affinity, and reports status and events', () => {
    const c = defaultCluster({ seed: 3 });
    c.api.create(agent(), 'kubectl');
    settle(c, 30_000);
    const byNode = podsByNode(c);
    // The control plane's NoSchedule taint keeps it off without a toleration.
    expect(Object.keys(byNode).sort()).toEqual(['node-1', 'node-2', 'node-3']);
    expect(Object.values(byNode).every((names) => names.length === 1)).toBe(true);
    const pod = c.api.get<Pod>('Pod', 'default', byNode['node-1']![0]!);
    expect(pod.spec.affinity).toEqual({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-1'] }] }] } } });
    expect(pod.metadata.labels).toMatchObject({ app: 'agent', 'pod-template-generation': '1' });
    expect(pod.metadata.labels?.['controller-revision-hash']).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{8,10}$/);
    expect(pod.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent', uid: ds(c).metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(pod.spec.tolerations?.map((t) => `${t.key}:${t.effect}`)).toEqual([
      'node.kubernetes.io/not-ready:NoExecute',
      'node.kubernetes.io/unreachable:NoExecute',
      'node.kubernetes.io/disk-pressure:NoSchedule',
      'node.kubernetes.io/memory-pressure:NoSchedule',
      'node.kubernetes.io/pid-pressure:NoSchedule',
      'node.kubernetes.io/unschedulable:NoSchedule',
    ]);
    expect(ds(c).status).toEqual({
      currentNumberScheduled: 3,
      numberMisscheduled: 0,
      desiredNumberScheduled: 3,
      numberReady: 3,
      observedGeneration: 1,
      updatedNumberScheduled: 3,
      numberAvailable: 3,
    });
    expect(eventMessages(c, 'DaemonSet', 'agent', 'SuccessfulCreate')).toHaveLength(3);
  });

  it('gives a node that joins its pod, and keeps pods on cordoned nodes', () => {
    const c = defaultCluster({ seed: 4 });
    c.api.create(agent(), 'kubectl');
    settle(c, 30_000);
    changeNode(c, 'node-2', (n) => {
      n.spec.unschedulable = true;
    });
    registerNode(c, { name: 'node-4', role: 'worker', internalIP: '172.18.0.6', podCIDR: '10.244.4.0/24' }, c.now());
    settle(c, 30_000);
    expect(Object.keys(podsByNode(c)).sort()).toEqual(['node-1', 'node-2', 'node-3', 'node-4']);
    expect(ds(c).status?.desiredNumberScheduled).toBe(4);
  });

  it('follows taints: NoSchedule keeps new pods off but lets a running one stay, NoExecute evicts it', () => {
    const c = defaultCluster({ seed: 5 });
    c.api.create(agent(), 'kubectl');
    settle(c, 30_000);
    changeNode(c, 'node-1', (n) => {
      n.spec.taints = [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }];
    });
    settle(c, 30_000);
    expect(podsByNode(c)['node-1']).toHaveLength(1);
    expect(ds(c).status).toMatchObject({ desiredNumberScheduled: 2, numberMisscheduled: 1 });
    changeNode(c, 'node-1', (n) => {
      n.spec.taints = [{ key: 'dedicated', value: 'db', effect: 'NoExecute' }];
    });
    settle(c, 60_000);
    expect(podsByNode(c)['node-1']).toBeUndefined();
    expect(eventMessages(c, 'DaemonSet', 'agent', 'SuccessfulDelete')).toHaveLength(1);
    // A toleration brings it back.
    change(c, (d) => {
      d.spec.template.spec.tolerations = [{ key: 'dedicated', operator: 'Exists' }];
    });
    settle(c, 60_000);
    expect(podsByNode(c)['node-1']).toHaveLength(1);
  });

  it('runs only on nodes matching the nodeSelector, and moves when labels change', () => {
    const c = defaultCluster({ seed: 6 });
    changeNode(c, 'node-2', (n) => {
      n.metadata.labels = { ...n.metadata.labels, logging: 'on' };
    });
    c.api.create(agent({ nodeSelector: { logging: 'on' } }), 'kubectl');
    settle(c, 30_000);
    expect(Object.keys(podsByNode(c))).toEqual(['node-2']);
    changeNode(c, 'node-3', (n) => {
      n.metadata.labels = { ...n.metadata.labels, logging: 'on' };
    });
    changeNode(c, 'node-2', (n) => {
      const { logging: _, ...rest } = n.metadata.labels!;
      n.metadata.labels = rest;
    });
    settle(c, 60_000);
    expect(Object.keys(podsByNode(c))).toEqual(['node-3']);
    expect(ds(c).status).toMatchObject({ desiredNumberScheduled: 1, currentNumberScheduled: 1, numberMisscheduled: 0 });
  });

  it('rolls a template change one node at a time: the old pod goes, the new one starts when it is gone, the next waits for it to be available', () => {
    const c = defaultCluster({ seed: 7 });
    c.api.create(agent(), 'kubectl');
    settle(c, 30_000);
    const before = new Set(Object.values(podsByNode(c)).flat());
    change(c, (d) => {
      d.spec.template.spec.containers[0]!.image = 'busybox:1.37';
    });
    c.drain();
    expect(ds(c).metadata.annotations?.['deprecated.daemonset.template.generation']).toBe('2');
    const terminating = () => c.api.list<Pod>('Pod', 'default').filter((p) => p.metadata.deletionTimestamp).length;
    let maxTerminating = 0;
    let maxUnavailable = 0;
    for (let t = 0; t < 300; t++) {
      c.advance(1000);
      maxTerminating = Math.max(maxTerminating, terminating());
      maxUnavailable = Math.max(maxUnavailable, ds(c).status?.numberUnavailable ?? 0);
    }
    expect(maxTerminating).toBe(1);
    expect(maxUnavailable).toBe(1);
    const after = c.api.list<Pod>('Pod', 'default');
    expect(after).toHaveLength(3);
    expect(after.every((p) => !before.has(p.metadata.name!) && p.spec.containers[0]!.image === 'busybox:1.37' && p.metadata.labels?.['pod-template-generation'] === '2')).toBe(true);
    expect(ds(c).status).toMatchObject({ updatedNumberScheduled: 3, numberAvailable: 3 });
  });

  it('with maxSurge starts the new pod beside the old one and deletes the old one once the new one is available', () => {
    const c = defaultCluster({ seed: 12 });
    const surging = agent();
    surging.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } };
    c.api.create(surging, 'kubectl');
    settle(c, 30_000);
    change(c, (d) => {
      d.spec.template.spec.containers[0]!.image = 'busybox:1.37';
    });
    let maxOnOneNode = 0;
    let minAvailable = 3;
    for (let t = 0; t < 120; t++) {
      c.advance(500);
      for (const names of Object.values(podsByNode(c))) maxOnOneNode = Math.max(maxOnOneNode, names.length);
      minAvailable = Math.min(minAvailable, ds(c).status?.numberAvailable ?? 0);
    }
    expect(maxOnOneNode).toBe(2);
    // Only the node being switched over can dip, when its old pod stops being ready as it terminates.
    expect(minAvailable).toBeGreaterThanOrEqual(2);
    expect(c.api.list<Pod>('Pod', 'default').map((p) => p.spec.containers[0]!.image)).toEqual(['busybox:1.37', 'busybox:1.37', 'busybox:1.37']);
  });

  it('OnDelete replaces a pod only when it is deleted', () => {
    const c = defaultCluster({ seed: 8 });
    c.api.create(agent({ onDelete: true }), 'kubectl');
    settle(c, 30_000);
    change(c, (d) => {
      d.spec.template.spec.containers[0]!.image = 'busybox:1.37';
    });
    settle(c, 120_000);
    expect(c.api.list<Pod>('Pod', 'default').map((p) => p.spec.containers[0]!.image)).toEqual(['busybox:1.36', 'busybox:1.36', 'busybox:1.36']);
    expect(ds(c).status).toMatchObject({ desiredNumberScheduled: 3 });
    expect(ds(c).status?.updatedNumberScheduled).toBeUndefined();
    const victim = podsByNode(c)['node-2']![0]!;
    c.api.delete('Pod', 'default', victim, 'kubectl');
    settle(c, 120_000);
    const images = Object.fromEntries(c.api.list<Pod>('Pod', 'default').map((p) => [p.spec.nodeName, p.spec.containers[0]!.image]));
    expect(images).toEqual({ 'node-1': 'busybox:1.36', 'node-2': 'busybox:1.37', 'node-3': 'busybox:1.36' });
    expect(ds(c).status?.updatedNumberScheduled).toBe(1);
  });

  it('replaces a pod deleted by hand, deletes an extra one, and its pods go with it (garbage collection)', () => {
    const c = defaultCluster({ seed: 9 });
    c.api.create(agent(), 'kubectl');
    settle(c, 30_000);
    const victim = podsByNode(c)['node-3']![0]!;
    c.api.delete('Pod', 'default', victim, 'kubectl');
    settle(c, 60_000);
    expect(podsByNode(c)['node-3']).toHaveLength(1);
    expect(podsByNode(c)['node-3']![0]).not.toBe(victim);
    c.api.delete('DaemonSet', 'default', 'agent', 'kubectl');
    settle(c, 60_000);
    expect(c.api.list<Pod>('Pod', 'default')).toEqual([]);
  });

  it('adopts a matching orphan instead of creating a second pod on its node (kept with OnDelete; RollingUpdate would replace it, as out of date)', () => {
    const c = defaultCluster({ seed: 10 });
    c.api.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'stray', labels: { app: 'agent' } }, spec: { nodeName: 'node-1', containers: [{ name: 'agent', image: 'busybox:1.36' }] } }, 'kubectl');
    c.api.create(agent({ onDelete: true }), 'kubectl');
    settle(c, 30_000);
    expect(podsByNode(c)['node-1']).toEqual(['stray']);
    expect(c.api.get<Pod>('Pod', 'default', 'stray').metadata.ownerReferences?.[0]?.kind).toBe('DaemonSet');
  });

  it('costs nothing for pods it does not own: a Deployment rolling does not queue it', () => {
    const c = defaultCluster({ seed: 11 });
    const controller = c.controllers.find((x) => x.name === 'daemonset-controller')!;
    c.drain();
    c.api.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } } } }, 'kubectl');
    let syncs = 0;
    const original = controller.processQueue.bind(controller);
    controller.processQueue = () => {
      const worked = original();
      if (worked) syncs++;
      return worked;
    };
    settle(c, 30_000);
    expect(syncs).toBe(0);
  });

  it('keeps the kube-proxy pods of the default cluster without touching them', () => {
    const c = defaultCluster({ seed: 1 });
    const before = c.api.list<Pod>('Pod', 'kube-system').filter((p) => p.metadata.labels?.['k8s-app'] === 'kube-proxy').map((p) => p.metadata.name);
    settle(c, 60_000);
    const kp = c.api.get<DaemonSet>('DaemonSet', 'kube-system', 'kube-proxy');
    expect(kp.status).toMatchObject({ desiredNumberScheduled: 4, currentNumberScheduled: 4, numberReady: 4, numberAvailable: 4, updatedNumberScheduled: 4 });
    const after = c.api.list<Pod>('Pod', 'kube-system').filter((p) => p.metadata.labels?.['k8s-app'] === 'kube-proxy');
    expect(after.map((p) => p.metadata.name)).toEqual(before);
    expect(after.every((p) => p.metadata.ownerReferences?.[0]?.uid === kp.metadata.uid)).toBe(true);
  });
});
