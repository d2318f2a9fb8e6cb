import { describe, expect, it } from 'vitest';
import type { Event } from '../api/event.ts';
import type { Pod } from '../api/pod.ts';
import { Cluster } from '../cluster.ts';
import { defaultCluster } from '../scenario/default-cluster.ts';
import { EVENT_TTL_MS } from './event-ttl.ts';

const MINUTE = 60_000;

function podEvents(c: Cluster, name: string): Event[] {
  return c.api.list<Event>('Event', 'default').filter((e) => e.involvedObject.name === name);
}

/** withPod starts a pod and lets it run, so the scheduler and kubelet have recorded its events. */
function withPod(seed: number): Cluster {
  const c = defaultCluster({ seed });
  c.api.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } }, 'kubectl');
  c.advance(30_000);
  return c;
}

describe('event TTL', () => {
  it('removes Events an hour after they were written, and no sooner', () => {
    const c = withPod(1);
    const reasons = podEvents(c, 'web').map((e) => e.reason);
    expect(reasons).toEqual(expect.arrayContaining(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']));
    c.advance(EVENT_TTL_MS - 40_000);
    expect(podEvents(c, 'web')).toHaveLength(reasons.length);
    c.advance(40_000);
    expect(podEvents(c, 'web')).toEqual([]);
    // The pod itself is untouched; only its history went.
    expect(c.api.get<Pod>('Pod', 'default', 'web').status?.phase).toBe('Running');
  });

  it('counts the hour from the last write: a repeated Event lives on', () => {
    const c = withPod(2);
    const pod = c.api.get<Pod>('Pod', 'default', 'web');
    const source = { component: 'kubectl-test' };
    c.recorder.record(pod, 'Warning', 'Noticed', 'something happened', source);
    c.advance(40 * MINUTE);
    c.recorder.record(pod, 'Warning', 'Noticed', 'something happened', source);
    c.advance(40 * MINUTE);
    const kept = podEvents(c, 'web');
    expect(kept.map((e) => [e.reason, e.count])).toEqual([['Noticed', 2]]);
    c.advance(21 * MINUTE);
    expect(podEvents(c, 'web')).toEqual([]);
  });

  it('expires an Event before a later occurrence can bump it: the recorder writes it again, count going on, as client-go does', () => {
    const c = withPod(3);
    const pod = c.api.get<Pod>('Pod', 'default', 'web');
    c.recorder.record(pod, 'Normal', 'Noticed', 'once', { component: 'kubectl-test' });
    const first = podEvents(c, 'web').find((e) => e.reason === 'Noticed')!;
    // One long step: the Event's hour runs out inside it.
    c.advance(2 * EVENT_TTL_MS);
    expect(podEvents(c, 'web')).toEqual([]);
    c.recorder.record(pod, 'Normal', 'Noticed', 'once', { component: 'kubectl-test' });
    const again = podEvents(c, 'web').find((e) => e.reason === 'Noticed')!;
    // The correlator still remembers it: the patch finds nothing, so the Event is created anew under its old name.
    expect([again.metadata.name, again.count, again.firstTimestamp]).toEqual([first.metadata.name, 2, first.firstTimestamp]);
    expect(again.metadata.uid).not.toBe(first.metadata.uid);
  });

  it('schedules no timer: a settled cluster stays idle', () => {
    const c = withPod(4);
    c.runUntilIdle(10 * MINUTE);
    expect(podEvents(c, 'web').length).toBeGreaterThan(0);
    expect(c.nextTimerAt()).toBeUndefined();
  });

  it('continues after a snapshot exactly as without one', () => {
    const a = withPod(5);
    a.advance(20 * MINUTE);
    const b = Cluster.restore(a.snapshot());
    for (const c of [a, b]) c.advance(41 * MINUTE);
    expect(podEvents(b, 'web')).toEqual(podEvents(a, 'web'));
    expect(b.snapshot()).toEqual(a.snapshot());
  });

  it('gives Events from a snapshot without leases an hour from their last timestamp', () => {
    const a = withPod(6);
    const snap = a.snapshot();
    delete (snap.components as Record<string, unknown>)['etcd'];
    const b = Cluster.restore(snap);
    expect(podEvents(b, 'web').length).toBeGreaterThan(0);
    b.advance(EVENT_TTL_MS);
    expect(podEvents(b, 'web')).toEqual([]);
  });
});
