/**
 * The Recreate strategy, after pkg/controller/deployment/recreate.go: scale every old
 * ReplicaSet to zero, wait until none of their pods is left (terminating ones included),
 * then create or scale up the new ReplicaSet.
 */
import type { ReplicaSet } from '../../api/apps.ts';
import type { Pod } from '../../api/pod.ts';
import { syncRolloutStatus } from './progress.ts';
import { deploymentComplete } from './status.ts';
import type { DeploymentSync } from './sync.ts';
import { filterActive, replicasOf, sumStatus } from './util.ts';

/** rolloutRecreate performs one step of a Recreate rollout. */
export function rolloutRecreate(s: DeploymentSync, rsList: ReplicaSet[], podMap: Map<string, Pod[]>): void {
  let { newRS, oldRSs } = s.getAll(rsList, false);
  let allRSs: (ReplicaSet | undefined)[] = [...oldRSs, newRS];
  let scaledDown = false;
  for (const rs of filterActive(oldRSs)) if (s.scaleAndRecord(rs, 0).scaled) scaledDown = true;
  if (scaledDown || oldPodsRunning(newRS, oldRSs, podMap)) return syncRolloutStatus(s, allRSs, newRS);
  if (!newRS) {
    ({ newRS, oldRSs } = s.getAll(rsList, true));
    allRSs = [...oldRSs, newRS];
  }
  s.scaleAndRecord(newRS!, replicasOf(s.d));
  if (deploymentComplete(s.d, s.d.status)) s.cleanup(oldRSs);
  syncRolloutStatus(s, allRSs, newRS);
}

/** oldPodsRunning: an old ReplicaSet still reports pods, or an old pod (terminating ones included) is not finished. */
function oldPodsRunning(newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[], podMap: Map<string, Pod[]>): boolean {
  if (sumStatus(oldRSs, 'replicas') > 0) return true;
  for (const [uid, pods] of podMap) {
    if (uid === newRS?.metadata.uid) continue;
    if (pods.some((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed')) return true;
  }
  return false;
}
