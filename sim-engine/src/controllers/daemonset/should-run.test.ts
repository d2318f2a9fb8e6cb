import { describe, expect, it } from 'vitest';
import type { Node } from '../../api/node.ts';
import type { PodSpec } from '../../api/pod.ts';
import { daemonPodTolerations, nodeShouldRunDaemonPod } from './should-run.ts';

const node = (o: { labels?: Record<string, string>; taints?: Node['spec']['taints']; unschedulable?: boolean } = {}): Node =>
  ({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1', labels: { 'kubernetes.io/os': 'linux', ...o.labels } }, spec: { taints: o.taints, unschedulable: o.unschedulable } }) as Node;
const spec = (o: Partial<PodSpec> = {}): PodSpec => ({ containers: [{ name: 'c', image: 'busybox' }], ...o });
const decide = (n: Node, s: PodSpec) => nodeShouldRunDaemonPod(n, s, daemonPodTolerations(s));

describe('daemonPodTolerations', () => {
  it('appends the daemon defaults after the template\'s own, network-unavailable only on the host network', () => {
    expect(daemonPodTolerations(spec({ tolerations: [{ operator: 'Exists' }] })).map((t) => t.key ?? '*')).toEqual([
      '*',
      'node.kubernetes.io/not-ready',
      'node.kubernetes.io/unreachable',
      'node.kubernetes.io/disk-pressure',
      'node.kubernetes.io/memory-pressure',
      'node.kubernetes.io/pid-pressure',
      'node.kubernetes.io/unschedulable',
    ]);
    expect(daemonPodTolerations(spec({ hostNetwork: true })).at(-1)).toEqual({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });
  });
  it('replaces a matching toleration in place (tolerationSeconds dropped) instead of adding a second', () => {
    const out = daemonPodTolerations(spec({ tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }] }));
    expect(out[0]).toEqual({ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' });
    expect(out.filter((t) => t.key === 'node.kubernetes.io/not-ready')).toHaveLength(1);
  });
});

describe('nodeShouldRunDaemonPod', () => {
  it('runs on a plain node and on a cordoned one', () => {
    expect(decide(node(), spec())).toEqual({ shouldRun: true, shouldContinueRunning: true });
    expect(decide(node({ unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] }), spec())).toEqual({ shouldRun: true, shouldContinueRunning: true });
  });
  it('keeps off nodes that miss the nodeSelector or the required affinity', () => {
    expect(decide(node(), spec({ nodeSelector: { disk: 'ssd' } }))).toEqual({ shouldRun: false, shouldContinueRunning: false });
    const affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }] } } };
    expect(decide(node({ labels: { zone: 'b' } }), spec({ affinity }))).toEqual({ shouldRun: false, shouldContinueRunning: false });
    expect(decide(node({ labels: { zone: 'a' } }), spec({ affinity }))).toEqual({ shouldRun: true, shouldContinueRunning: true });
  });
  it('does not start on an untolerated NoSchedule taint but lets a running pod stay; NoExecute removes it', () => {
    expect(decide(node({ taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] }), spec())).toEqual({ shouldRun: false, shouldContinueRunning: true });
    expect(decide(node({ taints: [{ key: 'dedicated', value: 'db', effect: 'NoExecute' }] }), spec())).toEqual({ shouldRun: false, shouldContinueRunning: false });
    expect(decide(node({ taints: [{ key: 'dedicated', value: 'db', effect: 'PreferNoSchedule' }] }), spec())).toEqual({ shouldRun: true, shouldContinueRunning: true });
    expect(decide(node({ taints: [{ key: 'dedicated', value: 'db', effect: 'NoExecute' }] }), spec({ tolerations: [{ operator: 'Exists' }] }))).toEqual({ shouldRun: true, shouldContinueRunning: true });
  });
  it('tolerates a NotReady node, as daemon pods must survive node problems', () => {
    expect(decide(node({ taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }, { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }] }), spec()).shouldContinueRunning).toBe(true);
  });
});
