import { describe, expect, it } from 'vitest';
import type { Deployment } from '../../api/apps.ts';
import type { Event } from '../../api/event.ts';
import type { Node } from '../../api/node.ts';
import type { Pod } from '../../api/pod.ts';
import { Cluster } from '../../cluster.ts';
import { defaultCluster } from '../../scenario/default-cluster.ts';
import { isReady, makePod, pod } from '../endpoints/testing.ts';

function node(c: Cluster, name: string): Node {
  return c.api.get<Node>('Node', '', name);
}

function ready(c: Cluster, name: string): string | undefined {
  return node(c, name).status?.conditions?.find((x) => x.type === 'Ready')?.status;
}

function events(c: Cluster, reason: string): Event[] {
  return c.api.list<Event>('Event').filter((e) => e.reason === reason);
}

/** onNode1 starts two nginx pods pinned to node-1 and lets them run. */
function withPods(seed: number): Cluster {
  const c = defaultCluster({ seed });
  for (const name of ['a', 'b']) makePod(c, name, { app: 'web' }, {}, { nodeSelector: { 'kubernetes.io/hostname': 'node-1' } });
  c.advance(20_000);
  return c;
}

const hasRSController = (c: Cluster) => c.controllers.some((x) => x.name === 'replicaset-controller') && c.controllers.some((x) => x.name === 'deployment-controller');

describe('node lifecycle: a node that stops posting', () => {
  it('goes NotReady once its lease is over 40 s old, with Unknown conditions and unreachable taints', () => {
    const c = withPods(1);
    const before = node(c, 'node-1').status!.conditions!.find((x) => x.type === 'Ready')!.lastHeartbeatTime;
    const stoppedAt = c.now();
    c.stopNode('node-1');
    expect(c.isNodeStopped('node-1')).toBe(true);
    const renewed = c.leases.lease('node-1', c.now())!;
    expect(renewed.renewing).toBe(false);
    expect(stoppedAt - renewed.renewTime).toBeLessThan(10_000);
    c.advance(renewed.renewTime + 40_000 - c.now());
    expect(ready(c, 'node-1')).toBe('True');
    let at = c.now();
    while (ready(c, 'node-1') === 'True' && at < stoppedAt + 60_000) {
      c.advance(500);
      at = c.now();
    }
    // The 40 s grace period, seen through the controller's 5 s monitor passes.
    expect(at - renewed.renewTime).toBeGreaterThan(40_000);
    expect(at - renewed.renewTime).toBeLessThanOrEqual(50_000);
    expect(at - stoppedAt).toBeGreaterThanOrEqual(35_000);
    const n = node(c, 'node-1');
    for (const cond of n.status!.conditions!) {
      expect(cond).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
    }
    expect(n.status!.conditions!.find((x) => x.type === 'Ready')!.lastHeartbeatTime).toBe(before);
    expect(n.spec.taints?.map((t) => `${t.key}:${t.effect}`)).toEqual(['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']);
    expect(n.spec.taints!.every((t) => t.timeAdded)).toBe(true);
    expect(events(c, 'NodeNotReady').find((e) => e.involvedObject.kind === 'Node')?.message).toBe('Node node-1 status is now: NodeNotReady');
    // Its pods are marked not Ready, and told why.
    for (const name of ['a', 'b']) {
      expect(isReady(pod(c, name))).toBe(false);
      expect(pod(c, name)!.status!.phase).toBe('Running');
    }
    expect(events(c, 'NodeNotReady').filter((e) => e.involvedObject.kind === 'Pod' && e.involvedObject.namespace === 'default').map((e) => [e.type, e.message, e.source.component])).toEqual([
      ['Warning', 'Node is not ready', 'node-controller'],
      ['Warning', 'Node is not ready', 'node-controller'],
    ]);
    // New pods can't go there.
    makePod(c, 'late', {}, {}, { nodeSelector: { 'kubernetes.io/hostname': 'node-1' } });
    c.advance(2_000);
    expect(pod(c, 'late')!.status?.conditions?.[0]?.message).toContain('1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }');
  });

  it('evicts its pods 300 s after the taint; they stay Terminating while the node is down', () => {
    const c = withPods(2);
    c.stopNode('node-1');
    c.advance(50_000);
    const tainted = Date.parse(node(c, 'node-1').spec.taints!.find((t) => t.effect === 'NoExecute')!.timeAdded!);
    c.advance(tainted + 299_000 - c.now());
    expect(pod(c, 'a')!.metadata.deletionTimestamp).toBeUndefined();
    c.advance(1_000);
    const a = pod(c, 'a')!;
    expect(a.metadata.deletionTimestamp).toBeDefined();
    expect(a.status!.conditions!.find((x) => (x.type as string) === 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' });
    expect(events(c, 'TaintManagerEviction').map((e) => e.message).sort()).toEqual(['Marking for deletion Pod default/a', 'Marking for deletion Pod default/b']);
    expect(events(c, 'TaintManagerEviction')[0]!.source.component).toBe('taint-eviction-controller');
    // The kube-proxy pod tolerates everything and stays.
    const proxy = c.api.list<Pod>('Pod', 'kube-system').find((p) => p.spec.nodeName === 'node-1' && p.metadata.name!.startsWith('kube-proxy-'))!;
    expect(proxy.metadata.deletionTimestamp).toBeUndefined();
    // Nobody confirms the kill while the kubelet is silent.
    c.advance(10 * 60_000);
    expect(pod(c, 'a')?.metadata.deletionTimestamp).toBeDefined();
    c.startNode('node-1');
    c.advance(5_000);
    expect(pod(c, 'a')).toBeUndefined();
    expect(pod(c, 'b')).toBeUndefined();
  });

  it.skipIf(!hasRSController(defaultCluster({ seed: 1 })))('has a ReplicaSet replace the evicted pods on other nodes', () => {
    const c = defaultCluster({ seed: 3 });
    const labels = { app: 'web' };
    c.api.create<Deployment>(
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 3, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } } } },
      'test',
    );
    c.advance(30_000);
    const victim = c.api.list<Pod>('Pod', 'default')[0]!.spec.nodeName!;
    c.stopNode(victim);
    c.advance(50_000 + 300_000 + 30_000);
    const live = c.api.list<Pod>('Pod', 'default').filter((p) => !p.metadata.deletionTimestamp);
    expect(live).toHaveLength(3);
    expect(live.every((p) => p.spec.nodeName !== victim && isReady(p))).toBe(true);
    expect(c.api.list<Pod>('Pod', 'default').filter((p) => p.metadata.deletionTimestamp).every((p) => p.spec.nodeName === victim)).toBe(true);
  });

  it('comes back Ready when started again: taints go, pods turn Ready, pending evictions are cancelled', () => {
    const c = withPods(4);
    c.stopNode('node-1');
    c.advance(120_000);
    expect(ready(c, 'node-1')).toBe('Unknown');
    c.startNode('node-1');
    c.drain();
    expect(c.isNodeStopped('node-1')).toBe(false);
    const n = node(c, 'node-1');
    expect(ready(c, 'node-1')).toBe('True');
    expect(n.spec.taints).toBeUndefined();
    expect(n.status!.conditions!.map((x) => `${x.type}=${x.status} ${x.reason}`)).toEqual([
      'MemoryPressure=False KubeletHasSufficientMemory',
      'DiskPressure=False KubeletHasNoDiskPressure',
      'PIDPressure=False KubeletHasSufficientPID',
      'Ready=True KubeletReady',
    ]);
    expect(events(c, 'NodeReady').map((e) => [e.message, e.source.component, e.involvedObject.uid])).toEqual([['Node node-1 status is now: NodeReady', 'kubelet', 'node-1']]);
    expect(isReady(pod(c, 'a'))).toBe(true);
    expect(events(c, 'TaintManagerEviction').map((e) => e.message).sort()).toEqual(['Cancelling deletion of Pod default/a', 'Cancelling deletion of Pod default/b']);
    c.advance(10 * 60_000);
    expect(pod(c, 'a')!.metadata.deletionTimestamp).toBeUndefined();
  });

  it('catches up on what happened to its pods while it was down', () => {
    const c = defaultCluster({ seed: 5 });
    makePod(c, 'job', {}, { image: 'busybox:1.36', command: ['sleep', '60'] }, { nodeSelector: { 'kubernetes.io/hostname': 'node-2' }, restartPolicy: 'Never' });
    c.advance(10_000);
    c.stopNode('node-2');
    c.api.delete('Pod', 'default', 'job', 'test', { gracePeriodSeconds: 0 });
    makePod(c, 'web', {}, {}, { nodeSelector: { 'kubernetes.io/hostname': 'node-2' } });
    c.advance(20_000);
    // Bound, but the silent kubelet never starts it.
    expect(pod(c, 'web')!.spec.nodeName).toBe('node-2');
    expect(pod(c, 'web')!.status?.phase).toBe('Pending');
    c.startNode('node-2');
    c.advance(10_000);
    expect(pod(c, 'web')!.status?.phase).toBe('Running');
    expect(c.kubeletFor('node-2')!.runtime(c.api.list<Pod>('Pod', 'default')[0]!.metadata.uid!)).toBeDefined();
  });
});

describe('node lifecycle: cordon', () => {
  it('adds the unschedulable taint on cordon and removes it on uncordon; the kubelet records both', () => {
    const c = defaultCluster({ seed: 6 });
    const set = (unschedulable: boolean) => {
      const n = node(c, 'node-2');
      c.api.update({ ...n, spec: { ...n.spec, unschedulable } }, 'kubectl');
      c.drain();
    };
    set(true);
    expect(node(c, 'node-2').spec.taints).toEqual([{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: expect.any(String) }]);
    set(false);
    expect(node(c, 'node-2').spec.taints).toBeUndefined();
    expect(events(c, 'NodeNotSchedulable').map((e) => e.message)).toEqual(['Node node-2 status is now: NodeNotSchedulable']);
    expect(events(c, 'NodeSchedulable').map((e) => e.message)).toEqual(['Node node-2 status is now: NodeSchedulable']);
    // The control plane's own taint is left alone.
    const cp = node(c, 'control-plane');
    c.api.update({ ...cp, spec: { ...cp.spec, unschedulable: true } }, 'kubectl');
    c.drain();
    expect(node(c, 'control-plane').spec.taints!.map((t) => t.key)).toEqual(['node-role.kubernetes.io/control-plane', 'node.kubernetes.io/unschedulable']);
  });
});

describe('node lifecycle: snapshots', () => {
  it('continues identically after snapshot/restore with a node down', () => {
    const run = (cut: number | undefined) => {
      let c = withPods(7);
      c.stopNode('node-1');
      const steps = [30_000, 20_000, 150_000, 200_000];
      steps.forEach((ms, i) => {
        if (i === cut) c = Cluster.restore(JSON.parse(JSON.stringify(c.snapshot())));
        c.advance(ms);
      });
      c.startNode('node-1');
      c.advance(60_000);
      return JSON.stringify(c.snapshot());
    };
    const straight = run(undefined);
    for (const cut of [0, 1, 2, 3]) expect(run(cut), `restored before step ${cut}`).toBe(straight);
  });
});
