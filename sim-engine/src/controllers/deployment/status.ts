/**
 * Deployment status: the counters summed from its ReplicaSets (calculateStatus), the
 * condition helpers of deployment_util.go, and the "complete" test. Zero counters are
 * left out of the stored status, as Go's omitempty does.
 */
import type { Deployment, DeploymentCondition, ReplicaSet } from '../../api/apps.ts';
import { rfc3339 } from '../../util/time.ts';
import { maxUnavailable, replicasOf, sumSpec, sumStatus } from './util.ts';

/** WorkingStatus is a Deployment status being computed, every counter present. */
export interface WorkingStatus {
  observedGeneration: number;
  replicas: number;
  updatedReplicas: number;
  readyReplicas: number;
  availableReplicas: number;
  unavailableReplicas: number;
  conditions: DeploymentCondition[];
  collisionCount?: number;
}

type Status = NonNullable<Deployment['status']>;

/** working expands a stored status into a WorkingStatus. */
export function working(s: Deployment['status']): WorkingStatus {
  return {
    observedGeneration: s?.observedGeneration ?? 0,
    replicas: s?.replicas ?? 0,
    updatedReplicas: s?.updatedReplicas ?? 0,
    readyReplicas: s?.readyReplicas ?? 0,
    availableReplicas: s?.availableReplicas ?? 0,
    unavailableReplicas: s?.unavailableReplicas ?? 0,
    // Conditions are replaced, never changed in place: the stored (frozen) ones are kept as they are.
    conditions: s?.conditions ? [...s.conditions] : [],
    ...(s?.collisionCount !== undefined ? { collisionCount: s.collisionCount } : {}),
  };
}

/** compact is the stored form: zero counters and an empty condition list omitted. */
export function compact(s: WorkingStatus): Status {
  const out: Status = {};
  if (s.observedGeneration) out.observedGeneration = s.observedGeneration;
  if (s.replicas) out.replicas = s.replicas;
  if (s.updatedReplicas) out.updatedReplicas = s.updatedReplicas;
  if (s.readyReplicas) out.readyReplicas = s.readyReplicas;
  if (s.availableReplicas) out.availableReplicas = s.availableReplicas;
  if (s.unavailableReplicas) out.unavailableReplicas = s.unavailableReplicas;
  if (s.conditions.length) out.conditions = s.conditions;
  if (s.collisionCount !== undefined) out.collisionCount = s.collisionCount;
  return out;
}

/** calculateStatus sums the ReplicaSets' counters and sets the Available condition. */
export function calculateStatus(allRSs: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment, now: number): WorkingStatus {
  const available = sumStatus(allRSs, 'availableReplicas');
  const status: WorkingStatus = {
    observedGeneration: d.metadata.generation ?? 0,
    replicas: sumStatus(allRSs, 'replicas'),
    updatedReplicas: sumStatus([newRS], 'replicas'),
    readyReplicas: sumStatus(allRSs, 'readyReplicas'),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, sumSpec(allRSs) - available),
    conditions: d.status?.conditions ? [...d.status.conditions] : [],
    ...(d.status?.collisionCount !== undefined ? { collisionCount: d.status.collisionCount } : {}),
  };
  if (available >= replicasOf(d) - maxUnavailable(d)) {
    setCondition(status, newCondition('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', now));
  } else {
    setCondition(status, newCondition('Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.', now));
  }
  return status;
}

/** deploymentComplete: every replica updated and available, nothing old left, and the latest spec observed. */
export function deploymentComplete(d: Deployment, s: Deployment['status'] | WorkingStatus): boolean {
  const r = replicasOf(d);
  return (s?.updatedReplicas ?? 0) === r && (s?.replicas ?? 0) === r && (s?.availableReplicas ?? 0) === r && (s?.observedGeneration ?? 0) >= (d.metadata.generation ?? 0);
}

/** newCondition builds a condition updated and transitioned at `now`. */
export function newCondition(
  type: DeploymentCondition['type'],
  status: DeploymentCondition['status'],
  reason: string,
  message: string,
  now: number,
): DeploymentCondition {
  const t = rfc3339(now);
  return { type, status, lastUpdateTime: t, lastTransitionTime: t, reason, message };
}

/** getCondition finds a condition by type. */
export function getCondition(s: { conditions?: DeploymentCondition[] } | undefined, type: DeploymentCondition['type']): DeploymentCondition | undefined {
  return s?.conditions?.find((c) => c.type === type);
}

/** setCondition is SetDeploymentCondition: a changed condition moves to the end of the list. */
export function setCondition(s: WorkingStatus, cond: DeploymentCondition): void {
  const current = getCondition(s, cond.type);
  // The same status and reason is no change at all, not even of lastUpdateTime; a new reason
  // with the same status keeps the transition time.
  if (current && current.status === cond.status && current.reason === cond.reason) return;
  const next = current && current.status === cond.status ? { ...cond, lastTransitionTime: current.lastTransitionTime } : cond;
  s.conditions = [...s.conditions.filter((c) => c.type !== cond.type), next];
}

/** removeCondition drops a condition by type. */
export function removeCondition(s: WorkingStatus, type: DeploymentCondition['type']): void {
  // Every sync of a Deployment without a ReplicaFailure asks to remove one: nothing to copy then.
  if (getCondition(s, type)) s.conditions = s.conditions.filter((c) => c.type !== type);
}
