/**
 * The DaemonSet rolling update (pkg/controller/daemon/update.go rollingUpdate): which old pods
 * to delete and, when surging, on which nodes to start a new pod beside the old one. With
 * maxSurge 0 an old pod goes only while fewer than maxUnavailable nodes are without an
 * available up-to-date pod, and the manage loop starts its replacement once it is gone; with
 * maxSurge > 0 the new pod starts first and the old one goes when the new one is available.
 */
import type { DaemonSet, IntOrString } from '../../api/apps.ts';
import type { Pod } from '../../api/pod.ts';
import { isAvailableAt, isPodReady, readySince } from '../controller-utils.ts';
import { isPodUpdated } from './pods.ts';

/** RollingPlan is what one rolling-update step asks the manage loop's syncNodes to do. */
export interface RollingPlan {
  /** Names of the old pods to delete. */
  deletions: string[];
  /** Nodes to start an up-to-date pod on. */
  creations: string[];
}

/** RollingInput is the state one step looks at: every wanted node's pods (empty when it has none), and whether each node should run a pod. */
export interface RollingInput {
  ds: DaemonSet;
  nodePods: ReadonlyMap<string, readonly Pod[]>;
  shouldRun: (node: string) => boolean;
  desired: number;
  hash: string;
  generation: string;
  now: number;
}

/** scaledValue is GetScaledValueFromIntOrPercent rounding up. */
export function scaledValue(v: IntOrString | undefined, total: number): number {
  if (typeof v === 'string') {
    const pct = v.endsWith('%') ? Number(v.slice(0, -1)) : Number(v);
    return Number.isFinite(pct) ? (v.endsWith('%') ? Math.ceil((pct * total) / 100) : pct) : 0;
  }
  return v ?? 0;
}

/** maxSurgeAndUnavailable is updatedDesiredNodeCounts: the scaled limits, with maxUnavailable 1 when both come out 0. */
export function maxSurgeAndUnavailable(ds: DaemonSet, desired: number): { maxSurge: number; maxUnavailable: number } {
  const ru = ds.spec.updateStrategy?.type === 'RollingUpdate' ? ds.spec.updateStrategy.rollingUpdate : undefined;
  const maxSurge = scaledValue(ru?.maxSurge, desired);
  let maxUnavailable = scaledValue(ru?.maxUnavailable, desired);
  if (desired > 0 && maxUnavailable === 0 && maxSurge === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable };
}

/** isAvailable is podutil.IsPodAvailable. */
export function isAvailable(pod: Pod, minReadySeconds: number, now: number): boolean {
  if (!isPodReady(pod)) return false;
  // Without minReadySeconds readiness is enough: no need to read when it began.
  return minReadySeconds === 0 || isAvailableAt(readySince(pod), minReadySeconds, now);
}

/** updatedAndOld is findUpdatedPodsOnNode: the node's live new and old pod, or undefined when it has more than one of either. */
function updatedAndOld(pods: readonly Pod[], hash: string, generation: string): { newPod?: Pod; oldPod?: Pod } | undefined {
  let newPod: Pod | undefined;
  let oldPod: Pod | undefined;
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    if (isPodUpdated(pod, hash, generation)) {
      if (newPod) return undefined;
      newPod = pod;
    } else {
      if (oldPod) return undefined;
      oldPod = pod;
    }
  }
  return { newPod, oldPod };
}

/** rollingUpdatePlan is one step of the rolling update. */
export function rollingUpdatePlan(input: RollingInput): RollingPlan {
  const { maxSurge, maxUnavailable } = maxSurgeAndUnavailable(input.ds, input.desired);
  return maxSurge === 0 ? byUnavailability(input, maxUnavailable) : bySurge(input, maxSurge);
}

function byUnavailability(input: RollingInput, maxUnavailable: number): RollingPlan {
  const mrs = input.ds.spec.minReadySeconds ?? 0;
  let unavailable = 0;
  const allowed: string[] = [];
  const candidates: string[] = [];
  for (const pods of input.nodePods.values()) {
    const found = updatedAndOld(pods, input.hash, input.generation);
    if (!found) {
      unavailable++;
      continue;
    }
    const { newPod, oldPod } = found;
    if ((!oldPod && !newPod) || (oldPod && newPod)) unavailable++;
    else if (newPod) {
      if (!isAvailable(newPod, mrs, input.now)) unavailable++;
    } else if (!isAvailable(oldPod!, mrs, input.now)) {
      // An old pod that is not available anyway can go at once.
      allowed.push(oldPod!.metadata.name!);
    } else if (unavailable < maxUnavailable) {
      candidates.push(oldPod!.metadata.name!);
    }
  }
  const room = Math.min(Math.max(maxUnavailable - unavailable, 0), candidates.length);
  return { deletions: [...allowed, ...candidates.slice(0, room)], creations: [] };
}

function bySurge(input: RollingInput, maxSurge: number): RollingPlan {
  const mrs = input.ds.spec.minReadySeconds ?? 0;
  let surge = 0;
  const deletions: string[] = [];
  const allowedNodes: string[] = [];
  const candidateNodes: string[] = [];
  for (const [node, pods] of input.nodePods) {
    const found = updatedAndOld(pods, input.hash, input.generation);
    if (!found) {
      surge++;
      continue;
    }
    const { newPod, oldPod } = found;
    if (!oldPod) continue;
    if (!newPod) {
      if (!isAvailable(oldPod, mrs, input.now)) {
        if (input.shouldRun(node)) allowedNodes.push(node);
        else deletions.push(oldPod.metadata.name!);
      } else if (input.shouldRun(node) && surge < maxSurge) {
        candidateNodes.push(node);
      }
    } else if (!isAvailable(newPod, mrs, input.now)) {
      surge++;
    } else {
      deletions.push(oldPod.metadata.name!);
    }
  }
  const room = Math.min(Math.max(maxSurge - surge, 0), candidateNodes.length);
  return { deletions, creations: [...allowedNodes, ...candidateNodes.slice(0, room)] };
}
