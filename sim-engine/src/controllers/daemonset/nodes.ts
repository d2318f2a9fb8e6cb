/**
 * NodePlacements keeps what the DaemonSet controller knows of the nodes: the nodes in name
 * order (kept from watch events, so a sync walks them without listing and sorting the store),
 * and each DaemonSet's placement decision per node, remembered until the node object or the
 * DaemonSet's pod spec changes. Both are derived from the store and rebuilt on demand.
 */
import type { DaemonSet } from '../../api/apps.ts';
import type { Node } from '../../api/node.ts';
import type { PodSpec } from '../../api/pod.ts';
import type { Store, WatchEvent } from '../../store/store.ts';
import { daemonPodTolerations, nodeShouldRunDaemonPod, type Placement } from './should-run.ts';

interface Decisions {
  spec: PodSpec;
  byNode: WeakMap<Node, Placement>;
  /** The placements as last worked out, valid while `version` is current. */
  all?: Map<string, Placement>;
  version: number;
}

/** NodePlacements answers "should this DaemonSet run on each node?" cheaply, sync after sync. */
export class NodePlacements {
  private nodes: Map<string, Node> | undefined;
  private names: string[] = [];
  // Bumped whenever a node comes, goes, or changes its labels or taints: what placements depend on.
  private version = 0;
  private readonly decisions = new Map<string, Decisions>();
  private readonly store: Store;

  constructor(store: Store) {
    this.store = store;
  }

  /** observe follows a Node watch event. */
  observe(e: WatchEvent): void {
    if (!this.nodes) return;
    const node = e.object as Node;
    const name = node.metadata.name!;
    const old = this.nodes.get(name);
    if (e.type === 'DELETED') {
      this.nodes.delete(name);
      this.names = this.names.filter((n) => n !== name);
      this.version++;
      return;
    }
    if (!old) this.names = [...this.names, name].sort();
    if (!old || old.metadata.labels !== node.metadata.labels || old.spec?.taints !== node.spec?.taints) this.version++;
    this.nodes.set(name, node);
  }

  /** reset forgets everything (after a restore). */
  reset(): void {
    this.nodes = undefined;
    this.names = [];
    this.decisions.clear();
    this.version++;
  }

  /** forget drops a deleted DaemonSet's decisions. */
  forget(uid: string): void {
    this.decisions.delete(uid);
  }

  /** placements returns each node's placement for the DaemonSet, in node name order (shared: callers must not change it). */
  placements(ds: DaemonSet): Map<string, Placement> {
    const nodes = this.current();
    const spec = ds.spec.template.spec;
    let d = this.decisions.get(ds.metadata.uid!);
    if (!d || d.spec !== spec) {
      d = { spec, byNode: new WeakMap(), version: -1 };
      this.decisions.set(ds.metadata.uid!, d);
    }
    if (d.all && d.version === this.version) return d.all;
    const tolerations = daemonPodTolerations(spec);
    const out = new Map<string, Placement>();
    for (const name of this.names) {
      const node = nodes.get(name)!;
      let p = d.byNode.get(node);
      if (!p) {
        p = nodeShouldRunDaemonPod(node, spec, tolerations);
        d.byNode.set(node, p);
      }
      out.set(name, p);
    }
    d.all = out;
    d.version = this.version;
    return out;
  }

  private current(): Map<string, Node> {
    if (!this.nodes) {
      const list = this.store.list('Node') as Node[];
      this.nodes = new Map(list.map((n) => [n.metadata.name!, n]));
      this.names = list.map((n) => n.metadata.name!);
    }
    return this.nodes;
  }
}
