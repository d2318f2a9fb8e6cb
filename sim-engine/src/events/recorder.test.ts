import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Event } from '../api/event.ts';
import type { Node } from '../api/node.ts';
import type { Pod } from '../api/pod.ts';
import { defaultCluster } from '../scenario/default-cluster.ts';
import { MAX_LRU_ENTRIES, nanosHex } from './recorder.ts';

function setup() {
  const cluster = defaultCluster({ seed: 1 });
  const pod = cluster.api.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'web', image: 'nginx' }], nodeName: 'node-1' } }, 'test');
  return { cluster, pod };
}

describe('EventRecorder', () => {
  it('writes a core/v1 Event shaped as the reference describes', () => {
    const { cluster, pod } = setup();
    cluster.recorder.record(pod, 'Normal', 'Pulling', 'Pulling image "nginx"', { component: 'kubelet', host: 'node-1' }, 'spec.containers{web}');
    const events = cluster.api.list<Event>('Event', 'default').filter((e) => e.involvedObject.name === 'web' && e.reason === 'Pulling');
    expect(events).toHaveLength(1);
    const e = events[0]!;
    expect(e.metadata.name).toMatch(/^web\.[0-9a-f]{16}$/);
    expect(e.metadata.namespace).toBe('default');
    expect(e.metadata.uid).toBeDefined();
    expect(e.involvedObject).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      name: 'web',
      namespace: 'default',
      uid: pod.metadata.uid,
      resourceVersion: pod.metadata.resourceVersion,
      fieldPath: 'spec.containers{web}',
    });
    expect(e).toMatchObject({
      reason: 'Pulling',
      message: 'Pulling image "nginx"',
      type: 'Normal',
      source: { component: 'kubelet', host: 'node-1' },
      firstTimestamp: '2026-01-12T09:00:00Z',
      lastTimestamp: '2026-01-12T09:00:00Z',
      count: 1,
      reportingComponent: 'kubelet',
      reportingInstance: 'node-1',
      eventTime: null,
    });
  });

  it('aggregates identical events into one with a growing count and a moving lastTimestamp', () => {
    const { cluster, pod } = setup();
    const src = { component: 'kubelet', host: 'node-1' };
    cluster.recorder.record(pod, 'Warning', 'BackOff', 'Back-off', src, 'spec.containers{web}');
    cluster.advance(65_000);
    cluster.recorder.record(pod, 'Warning', 'BackOff', 'Back-off', src, 'spec.containers{web}');
    cluster.recorder.record(pod, 'Warning', 'BackOff', 'Back-off', src, 'spec.containers{web}');
    // A different message, source or type is another event.
    cluster.recorder.record(pod, 'Warning', 'BackOff', 'Back-off 2', src, 'spec.containers{web}');
    cluster.recorder.record(pod, 'Normal', 'BackOff', 'Back-off', src, 'spec.containers{web}');
    const backoffs = cluster.api.list<Event>('Event', 'default').filter((e) => e.reason === 'BackOff');
    expect(backoffs).toHaveLength(3);
    const agg = backoffs.find((e) => e.message === 'Back-off' && e.type === 'Warning')!;
    expect(agg.count).toBe(3);
    expect(agg.firstTimestamp).toBe('2026-01-12T09:00:00Z');
    expect(agg.lastTimestamp).toBe('2026-01-12T09:01:05Z');
  });

  it('gives events at the same instant distinct, ordered names', () => {
    const { cluster, pod } = setup();
    for (const r of ['A', 'B', 'C']) cluster.recorder.record(pod, 'Normal', r, r, { component: 'test' });
    const names = cluster.api.list<Event>('Event', 'default').filter((e) => e.source.component === 'test').map((e) => e.metadata.name!);
    expect(new Set(names).size).toBe(3);
    const byReason = Object.fromEntries(cluster.api.list<Event>('Event', 'default').filter((e) => e.source.component === 'test').map((e) => [e.reason, e.metadata.name!]));
    expect(byReason.A! < byReason.B! && byReason.B! < byReason.C!).toBe(true);
  });

  it('does not aggregate across pods that reuse a name', () => {
    const { cluster, pod } = setup();
    cluster.recorder.record(pod, 'Normal', 'Scheduled', 'same', { component: 'test' });
    cluster.api.delete('Pod', 'default', 'web', 'test', { gracePeriodSeconds: 0 });
    const again = cluster.api.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'web', image: 'nginx' }] } }, 'test');
    cluster.recorder.record(again, 'Normal', 'Scheduled', 'same', { component: 'test' });
    const events = cluster.api.list<Event>('Event', 'default').filter((e) => e.source.component === 'test');
    expect(events).toHaveLength(2);
    expect(cluster.recorder.eventsFor(again).filter((e) => e.source.component === 'test')).toHaveLength(1);
  });

  it('puts events about cluster-scoped objects in default and finds them by node name', () => {
    const { cluster } = setup();
    const node = cluster.api.get<Node>('Node', '', 'node-2');
    cluster.recorder.record(node, 'Normal', 'NodeNotSchedulable', 'Node node-2 status is now: NodeNotSchedulable', { component: 'kubelet', host: 'node-2' });
    const e = cluster.recorder.eventsFor(node);
    expect(e).toHaveLength(1);
    expect(e[0]!.metadata.namespace).toBe('default');
    expect(e[0]!.metadata.name).toMatch(/^node-2\.[0-9a-f]{16}$/);
  });

  it('lists an object’s events oldest first', () => {
    const { cluster, pod } = setup();
    cluster.recorder.record(pod, 'Normal', 'Late', 'x', { component: 'test' });
    cluster.advance(5000);
    cluster.recorder.record(pod, 'Normal', 'Later', 'y', { component: 'test' });
    cluster.advance(5000);
    cluster.recorder.record(pod, 'Normal', 'Late', 'x', { component: 'test' });
    // The repeated event moves to the end: describe sorts by last occurrence.
    expect(cluster.recorder.eventsFor(pod).filter((e) => e.source.component === 'test').map((e) => e.reason)).toEqual(['Later', 'Late']);
  });
});

describe('EventRecorder aggregation cache', () => {
  it('forgets an event after MAX_LRU_ENTRIES others from the same component, as client-go does', () => {
    const { cluster, pod } = setup();
    const src = { component: 'test' };
    cluster.recorder.record(pod, 'Normal', 'First', 'x', src);
    for (let i = 0; i < MAX_LRU_ENTRIES; i++) cluster.recorder.record(pod, 'Normal', 'Filler', `m${i}`, src);
    // Another component's events do not push it out: each component has its own cache.
    cluster.recorder.record(pod, 'Normal', 'Other', 'y', { component: 'other' });
    cluster.recorder.record(pod, 'Normal', 'First', 'x', src);
    const firsts = cluster.api.list<Event>('Event', 'default').filter((e) => e.reason === 'First');
    expect(firsts.map((e) => e.count)).toEqual([1, 1]);
  });

  it('keeps aggregating across a snapshot and restore', () => {
    const { cluster, pod } = setup();
    const src = { component: 'kubelet', host: 'node-1' };
    cluster.recorder.record(pod, 'Warning', 'BackOff', 'Back-off', src, 'spec.containers{web}');
    const state = structuredClone(cluster.recorder.state);
    expect(Object.keys(state.names).some((k) => k.endsWith('\u0000kubelet\u0000node-1'))).toBe(true);
    cluster.recorder.state = state;
    expect(cluster.recorder.state).toEqual(state);
    cluster.recorder.record(pod, 'Warning', 'BackOff', 'Back-off', src, 'spec.containers{web}');
    expect(cluster.api.list<Event>('Event', 'default').filter((e) => e.reason === 'BackOff').map((e) => e.count)).toEqual([2]);
  });
});

describe('nanosHex', () => {
  it('matches BigInt arithmetic', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 42 }), fc.integer({ min: 0, max: 2 ** 30 }), (ms, seq) => {
        expect(nanosHex(ms, seq)).toBe((BigInt(ms) * 1000000n + BigInt(seq)).toString(16).padStart(16, '0'));
      }),
    );
    expect(nanosHex(0, 1)).toBe('0000000000000001');
  });
});
