/**
 * The DaemonSet's status (updateDaemonSetStatus): per node that should run a pod, whether one
 * is scheduled, ready, available and up to date (judged by the oldest pod on the node); pods on
 * nodes that should not run one are misscheduled. Go omits the optional counts when they are 0.
 */
import type { DaemonSet } from '../../api/apps.ts';
import type { Pod } from '../../api/pod.ts';
import { isPodReady, readySince } from '../controller-utils.ts';
import { isPodUpdated } from './pods.ts';
import { isAvailable } from './rolling.ts';
import type { Placement } from './should-run.ts';

/** daemonSetStatus counts what the DaemonSet's pods are doing, in the status's field order. */
export function daemonSetStatus(
  ds: DaemonSet,
  placements: ReadonlyMap<string, Placement>,
  nodePods: ReadonlyMap<string, readonly Pod[]>,
  hash: string,
  generation: string,
  now: number,
): NonNullable<DaemonSet['status']> {
  let desired = 0;
  let current = 0;
  let misscheduled = 0;
  let ready = 0;
  let available = 0;
  let updated = 0;
  const mrs = ds.spec.minReadySeconds ?? 0;
  for (const [name, placement] of placements) {
    const pods = nodePods.get(name);
    if (!placement.shouldRun) {
      if (pods?.length) misscheduled++;
      continue;
    }
    desired++;
    if (!pods?.length) continue;
    current++;
    const pod = pods[0]!;
    if (isPodReady(pod)) {
      ready++;
      if (mrs === 0 || isAvailable(pod, mrs, now)) available++;
    }
    if (isPodUpdated(pod, hash, generation)) updated++;
  }
  const prev = ds.status;
  return {
    currentNumberScheduled: current,
    numberMisscheduled: misscheduled,
    desiredNumberScheduled: desired,
    numberReady: ready,
    observedGeneration: ds.metadata.generation ?? 1,
    ...(updated ? { updatedNumberScheduled: updated } : {}),
    ...(available ? { numberAvailable: available } : {}),
    ...(desired - available > 0 ? { numberUnavailable: desired - available } : {}),
    ...(prev?.collisionCount !== undefined ? { collisionCount: prev.collisionCount } : {}),
    ...(prev?.conditions?.length ? { conditions: prev.conditions } : {}),
  };
}

/** nextAvailabilityCheck is when a ready pod will have been ready for minReadySeconds, so the status can count it available. */
export function nextAvailabilityCheck(ds: DaemonSet, nodePods: ReadonlyMap<string, readonly Pod[]>, now: number): number | undefined {
  const mrs = ds.spec.minReadySeconds ?? 0;
  if (mrs === 0) return undefined;
  let next: number | undefined;
  for (const pods of nodePods.values()) {
    for (const pod of pods) {
      if (!isPodReady(pod) || isAvailable(pod, mrs, now)) continue;
      const at = readySince(pod) + mrs * 1000 + 1;
      if (next === undefined || at < next) next = at;
    }
  }
  return next;
}
