/**
 * Tally is the ReplicaSet controller's running count of the pods one ReplicaSet has claimed
 * (owned, active, matching its selector): how many, how many ready and fully labelled.
 * It is kept up to date from watch events, so a sync after one pod changed costs O(1)
 * rather than a walk over every pod. It is derived from the store alone and rebuilt from
 * scratch when missing (after a restore) or when the template's labels change.
 */
import type { Pod } from '../../api/pod.ts';
import { isAvailableAt, isPodReady, readySince } from '../controller-utils.ts';

interface Counted {
  pod: Pod;
  ready: boolean;
  since: number;
  fullyLabeled: boolean;
}

/** Tally counts the pods claimed by one ReplicaSet. */
export class Tally {
  /** The template labels the counts were made for, as JSON: "fully labelled" depends on them. */
  readonly labelsKey: string;
  /** Names of pods that changed since the last sync and must be looked at again. */
  readonly dirty = new Set<string>();
  private readonly pods = new Map<string, Counted>();
  /**
   * The claimed names in order as last sorted (a rollout asks on every step), the names removed
   * since and not claimed again, and whether a name joined since: re-claiming a changed pod
   * (remove, then add) keeps the order.
   */
  private sortedNames: string[] = [];
  private readonly removedSinceSort = new Set<string>();
  private joinedSinceSort = false;
  private readyCount = 0;
  private labelledCount = 0;

  constructor(labelsKey: string) {
    this.labelsKey = labelsKey;
  }

  /** size is the number of claimed (active) pods. */
  get size(): number {
    return this.pods.size;
  }

  /** ready is the number of claimed pods whose Ready condition is True. */
  get ready(): number {
    return this.readyCount;
  }

  /** fullyLabeled is the number of claimed pods carrying every label of the template. */
  get fullyLabeled(): number {
    return this.labelledCount;
  }

  /** add counts a claimed pod (replacing what was known about it). */
  add(pod: Pod, templateLabels: Record<string, string> | undefined): void {
    const name = pod.metadata.name!;
    const had = this.pods.get(name);
    if (had) {
      // Still claimed: counted afresh in its place, the order of names unchanged.
      if (had.ready) this.readyCount--;
      if (had.fullyLabeled) this.labelledCount--;
    } else if (!this.removedSinceSort.delete(name)) {
      this.joinedSinceSort = true;
    }
    const ready = isPodReady(pod);
    const labels = pod.metadata.labels ?? {};
    let fullyLabeled = true;
    // Every pod of a ReplicaSet passes here on every status report: no entry arrays.
    for (const k in templateLabels) if (labels[k] !== templateLabels[k]) fullyLabeled = false;
    this.pods.set(name, { pod, ready, since: ready ? readySince(pod) : 0, fullyLabeled });
    if (ready) this.readyCount++;
    if (fullyLabeled) this.labelledCount++;
  }

  /** remove forgets a pod that is no longer claimed. */
  remove(name: string): void {
    const c = this.pods.get(name);
    if (!c) return;
    this.pods.delete(name);
    this.removedSinceSort.add(name);
    // Never asked for the order, a busy ReplicaSet would pile names up: sort afresh instead.
    if (this.removedSinceSort.size > this.pods.size + 64) {
      this.removedSinceSort.clear();
      this.joinedSinceSort = true;
    }
    if (c.ready) this.readyCount--;
    if (c.fullyLabeled) this.labelledCount--;
  }

  /** available counts the pods ready for longer than minReadySeconds at `now`. */
  available(minReadySeconds: number, now: number): number {
    if (minReadySeconds === 0) return this.readyCount;
    let n = 0;
    for (const c of this.pods.values()) if (c.ready && isAvailableAt(c.since, minReadySeconds, now)) n++;
    return n;
  }

  /** nextAvailabilityCheck is when a ready pod next becomes available: a second after its minReadySeconds, as AddAfter does. */
  nextAvailabilityCheck(minReadySeconds: number, now: number): number | undefined {
    if (minReadySeconds === 0) return undefined;
    let next: number | undefined;
    for (const c of this.pods.values()) {
      if (!c.ready || c.since === 0 || isAvailableAt(c.since, minReadySeconds, now)) continue;
      const at = c.since + minReadySeconds * 1000 + 1000;
      if (next === undefined || at < next) next = at;
    }
    return next;
  }

  /** claimed returns the claimed pods, ordered by name. */
  claimed(): Pod[] {
    if (this.joinedSinceSort) this.sortedNames = [...this.pods.keys()].sort();
    else if (this.removedSinceSort.size > 0) this.sortedNames = this.sortedNames.filter((n) => this.pods.has(n));
    this.joinedSinceSort = false;
    this.removedSinceSort.clear();
    return this.sortedNames.map((n) => this.pods.get(n)!.pod);
  }
}
