/**
 * Rollout progress, after pkg/controller/deployment/progress.go: the Progressing condition
 * (created, progressing, complete, timed out), ReplicaFailure carried over from the
 * ReplicaSets, and the re-check scheduled for when a stuck rollout's deadline runs out.
 */
import type { Deployment, DeploymentCondition, ReplicaSet } from '../../api/apps.ts';
import { parseTime } from '../../util/time.ts';
import type { DeploymentSync } from './sync.ts';
import { calculateStatus, deploymentComplete, getCondition, newCondition, removeCondition, setCondition, type WorkingStatus } from './status.ts';
import { hasProgressDeadline } from './util.ts';

/** syncRolloutStatus computes and stores the status of a rolling-out Deployment, including its progress. */
export function syncRolloutStatus(s: DeploymentSync, allRSs: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined): void {
  const fresh = s.refresh(allRSs);
  const current = newRS && s.latest(newRS);
  const d = s.d;
  const status = calculateStatus(fresh, current, d, s.now);
  if (!hasProgressDeadline(d)) removeCondition(status, 'Progressing');
  const currentCond = getCondition(d.status, 'Progressing');
  const isComplete = status.replicas === status.updatedReplicas && currentCond?.reason === 'NewReplicaSetAvailable';
  const subject = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`;
  if (hasProgressDeadline(d) && !isComplete) {
    if (deploymentComplete(d, status)) {
      setCondition(status, newCondition('Progressing', 'True', 'NewReplicaSetAvailable', `${subject} has successfully progressed.`, s.now));
    } else if (deploymentProgressing(d, status)) {
      // Progress refreshes lastUpdateTime even when the reason stays, which SetDeploymentCondition alone would not do.
      const cond = newCondition('Progressing', 'True', 'ReplicaSetUpdated', `${subject} is progressing.`, s.now);
      const existing = getCondition(status, 'Progressing');
      if (existing) {
        if (existing.status === 'True') cond.lastTransitionTime = existing.lastTransitionTime;
        removeCondition(status, 'Progressing');
      }
      setCondition(status, cond);
    } else if (deploymentTimedOut(d, status, s.now)) {
      setCondition(status, newCondition('Progressing', 'False', 'ProgressDeadlineExceeded', `${subject} has timed out progressing.`, s.now));
    }
  }
  const failure = replicaFailure(fresh, current);
  if (failure) setCondition(status, failure);
  else removeCondition(status, 'ReplicaFailure');
  if (!s.writeStatus(status)) s.requeueAt = stuckCheckAt(d, status, s.now);
}

/** deploymentProgressing: more pods updated, ready or available than before, or fewer old ones. */
function deploymentProgressing(d: Deployment, next: WorkingStatus): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = next.replicas - next.updatedReplicas;
  return (
    next.updatedReplicas > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    next.readyReplicas > (old.readyReplicas ?? 0) ||
    next.availableReplicas > (old.availableReplicas ?? 0)
  );
}

/** deploymentTimedOut: no progress reported for longer than progressDeadlineSeconds. */
function deploymentTimedOut(d: Deployment, next: WorkingStatus, now: number): boolean {
  const cond = getCondition(next, 'Progressing');
  if (!cond || cond.reason === 'NewReplicaSetAvailable') return false;
  if (cond.reason === 'ProgressDeadlineExceeded') return true;
  const from = parseTime(cond.lastUpdateTime) ?? 0;
  return from + (d.spec.progressDeadlineSeconds ?? 0) * 1000 < now;
}

/**
 * stuckCheckAt is requeueStuckDeployment: a rollout that shows no progress is looked at again
 * a second after its deadline would pass, so that it times out even if nothing else happens.
 */
function stuckCheckAt(d: Deployment, next: WorkingStatus, now: number): number | undefined {
  const cond = getCondition(d.status, 'Progressing');
  if (!hasProgressDeadline(d) || !cond) return undefined;
  if (deploymentComplete(d, next) || cond.reason === 'ProgressDeadlineExceeded') return undefined;
  const deadline = (parseTime(cond.lastUpdateTime) ?? 0) + (d.spec.progressDeadlineSeconds ?? 0) * 1000;
  // Within a second of the deadline the real controller retries with back-off; the first instant past it will do.
  return deadline - now < 1000 ? Math.max(now + 1, deadline + 1) : deadline + 1000;
}

/** replicaFailure lifts a ReplicaFailure condition from the new ReplicaSet, else from any old one. */
function replicaFailure(allRSs: ReplicaSet[], newRS: ReplicaSet | undefined): DeploymentCondition | undefined {
  const from = (rs: ReplicaSet | undefined) => rs?.status?.conditions?.find((c) => c.type === 'ReplicaFailure');
  let c = from(newRS);
  for (let i = 0; !c && i < allRSs.length; i++) c = from(allRSs[i]);
  if (!c) return undefined;
  const t = c.lastTransitionTime ?? '';
  return { type: 'ReplicaFailure', status: c.status, lastUpdateTime: t, lastTransitionTime: t, reason: c.reason ?? '', message: c.message ?? '' };
}
