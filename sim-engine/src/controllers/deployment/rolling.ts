/**
 * The RollingUpdate strategy, after pkg/controller/deployment/rolling.go: grow the new
 * ReplicaSet within replicas + maxSurge, and shrink the old ones only as far as
 * replicas − maxUnavailable available pods allow, one step per sync.
 */
import type { ReplicaSet } from '../../api/apps.ts';
import { syncRolloutStatus } from './progress.ts';
import { deploymentComplete } from './status.ts';
import type { DeploymentSync } from './sync.ts';
import { byCreation, filterActive, maxUnavailable, newRSNewReplicas, replicasOf, sumSpec, sumStatus } from './util.ts';

/** rolloutRolling performs one step of a rolling update. */
export function rolloutRolling(s: DeploymentSync, rsList: ReplicaSet[]): void {
  const { newRS, oldRSs } = s.getAll(rsList, true);
  const allRSs = [...oldRSs, newRS!];
  if (reconcileNewReplicaSet(s, allRSs, newRS!)) return syncRolloutStatus(s, allRSs, newRS);
  if (reconcileOldReplicaSets(s, allRSs, filterActive(oldRSs), newRS!)) return syncRolloutStatus(s, allRSs, newRS);
  if (deploymentComplete(s.d, s.d.status)) s.cleanup(oldRSs);
  syncRolloutStatus(s, allRSs, newRS);
}

function reconcileNewReplicaSet(s: DeploymentSync, allRSs: ReplicaSet[], newRS: ReplicaSet): boolean {
  const replicas = replicasOf(s.d);
  if (replicasOf(newRS) === replicas) return false;
  if (replicasOf(newRS) > replicas) return s.scaleAndRecord(newRS, replicas).scaled;
  return s.scaleAndRecord(newRS, newRSNewReplicas(s.d, allRSs, newRS)).scaled;
}

function reconcileOldReplicaSets(s: DeploymentSync, allRSs: ReplicaSet[], oldRSs: ReplicaSet[], newRS: ReplicaSet): boolean {
  if (sumSpec(oldRSs) === 0) return false;
  const minAvailable = replicasOf(s.d) - maxUnavailable(s.d);
  const newUnavailable = replicasOf(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = sumSpec(allRSs) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  // Unhealthy old pods go first: removing them costs no availability and unblocks the rollout.
  const cleaned = cleanupUnhealthyReplicas(s, oldRSs, maxScaledDown);
  const scaledDown = scaleDownOldForRollingUpdate(s, [...cleaned.oldRSs, newRS], cleaned.oldRSs);
  return cleaned.count + scaledDown > 0;
}

function cleanupUnhealthyReplicas(s: DeploymentSync, oldRSs: ReplicaSet[], maxCleanup: number): { oldRSs: ReplicaSet[]; count: number } {
  const sorted = [...oldRSs].sort(byCreation);
  let total = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (total >= maxCleanup) break;
    const rs = sorted[i]!;
    const available = rs.status?.availableReplicas ?? 0;
    if (replicasOf(rs) === 0 || replicasOf(rs) === available) continue;
    const down = Math.min(maxCleanup - total, replicasOf(rs) - available);
    sorted[i] = s.scaleAndRecord(rs, replicasOf(rs) - down).rs;
    total += down;
  }
  return { oldRSs: sorted, count: total };
}

function scaleDownOldForRollingUpdate(s: DeploymentSync, allRSs: ReplicaSet[], oldRSs: ReplicaSet[]): number {
  const minAvailable = replicasOf(s.d) - maxUnavailable(s.d);
  const available = sumStatus(allRSs, 'availableReplicas');
  if (available <= minAvailable) return 0;
  const target = available - minAvailable;
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (total >= target) break;
    if (replicasOf(rs) === 0) continue;
    const down = Math.min(replicasOf(rs), target - total);
    s.scaleAndRecord(rs, replicasOf(rs) - down);
    total += down;
  }
  return total;
}
