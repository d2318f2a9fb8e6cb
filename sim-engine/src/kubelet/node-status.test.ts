import { describe, expect, it } from 'vitest';
import type { Node } from '../api/node.ts';
import type { Pod } from '../api/pod.ts';
import { defaultCluster } from '../scenario/default-cluster.ts';
import { postedNodeStatus } from './node-status.ts';

describe('kubelet node status', () => {
  it('heartbeats every condition and keeps transition times while nothing changes', () => {
    const c = defaultCluster({ seed: 1 });
    const node = c.api.get<Node>('Node', '', 'node-1');
    const { status, events } = postedNodeStatus(node, c.now() + 1000);
    expect(events).toEqual([]);
    expect(status.conditions!.map((x) => x.lastHeartbeatTime)).toEqual(Array(4).fill('2026-01-12T09:00:01Z'));
    expect(status.conditions!.map((x) => x.lastTransitionTime)).toEqual(node.status!.conditions!.map((x) => x.lastTransitionTime));
  });

  it('reports the conditions it turns back to healthy, with an event each', () => {
    const c = defaultCluster({ seed: 2 });
    const node = c.api.get<Node>('Node', '', 'node-1');
    const unknown = { ...node, status: { ...node.status, conditions: node.status!.conditions!.map((x) => ({ ...x, status: 'Unknown' as const })) } };
    const { status, events } = postedNodeStatus(unknown, c.now());
    expect(events).toEqual(['NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID', 'NodeReady']);
    expect(status.conditions!.every((x) => x.lastTransitionTime === '2026-01-12T09:00:00Z')).toBe(true);
  });
});

describe('kubelet stop and start', () => {
  it('holds back what its containers did while stopped and reports it on start', () => {
    const c = defaultCluster({ seed: 3 });
    c.api.create<Pod>(
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'job' },
        spec: { containers: [{ name: 'app', image: 'busybox:1.36', command: ['sleep', '20'] }], restartPolicy: 'Never', nodeSelector: { 'kubernetes.io/hostname': 'node-2' } },
      },
      'test',
    );
    c.advance(5_000);
    expect(c.api.get<Pod>('Pod', 'default', 'job').status?.phase).toBe('Running');
    c.stopNode('node-2');
    c.advance(60_000);
    expect(c.api.get<Pod>('Pod', 'default', 'job').status?.phase).toBe('Running');
    c.startNode('node-2');
    c.advance(1);
    expect(c.api.get<Pod>('Pod', 'default', 'job').status?.phase).toBe('Succeeded');
  });

  it('keeps appending to a container log, for the network’s access-log lines', () => {
    const c = defaultCluster({ seed: 4 });
    const p = c.api.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } }, 'test');
    c.advance(10_000);
    const kubelet = c.kubeletFor(c.api.get<Pod>('Pod', 'default', 'web').spec.nodeName!)!;
    expect(kubelet.appendLog(p.metadata.uid!, 'web', 'hello')).toBe(true);
    expect(kubelet.logs(p.metadata.uid!, 'web')!.at(-1)).toBe('hello');
    expect(kubelet.appendLog(p.metadata.uid!, 'nope', 'x')).toBe(false);
    expect(() => c.stopNode('node-9')).toThrow('no kubelet runs on node "node-9"');
  });
});
