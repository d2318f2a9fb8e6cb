/**
 * What the workload controllers share, after pkg/controller/controller_utils.go and
 * controller_ref_manager.go: controller references, pod activity/readiness/availability,
 * and delayed requeues kept as plain data so a snapshot can carry them.
 */
import type { WorkQueue } from '../util/workqueue.ts';
import type { KubeObject, OwnerReference } from '../api/meta.ts';
import type { Pod } from '../api/pod.ts';
import type { Clock } from '../clock.ts';
import { parseTime } from '../util/time.ts';

/** controllerRefOf returns the ownerReference with `controller: true`, if any (metav1.GetControllerOf). */
export function controllerRefOf(obj: KubeObject): OwnerReference | undefined {
  // A plain loop: every controller asks this of every pod it looks at.
  const refs = obj.metadata.ownerReferences;
  if (refs) for (let i = 0; i < refs.length; i++) if (refs[i]!.controller === true) return refs[i];
  return undefined;
}

/** newControllerRef is metav1.NewControllerRef: a blocking controller reference to `owner`. */
export function newControllerRef(owner: KubeObject): OwnerReference {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name!, uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: true };
}

/** withOwner adds a controller reference (adoption); other references are kept. */
export function withOwner<T extends KubeObject>(obj: T, owner: KubeObject): T {
  return { ...obj, metadata: { ...obj.metadata, ownerReferences: [...(obj.metadata.ownerReferences ?? []), newControllerRef(owner)] } };
}

/** withoutOwner removes the reference to `uid` (release); the field disappears when nothing is left. */
export function withoutOwner<T extends KubeObject>(obj: T, uid: string): T {
  const refs = (obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
  const metadata = { ...obj.metadata, ownerReferences: refs.length ? refs : undefined };
  if (!refs.length) delete metadata.ownerReferences;
  return { ...obj, metadata };
}

/** keyOf is a namespaced object's work-queue key, `namespace/name`. */
export function keyOf(obj: KubeObject): string {
  return `${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
}

/** splitKey undoes keyOf. */
export function splitKey(key: string): [string, string] {
  const slash = key.indexOf('/');
  return [key.slice(0, slash), key.slice(slash + 1)];
}

/** isPodActive: not Succeeded or Failed, and not being deleted (controller.IsPodActive). */
export function isPodActive(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

/** isPodReady: the Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** readySince is when a ready pod's Ready condition last turned True (0 when unknown or not ready). */
export function readySince(pod: Pod): number {
  const c = pod.status?.conditions?.find((x) => x.type === 'Ready' && x.status === 'True');
  return parseTime(c?.lastTransitionTime) ?? 0;
}

/** isAvailableAt is podutil.IsPodAvailable: ready, and ready for longer than minReadySeconds at `now`. */
export function isAvailableAt(since: number, minReadySeconds: number, now: number): boolean {
  return minReadySeconds === 0 || (since > 0 && since + minReadySeconds * 1000 < now);
}

/** Requeues are delayed re-syncs (client-go's AddAfter) kept as plain data. */
// At most one pending timer per key is remembered and only an earlier one replaces it, so
// repeated syncs of a busy object don't pile timers up; a superseded timer fires harmlessly.
export class Requeues {
  private due: Record<string, number> = {};
  private readonly clock: Clock;
  private readonly owner: string;

  constructor(clock: Clock, owner: string) {
    this.clock = clock;
    this.owner = owner;
  }

  /** at asks for a re-sync of `key` at virtual time `t` (never earlier than now). */
  at(key: string, t: number): void {
    const now = this.clock.now();
    const when = Math.max(Math.ceil(t), now);
    const pending = this.due[key];
    if (pending !== undefined && pending >= now && pending <= when) return;
    this.due[key] = when;
    this.clock.schedule(when - now, this.owner, { type: 'resync', key, at: when });
  }

  /** fired records that a timer has come due and returns its key. */
  fired(action: Record<string, unknown>): string {
    const key = String(action.key);
    if (this.due[key] === action.at) delete this.due[key];
    return key;
  }

  /** forget drops what is known about a key (its object is gone). */
  forget(key: string): void {
    delete this.due[key];
  }

  /** snapshot returns the pending requeues. */
  snapshot(): Record<string, number> {
    return { ...this.due };
  }

  /** restore resumes from a snapshot. */
  restore(s: Record<string, number> | undefined): void {
    this.due = { ...(s ?? {}) };
  }
}

/**
 * syncQueuedRound syncs only the keys queued when the round began and reports whether there
 * were any: work a sync causes waits for the other controllers to see it first, as it would on
 * a real cluster.
 */
export function syncQueuedRound(queue: WorkQueue, sync: (key: string) => void): boolean {
  const n = queue.size;
  for (let i = 0; i < n; i++) {
    const key = queue.take();
    if (key !== undefined) sync(key);
  }
  return n > 0;
}
