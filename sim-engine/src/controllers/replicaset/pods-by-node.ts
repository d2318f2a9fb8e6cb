/**
 * PodsByNode counts, for each controlling owner (a ReplicaSet's uid), its active pods on each
 * node: what scale-down ranking needs to thin out doubled-up nodes first. It is kept up to date
 * from watch events, so a rollout's every scale-down step reads a few counts instead of walking
 * every pod of every ReplicaSet of the Deployment. Derived from the store alone, it is built on
 * first use and again after a restore, never snapshotted.
 */
import type { Pod } from '../../api/pod.ts';
import type { Store, WatchEvent } from '../../store/store.ts';
import { controllerRefOf, isPodActive } from '../controller-utils.ts';

/** PodsByNode counts active pods per controlling owner and node. */
export class PodsByNode {
  private counts: Map<string, Map<string, number>> | undefined;
  private readonly store: Store;

  constructor(store: Store) {
    this.store = store;
  }

  /** observe applies one pod watch event. */
  observe(e: WatchEvent): void {
    if (!this.counts) return;
    if (e.old) this.bump(this.counts, e.old as Pod, -1);
    if (e.type !== 'DELETED') this.bump(this.counts, e.object as Pod, 1);
  }

  /** reset forgets the counts (after a restore); they are rebuilt from the store when next asked for. */
  reset(): void {
    this.counts = undefined;
  }

  /** onNode sums, per node (`''` for unscheduled), the active pods controlled by any of `owners`. */
  onNode(owners: readonly string[]): Map<string, number> {
    const counts = this.built();
    const out = new Map<string, number>();
    for (const owner of owners) for (const [node, n] of counts.get(owner) ?? []) out.set(node, (out.get(node) ?? 0) + n);
    return out;
  }

  private built(): Map<string, Map<string, number>> {
    if (!this.counts) {
      this.counts = new Map();
      for (const p of this.store.list('Pod') as Pod[]) this.bump(this.counts, p, 1);
    }
    return this.counts;
  }

  private bump(counts: Map<string, Map<string, number>>, pod: Pod, by: 1 | -1): void {
    const owner = controllerRefOf(pod)?.uid;
    if (!owner || !isPodActive(pod)) return;
    let perNode = counts.get(owner);
    if (!perNode) counts.set(owner, (perNode = new Map()));
    const node = pod.spec.nodeName ?? '';
    const n = (perNode.get(node) ?? 0) + by;
    if (n > 0) perNode.set(node, n);
    else perNode.delete(node);
    if (perNode.size === 0) counts.delete(owner);
  }
}
