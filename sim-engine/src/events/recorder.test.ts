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
    // Fillers about other objects, so neither the spam filter nor the aggregator steps in.
    for (let i = 0; i < MAX_LRU_ENTRIES; i++) {
      const other = { ...pod, metadata: { ...pod.metadata, name: `filler-${i}`, uid: `uid-${i}` } };
      cluster.recorder.record(other, 'Normal', 'Filler', 'f', src);
    }
    // Another component's events do not push it out: each component has its own caches.
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
    expect(Object.keys(state.correlators ?? {})).toContain('\u0000kubelet\u0000node-1');
    cluster.recorder.state = state;
    expect(cluster.recorder.state).toEqual(state);
    cluster.recorder.record(pod, 'Warning', 'BackOff', 'Back-off', src, 'spec.containers{web}');
    expect(cluster.api.list<Event>('Event', 'default').filter((e) => e.reason === 'BackOff').map((e) => e.count)).toEqual([2]);
  });

  it('reads a snapshot from before the correlator: the names it kept go on counting', () => {
    const { cluster, pod } = setup();
    const src = { component: 'kubelet', host: 'node-1' };
    cluster.recorder.record(pod, 'Warning', 'BackOff', 'Back-off', src, 'spec.containers{web}');
    const [event] = cluster.api.list<Event>('Event', 'default').filter((e) => e.reason === 'BackOff');
    const key = `${pod.metadata.uid}\u0000spec.containers{web}\u0000BackOff\u0000Back-off\u0000Warning\u0000kubelet\u0000node-1`;
    cluster.recorder.state = { seq: 99, names: { [key]: event!.metadata.name! } };
    cluster.recorder.record(pod, 'Warning', 'BackOff', 'Back-off', src, 'spec.containers{web}');
    expect(cluster.api.list<Event>('Event', 'default').filter((e) => e.reason === 'BackOff').map((e) => [e.metadata.name, e.count])).toEqual([[event!.metadata.name, 2]]);
  });
});

describe('EventRecorder correlator', () => {
  it('combines the 10th and later different messages of one reason about one object, as client-go does', () => {
    const { cluster, pod } = setup();
    const src = { component: 'replicaset-controller' };
    for (let i = 1; i <= 12; i++) cluster.recorder.record(pod, 'Normal', 'SuccessfulCreate', `Created pod: web-${i}`, src);
    const created = cluster.api.list<Event>('Event', 'default').filter((e) => e.reason === 'SuccessfulCreate');
    expect(created.map((e) => [e.message, e.count])).toEqual([
      ...Array.from({ length: 9 }, (_, i) => [`Created pod: web-${i + 1}`, 1]),
      ['(combined from similar events): Created pod: web-12', 3],
    ]);
  });

  it('starts afresh once 10 minutes pass without a similar event', () => {
    const { cluster, pod } = setup();
    const src = { component: 'test' };
    for (let i = 1; i <= 9; i++) cluster.recorder.record(pod, 'Normal', 'Scaled', `step ${i}`, src);
    cluster.advance(601_000);
    cluster.recorder.record(pod, 'Normal', 'Scaled', 'step 10', src);
    const messages = cluster.api.list<Event>('Event', 'default').filter((e) => e.reason === 'Scaled').map((e) => e.message);
    expect(messages).toContain('step 10');
    expect(messages.some((m) => m.startsWith('(combined'))).toBe(false);
  });

  it('writes 25 events about one object at once, then one every 5 minutes, with the count kept meanwhile', () => {
    const { cluster, pod } = setup();
    const src = { component: 'kubelet', host: 'node-1' };
    let writes = 0;
    cluster.store.watch('Event', (e) => {
      if (e.type !== 'DELETED' && (e.object as Event).involvedObject.name === 'web') writes++;
    });
    for (let i = 0; i < 40; i++) {
      cluster.recorder.record(pod, 'Warning', 'BackOff', 'Back-off', src, 'spec.containers{web}');
      cluster.advance(10_000);
    }
    // 25 at once; in the 400 s that follow, one more token each 300 s.
    expect(writes).toBe(26);
    const backoff = () => cluster.api.list<Event>('Event', 'default').find((e) => e.reason === 'BackOff')!;
    const shown = backoff().count;
    expect(shown).toBeLessThan(40);
    cluster.advance(300_000);
    cluster.recorder.record(pod, 'Warning', 'BackOff', 'Back-off', src, 'spec.containers{web}');
    // The next write carries every occurrence counted while writes were held back.
    expect(backoff().count).toBe(41);
    // Other components' events about the pod have buckets of their own.
    cluster.recorder.record(pod, 'Normal', 'Scheduled', 'assigned', { component: 'default-scheduler' });
    expect(cluster.api.list<Event>('Event', 'default').some((e) => e.reason === 'Scheduled')).toBe(true);
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
