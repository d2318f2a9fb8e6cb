import { describe, expect, it } from 'vitest';
import type { Pod, PodPhase } from '../../api/pod.ts';
import { rfc3339 } from '../../util/time.ts';
import { DELETION_COST_ANNOTATION, podsToDelete } from './ranking.ts';

const NOW = Date.UTC(2026, 0, 12, 9, 0, 0);

interface PodOptions {
  node?: string;
  phase?: PodPhase;
  readyFor?: number;
  ageMs?: number;
  restarts?: number;
  cost?: number;
  uid?: string;
}

function pod(name: string, o: PodOptions = {}): Pod {
  const ready = o.readyFor !== undefined;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      uid: o.uid ?? name,
      creationTimestamp: rfc3339(NOW - (o.ageMs ?? 3_600_000)),
      ...(o.cost !== undefined ? { annotations: { [DELETION_COST_ANNOTATION]: String(o.cost) } } : {}),
    },
    spec: { containers: [{ name: 'c' }], ...(o.node === '' ? {} : { nodeName: o.node ?? 'node-1' }) },
    status: {
      phase: o.phase ?? 'Running',
      conditions: ready ? [{ type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(NOW - o.readyFor!) }] : [],
      containerStatuses: [{ name: 'c', image: '', imageID: '', ready, started: true, restartCount: o.restarts ?? 0, state: {}, lastState: {} }],
    },
  };
}

const names = (pods: Pod[]) => pods.map((p) => p.metadata.name);

describe('scale-down ranking (ActivePodsWithRanks)', () => {
  it('deletes unscheduled, then Pending, then not-ready pods before ready ones', () => {
    const pods = [pod('ready', { readyFor: 60_000 }), pod('notready'), pod('pending', { phase: 'Pending' }), pod('unscheduled', { node: '', phase: 'Pending' })];
    expect(names(podsToDelete(pods, pods, 3, NOW))).toEqual(['unscheduled', 'pending', 'notready']);
  });

  it('honours pod-deletion-cost before spreading', () => {
    const pods = [pod('cheap', { readyFor: 60_000, cost: -5 }), pod('dear', { readyFor: 60_000, cost: 100 }), pod('plain', { readyFor: 60_000 })];
    expect(names(podsToDelete(pods, pods, 2, NOW))).toEqual(['cheap', 'plain']);
  });

  it('thins out nodes that run more replicas of the same owner', () => {
    const pods = [pod('a1', { node: 'node-1', readyFor: 60_000 }), pod('a2', { node: 'node-1', readyFor: 60_000 }), pod('b1', { node: 'node-2', readyFor: 60_000 })];
    // A sibling ReplicaSet's pod on node-2 makes node-2 the crowded one.
    const related = [...pods, pod('sib1', { node: 'node-2' }), pod('sib2', { node: 'node-2' })];
    expect(names(podsToDelete(pods, pods, 1, NOW))[0]).toMatch(/^a/);
    expect(names(podsToDelete(pods, related, 1, NOW))).toEqual(['b1']);
  });

  it('prefers pods ready for less time, on a log2 scale with uid ties', () => {
    const pods = [pod('old', { readyFor: 3_600_000 }), pod('young', { readyFor: 10_000 })];
    expect(names(podsToDelete(pods, pods, 1, NOW))).toEqual(['young']);
    // 40 s and 50 s fall into the same power-of-two bucket of nanoseconds: the uid decides.
    const same = [pod('x', { readyFor: 40_000, uid: 'b' }), pod('y', { readyFor: 50_000, uid: 'a' })];
    expect(names(podsToDelete(same, same, 1, NOW))).toEqual(['y']);
  });

  it('then prefers more restarts, then newer pods', () => {
    const restarts = [pod('calm', { restarts: 0 }), pod('crashy', { restarts: 4 })];
    expect(names(podsToDelete(restarts, restarts, 1, NOW))).toEqual(['crashy']);
    const ages = [pod('elder', { ageMs: 86_400_000 }), pod('newborn', { ageMs: 5_000 })];
    expect(names(podsToDelete(ages, ages, 1, NOW))).toEqual(['newborn']);
  });

  it('needs no ranking to delete everything', () => {
    const pods = [pod('b'), pod('a'), pod('c')];
    expect(names(podsToDelete(pods, pods, 5, NOW))).toEqual(['a', 'b', 'c']);
  });
});
