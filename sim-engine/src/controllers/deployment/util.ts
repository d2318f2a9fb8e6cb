/**
 * The Deployment controller's arithmetic and bookkeeping, after
 * pkg/controller/deployment/util/deployment_util.go: surge/unavailability fenceposts,
 * revision and replica annotations, and the sizing rules of rolling and proportional scaling.
 */
import type { Deployment, IntOrString, ReplicaSet } from '../../api/apps.ts';

/** REVISION is the annotation carrying a ReplicaSet's (and its Deployment's) revision number. */
export const REVISION = 'deployment.kubernetes.io/revision';
/** REVISION_HISTORY lists the revisions a re-used ReplicaSet had before. */
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
/** DESIRED_REPLICAS is the Deployment's replicas when the ReplicaSet was last sized. */
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
/** MAX_REPLICAS is replicas + maxSurge when the ReplicaSet was last sized. */
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';

const SKIP_COPY = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION,
  REVISION_HISTORY,
  DESIRED_REPLICAS,
  MAX_REPLICAS,
  'deprecated.deployment.rollback.to',
]);
const MAX_REV_HISTORY_CHARS = 2000;
const MAX_INT32 = 2147483647;

/** replicasOf is a ReplicaSet's (or Deployment's) spec.replicas; absent only before defaulting. */
export function replicasOf(obj: { spec: { replicas?: number } } | undefined): number {
  return obj ? (obj.spec.replicas ?? 1) : 0;
}

/** revisionOf parses a ReplicaSet's revision annotation (0 when absent or malformed). */
export function revisionOf(rs: ReplicaSet): number {
  const v = rs.metadata.annotations?.[REVISION];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : 0;
}

/** maxRevision is the highest revision among ReplicaSets. */
export function maxRevision(rss: ReplicaSet[]): number {
  return rss.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0);
}

/** scaledValue is intstr.GetScaledValueFromIntOrPercent. */
export function scaledValue(v: IntOrString | undefined, total: number, roundUp: boolean): number {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return 0;
  // Tested, not matched: every sync of every Deployment resolves its fenceposts, so no match arrays.
  if (!/^\d+%$/.test(v)) return /^\d+$/.test(v) ? Number(v) : 0;
  const raw = (Number(v.slice(0, -1)) * total) / 100;
  return roundUp ? Math.ceil(raw) : Math.floor(raw);
}

/** resolveFenceposts turns maxSurge (rounded up) and maxUnavailable (rounded down) into counts; both 0 → unavailable 1. */
export function resolveFenceposts(maxSurge: IntOrString | undefined, maxUnavailable: IntOrString | undefined, desired: number): [number, number] {
  const surge = scaledValue(maxSurge ?? 0, desired, true);
  const unavailable = scaledValue(maxUnavailable ?? 0, desired, false);
  return surge === 0 && unavailable === 0 ? [0, 1] : [surge, unavailable];
}

/** isRollingUpdate tells whether the Deployment rolls (rather than recreates). */
export function isRollingUpdate(d: Deployment): boolean {
  return (d.spec.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
}

/** maxSurge is how many pods above replicas a rolling Deployment may run (0 for Recreate). */
export function maxSurge(d: Deployment): number {
  if (!isRollingUpdate(d)) return 0;
  const ru = d.spec.strategy?.rollingUpdate;
  return resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, replicasOf(d))[0];
}

/** maxUnavailable is how many pods below replicas a rolling Deployment may drop to (never more than replicas). */
export function maxUnavailable(d: Deployment): number {
  const replicas = replicasOf(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  const ru = d.spec.strategy?.rollingUpdate;
  return Math.min(resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, replicas)[1], replicas);
}

/** hasProgressDeadline is false when progressDeadlineSeconds is unset or MaxInt32. */
export function hasProgressDeadline(d: Deployment): boolean {
  const s = d.spec.progressDeadlineSeconds;
  return s !== undefined && s !== MAX_INT32;
}

/** hasRevisionHistoryLimit is false when revisionHistoryLimit is unset or MaxInt32. */
export function hasRevisionHistoryLimit(d: Deployment): boolean {
  const l = d.spec.revisionHistoryLimit;
  return l !== undefined && l !== MAX_INT32;
}

/** setNewReplicaSetAnnotations copies annotations to the new ReplicaSet and raises its revision, reporting a change. */
export function setNewReplicaSetAnnotations(d: Deployment, rs: ReplicaSet, newRevision: number, exists: boolean): boolean {
  // An old ReplicaSet that becomes new again keeps its earlier numbers in revision-history;
  // the replica annotations are only set here on creation (scaling keeps them current).
  const a = (rs.metadata.annotations = { ...(rs.metadata.annotations ?? {}) });
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (SKIP_COPY.has(k) || a[k] === v) continue;
    a[k] = v;
    changed = true;
  }
  const oldText = a[REVISION];
  if (oldText !== undefined && !/^\d+$/.test(oldText)) return false;
  const oldRevision = oldText === undefined ? 0 : Number(oldText);
  if (oldRevision < newRevision) {
    a[REVISION] = String(newRevision);
    changed = true;
    if (oldText !== undefined) appendRevisionHistory(a, oldText);
  }
  if (!exists && setReplicasAnnotations(rs, replicasOf(d), replicasOf(d) + maxSurge(d))) changed = true;
  return changed;
}

/**
 * newReplicaSetAnnotationsCurrent tells, without copying anything, that the existing new
 * ReplicaSet already carries the Deployment's annotations and a revision no lower than
 * `newRevision`, so setNewReplicaSetAnnotations would change nothing: what nearly every sync
 * finds. False means it may change something (it is then run on a copy to find out).
 */
export function newReplicaSetAnnotationsCurrent(d: Deployment, rs: ReplicaSet, newRevision: number): boolean {
  const a = rs.metadata.annotations;
  const text = a?.[REVISION];
  if (text === undefined || !/^\d+$/.test(text) || Number(text) < newRevision) return false;
  const want = d.metadata.annotations;
  for (const k in want) if (!SKIP_COPY.has(k) && a![k] !== want[k]) return false;
  return true;
}

function appendRevisionHistory(a: Record<string, string>, oldRevision: string): void {
  const history = a[REVISION_HISTORY] ?? '';
  if (history === '') {
    a[REVISION_HISTORY] = oldRevision;
    return;
  }
  const revisions = history.split(',');
  let total = history.length + oldRevision.length + 1;
  let start = 0;
  while (total > MAX_REV_HISTORY_CHARS && start < revisions.length) total -= revisions[start++]!.length + 1;
  if (total <= MAX_REV_HISTORY_CHARS) a[REVISION_HISTORY] = [...revisions.slice(start), oldRevision].join(',');
}

/** replicasAnnotationsNeedUpdate tells whether desired-replicas or max-replicas are stale. */
export function replicasAnnotationsNeedUpdate(rs: ReplicaSet, desired: number, max: number): boolean {
  const a = rs.metadata.annotations ?? {};
  return a[DESIRED_REPLICAS] !== String(desired) || a[MAX_REPLICAS] !== String(max);
}

/** setReplicasAnnotations sets desired-replicas and max-replicas (mutating the annotations), reporting a change. */
export function setReplicasAnnotations(rs: ReplicaSet, desired: number, max: number): boolean {
  if (!replicasAnnotationsNeedUpdate(rs, desired, max)) return false;
  rs.metadata.annotations = { ...(rs.metadata.annotations ?? {}), [DESIRED_REPLICAS]: String(desired), [MAX_REPLICAS]: String(max) };
  return true;
}

/** intAnnotation reads an int32 annotation. */
export function intAnnotation(rs: ReplicaSet, key: string): number | undefined {
  const v = rs.metadata.annotations?.[key];
  return v !== undefined && /^[+-]?\d+$/.test(v) ? Number(v) : undefined;
}

/** newRSNewReplicas is how big the new ReplicaSet may be now: up to replicas, within replicas + maxSurge in total. */
export function newRSNewReplicas(d: Deployment, allRSs: ReplicaSet[], newRS: ReplicaSet): number {
  if (!isRollingUpdate(d)) return replicasOf(d);
  const maxTotal = replicasOf(d) + scaledValue(d.spec.strategy?.rollingUpdate?.maxSurge ?? 0, replicasOf(d), true);
  const current = sumSpec(allRSs);
  if (current >= maxTotal) return replicasOf(newRS);
  return replicasOf(newRS) + Math.min(maxTotal - current, replicasOf(d) - replicasOf(newRS));
}

/** getProportion is a ReplicaSet's share of a proportional scale, bounded by what is left to hand out. */
export function getProportion(rs: ReplicaSet | undefined, d: Deployment, toAdd: number, added: number): number {
  if (!rs || replicasOf(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

function replicaSetFraction(rs: ReplicaSet, d: Deployment): number {
  if (replicasOf(d) === 0) return -replicasOf(rs);
  const maxNow = replicasOf(d) + maxSurge(d);
  let before = intAnnotation(rs, MAX_REPLICAS);
  if (!before) before = d.status?.replicas ?? 0;
  if (!before) return 0;
  return goRound((replicasOf(rs) * maxNow) / before) - replicasOf(rs);
}

/** goRound is math.Round: halves away from zero. */
export function goRound(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}

/** isSaturated: the new ReplicaSet runs all replicas, available, and was sized for them. */
export function isSaturated(d: Deployment, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false;
  const desired = intAnnotation(rs, DESIRED_REPLICAS);
  if (desired === undefined) return false;
  return replicasOf(rs) === replicasOf(d) && desired === replicasOf(d) && (rs.status?.availableReplicas ?? 0) === replicasOf(d);
}

/** filterActive keeps the ReplicaSets with replicas to run. */
export function filterActive(rss: (ReplicaSet | undefined)[]): ReplicaSet[] {
  return rss.filter((rs): rs is ReplicaSet => rs !== undefined && replicasOf(rs) > 0);
}

/** findActiveOrLatest is the one active ReplicaSet, or the newest when none is active; undefined when several are. */
export function findActiveOrLatest(newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): ReplicaSet | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const newestFirst = [...oldRSs].sort((a, b) => byCreation(b, a));
  const active = filterActive([...newestFirst, newRS]);
  if (active.length === 0) return newRS ?? newestFirst[0];
  return active.length === 1 ? active[0] : undefined;
}

/** byCreation is ReplicaSetsByCreationTimestamp: oldest first, then by name. */
export function byCreation(a: ReplicaSet, b: ReplicaSet): number {
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.metadata.name! < b.metadata.name! ? -1 : a.metadata.name! > b.metadata.name! ? 1 : 0;
}

/** sumSpec adds up spec.replicas. */
export function sumSpec(rss: (ReplicaSet | undefined)[]): number {
  return rss.reduce((n, rs) => n + (rs ? replicasOf(rs) : 0), 0);
}

/** sumStatus adds up one status counter. */
export function sumStatus(rss: (ReplicaSet | undefined)[], field: 'replicas' | 'readyReplicas' | 'availableReplicas'): number {
  return rss.reduce((n, rs) => n + (rs?.status?.[field] ?? 0), 0);
}
