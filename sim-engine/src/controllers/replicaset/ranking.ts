/**
 * Which pods a ReplicaSet deletes first when it scales down: controller.ActivePodsWithRanks
 * with the LogarithmicScaleDown and PodDeletionCost behaviour that 1.32 has on by default.
 */
import type { Pod } from '../../api/pod.ts';
import { isPodActive, isPodReady, readySince } from '../controller-utils.ts';
import { parseTime } from '../../util/time.ts';

/** DELETION_COST_ANNOTATION lets users steer scale-down: lower cost goes first. */
export const DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost';

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

interface Ranked {
  pod: Pod;
  /** Active pods of the same owner on this pod's node. */
  rank: number;
  ready: boolean;
  readyAt: number;
  created: number;
  restarts: number;
  cost: number;
}

/** Sorting compares each pod with many others: what the comparator reads is worked out once per pod. */
interface Sortable extends Ranked {
  node: string;
  phase: number;
  uid: string;
  readyLog: number;
  createdLog: number;
}

/** podsToDelete picks the `count` pods a scale-down removes, ranking them against `related`. */
export function podsToDelete(pods: Pod[], related: Pod[], count: number, now: number): Pod[] {
  // `related` are all pods of the same owner (for a Deployment's ReplicaSet, the pods of all
  // its ReplicaSets): nodes running doubled-up replicas are thinned out first.
  const onNode = new Map<string, number>();
  for (const p of related) {
    if (!isPodActive(p)) continue;
    const node = p.spec.nodeName ?? '';
    onNode.set(node, (onNode.get(node) ?? 0) + 1);
  }
  return rankForDeletion(pods, onNode, count, now);
}

/** rankForDeletion is podsToDelete given the related pods already counted per node (`''` for unscheduled). */
export function rankForDeletion(pods: Pod[], onNode: ReadonlyMap<string, number>, count: number, now: number): Pod[] {
  const byName = [...pods].sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1));
  if (count >= byName.length) return byName;
  const ranked: Sortable[] = byName.map((pod) => {
    const f = factsOf(pod);
    return {
      ready: f.ready,
      readyAt: f.readyAt,
      created: f.created,
      restarts: f.restarts,
      cost: f.cost,
      pod,
      rank: onNode.get(pod.spec.nodeName ?? '') ?? 0,
      node: pod.spec.nodeName ?? '',
      phase: PHASE_ORDINAL[pod.status?.phase ?? ''] ?? 0,
      uid: pod.metadata.uid ?? '',
      readyLog: logRank(now - f.readyAt),
      createdLog: logRank(now - f.created),
    };
  });
  ranked.sort(compareForDeletion);
  return ranked.slice(0, count).map((r) => r.pod);
}

type PodFacts = Omit<Ranked, 'pod' | 'rank'>;

// Stored pods are immutable, so what ranking reads from one is worked out once per version of
// the pod, not on every scale-down step of a rollout.
const factsCache = new WeakMap<Pod, PodFacts>();

function factsOf(pod: Pod): PodFacts {
  let f = factsCache.get(pod);
  if (!f) {
    // Only a frozen (stored) pod is sure not to change under the cache.
    f = {
      ready: isPodReady(pod),
      readyAt: readySince(pod),
      created: parseTime(pod.metadata.creationTimestamp) ?? 0,
      restarts: Math.max(0, ...(pod.status?.containerStatuses ?? []).map((c) => c.restartCount)),
      cost: deletionCost(pod),
    };
    if (Object.isFrozen(pod)) factsCache.set(pod, f);
  }
  return f;
}

/** compareForDeletion is ActivePodsWithRanks.Less as a comparator: negative when `a` should go first. */
function compareForDeletion(a: Sortable, b: Sortable): number {
  const na = a.node;
  const nb = b.node;
  // 1. Unassigned before assigned.
  if (na !== nb && (na === '' || nb === '')) return na === '' ? -1 : 1;
  // 2. Pending before Unknown before Running.
  if (a.phase !== b.phase) return a.phase - b.phase;
  // 3. Not ready before ready.
  if (a.ready !== b.ready) return a.ready ? 1 : -1;
  // 4. Lower deletion cost first.
  if (a.cost !== b.cost) return a.cost - b.cost;
  // 5. More colocated replicas first.
  if (a.rank !== b.rank) return b.rank - a.rank;
  // 6. Ready for less time first, compared on a log2 scale.
  if (a.ready && b.ready && a.readyAt !== b.readyAt) {
    const c = compareTimes(a.readyAt, b.readyAt, a.readyLog, b.readyLog, a.uid, b.uid);
    if (c !== 0) return c;
  }
  // 7. More restarts first.
  if (a.restarts !== b.restarts) return b.restarts - a.restarts;
  // 8. Newer first, again on a log2 scale.
  if (a.created !== b.created) return compareTimes(a.created, b.created, a.createdLog, b.createdLog, a.uid, b.uid);
  return 0;
}

/** compareTimes orders later (or unknown) times first; within one log2 bucket of age (`log1`, `log2`), by uid. */
function compareTimes(t1: number, t2: number, log1: number, log2: number, uid1: string, uid2: string): number {
  if (t1 === 0 || t2 === 0) return t1 === 0 ? -1 : 1;
  const diff = log1 - log2;
  if (diff === 0) return uid1 < uid2 ? -1 : uid1 > uid2 ? 1 : 0;
  return diff;
}

/** logRank is int64(math.Log2(d)) for a duration in nanoseconds, -1 when not positive. */
function logRank(ms: number): number {
  return ms > 0 ? Math.floor(Math.log2(ms * 1e6)) : -1;
}

function deletionCost(pod: Pod): number {
  const raw = pod.metadata.annotations?.[DELETION_COST_ANNOTATION];
  if (raw === undefined || !/^[+-]?\d+$/.test(raw)) return 0;
  const n = Number(raw);
  return n >= -2147483648 && n <= 2147483647 ? n : 0;
}
