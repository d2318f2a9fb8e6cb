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

/** podsToDelete picks the `count` pods a scale-down removes, ranking them against `related`. */
export function podsToDelete(pods: Pod[], related: Pod[], count: number, now: number): Pod[] {
  // `related` are all pods of the same owner (for a Deployment's ReplicaSet, the pods of all
  // its ReplicaSets): nodes running doubled-up replicas are thinned out first.
  const byName = [...pods].sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1));
  if (count >= byName.length) return byName;
  const onNode = new Map<string, number>();
  for (const p of related) {
    if (!isPodActive(p)) continue;
    const node = p.spec.nodeName ?? '';
    onNode.set(node, (onNode.get(node) ?? 0) + 1);
  }
  const ranked: Ranked[] = byName.map((pod) => ({
    pod,
    rank: onNode.get(pod.spec.nodeName ?? '') ?? 0,
    ready: isPodReady(pod),
    readyAt: readySince(pod),
    created: parseTime(pod.metadata.creationTimestamp) ?? 0,
    restarts: Math.max(0, ...(pod.status?.containerStatuses ?? []).map((c) => c.restartCount)),
    cost: deletionCost(pod),
  }));
  ranked.sort((a, b) => compareForDeletion(a, b, now));
  return ranked.slice(0, count).map((r) => r.pod);
}

/** compareForDeletion is ActivePodsWithRanks.Less as a comparator: negative when `a` should go first. */
function compareForDeletion(a: Ranked, b: Ranked, now: number): number {
  const na = a.pod.spec.nodeName ?? '';
  const nb = b.pod.spec.nodeName ?? '';
  // 1. Unassigned before assigned.
  if (na !== nb && (na === '' || nb === '')) return na === '' ? -1 : 1;
  // 2. Pending before Unknown before Running.
  const pa = PHASE_ORDINAL[a.pod.status?.phase ?? ''] ?? 0;
  const pb = PHASE_ORDINAL[b.pod.status?.phase ?? ''] ?? 0;
  if (pa !== pb) return pa - pb;
  // 3. Not ready before ready.
  if (a.ready !== b.ready) return a.ready ? 1 : -1;
  // 4. Lower deletion cost first.
  if (a.cost !== b.cost) return a.cost - b.cost;
  // 5. More colocated replicas first.
  if (a.rank !== b.rank) return b.rank - a.rank;
  // 6. Ready for less time first, compared on a log2 scale.
  if (a.ready && b.ready && a.readyAt !== b.readyAt) {
    const c = compareTimes(a.readyAt, b.readyAt, a.pod.metadata.uid ?? '', b.pod.metadata.uid ?? '', now);
    if (c !== 0) return c;
  }
  // 7. More restarts first.
  if (a.restarts !== b.restarts) return b.restarts - a.restarts;
  // 8. Newer first, again on a log2 scale.
  if (a.created !== b.created) return compareTimes(a.created, b.created, a.pod.metadata.uid ?? '', b.pod.metadata.uid ?? '', now);
  return 0;
}

/** compareTimes orders later (or unknown) times first; within one log2 bucket of age, by uid. */
function compareTimes(t1: number, t2: number, uid1: string, uid2: string, now: number): number {
  if (t1 === 0 || t2 === 0) return t1 === 0 ? -1 : 1;
  const diff = logRank(now - t1) - logRank(now - t2);
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
