/**
 * SchedulerCache is the scheduler's view of every node: what is already placed there (pod
 * count, requested cpu and memory, host ports, pods per owner), kept up to date from watch
 * events so that placing a pod never re-reads the whole store. Like kube-scheduler's cache
 * it is derived state: it is rebuilt from the store after a restore, never snapshotted.
 */
import type { Node } from '../api/node.ts';
import type { Pod } from '../api/pod.ts';
import type { Store } from '../store/store.ts';
import { requests } from './filters.ts';
import { parseCPU, parseMemory } from './quantity.ts';

/** NodeInfo is a node plus the sum of what is placed on it. */
export interface NodeInfo {
  node: Node;
  /** Neither cordoned nor tainted: only NodeResourcesFit can turn a plain pod away (see `plain` in filters.ts). */
  plain: boolean;
  /** The node's allocatable cpu (millicores), memory (bytes) and pod count, parsed once. */
  allocatable: { cpu: number; memory: number; pods: number };
  podCount: number;
  /** Requested cpu in millicores and memory in bytes. */
  cpu: number;
  memory: number;
  /** Host ports in use, as `PROTOCOL/port`, with how many pods use each. */
  hostPorts: Map<string, number>;
  /** Placed pods per controlling owner uid, for spreading replicas. */
  byOwner: Map<string, number>;
}

interface Placement {
  node: string;
  cpu: number;
  memory: number;
  ports: string[];
  owner?: string;
}

/** SchedulerCache tracks nodes and the pods bound to them. */
export class SchedulerCache {
  private readonly infos = new Map<string, NodeInfo>();
  private readonly placed = new Map<string, Placement>();
  private names: string[] = [];
  private ordered: NodeInfo[] = [];
  /** Each node's position in `ordered`, and per controlling owner its placed pods by that position. */
  private readonly positions = new Map<string, number>();
  private readonly owners = new Map<string, Int32Array>();

  constructor(store: Store) {
    store.watch('Node', (e) => (e.type === 'DELETED' ? this.removeNode(e.object as Node) : this.upsertNode(e.object as Node)));
    store.watch('Pod', (e) => {
      const pod = e.object as Pod;
      const old = e.old as Pod | undefined;
      // A placement changes only when the pod's node or whether it has finished does.
      if (e.type === 'MODIFIED' && old!.spec.nodeName === pod.spec.nodeName && finished(old!) === finished(pod)) return;
      this.updatePod(e.type === 'DELETED' ? undefined : pod, pod);
    });
  }

  /** rebuild recomputes everything from the store's current contents. */
  rebuild(store: Store): void {
    this.infos.clear();
    this.placed.clear();
    this.names = [];
    this.ordered = [];
    this.positions.clear();
    this.owners.clear();
    for (const n of store.list('Node') as Node[]) this.upsertNode(n);
    for (const p of store.list('Pod') as Pod[]) this.updatePod(p, p);
  }

  /** nodeNames lists the nodes in name order. */
  nodeNames(): readonly string[] {
    return this.names;
  }

  /** nodeInfos lists every node's NodeInfo in name order. */
  nodeInfos(): readonly NodeInfo[] {
    return this.ordered;
  }

  /**
   * ownerCounts returns how many pods of a controlling owner are placed on each node, by the
   * node's position in nodeInfos() (undefined when it never had any): what byOwner holds, laid
   * out so that scoring hundreds of nodes for each replica reads an array, not a map per node.
   */
  ownerCounts(owner: string): Int32Array | undefined {
    return this.owners.get(owner);
  }

  /** info returns a node's NodeInfo. */
  info(name: string): NodeInfo | undefined {
    return this.infos.get(name);
  }

  /** assume counts a pod on a node immediately after binding, before its watch event arrives. */
  assume(pod: Pod, node: string): void {
    // The pod the binding returned is already on the node: no copy is needed to say so.
    this.updatePod(pod.spec.nodeName === node ? pod : { ...pod, spec: { ...pod.spec, nodeName: node } }, pod);
  }

  private upsertNode(node: Node): void {
    const name = node.metadata.name!;
    const existing = this.infos.get(name);
    const alloc = node.status?.allocatable ?? {};
    const allocatable = { cpu: parseCPU(alloc.cpu ?? '0'), memory: parseMemory(alloc.memory ?? '0'), pods: Number(alloc.pods ?? '110') };
    if (existing) {
      existing.node = node;
      existing.plain = isPlain(node);
      existing.allocatable = allocatable;
      return;
    }
    this.infos.set(name, { node, plain: isPlain(node), allocatable, podCount: 0, cpu: 0, memory: 0, hostPorts: new Map(), byOwner: new Map() });
    // Insert in name order (the order a sort of the names gives) rather than sorting them all again.
    let lo = 0;
    let hi = this.names.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.names[mid]! < name) lo = mid + 1;
      else hi = mid;
    }
    this.names = [...this.names.slice(0, lo), name, ...this.names.slice(lo)];
    this.reorder();
  }

  private removeNode(node: Node): void {
    this.infos.delete(node.metadata.name!);
    this.names = this.names.filter((n) => n !== node.metadata.name);
    this.reorder();
  }

  /** reorder lays out `ordered`, the positions and the per-owner counts again after a node came or went. */
  private reorder(): void {
    this.ordered = this.names.map((n) => this.infos.get(n)!);
    this.positions.clear();
    this.ordered.forEach((info, i) => this.positions.set(info.node.metadata.name!, i));
    const owners = [...this.owners.keys()];
    this.owners.clear();
    for (const owner of owners) this.owners.set(owner, new Int32Array(this.ordered.length));
    this.ordered.forEach((info, i) => {
      for (const [owner, n] of info.byOwner) {
        let counts = this.owners.get(owner);
        if (!counts) this.owners.set(owner, (counts = new Int32Array(this.ordered.length)));
        counts[i] = n;
      }
    });
  }

  /** updatePod moves a pod's placement to match its current state (`pod` undefined when deleted). */
  private updatePod(pod: Pod | undefined, ref: Pod): void {
    // Every version of a pod carries the one uid string; a recreated pod (same name) has a new one.
    const key = ref.metadata.uid ?? `${ref.metadata.namespace}/${ref.metadata.name}`;
    const active = pod?.spec.nodeName && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';
    const before = this.placed.get(key);
    if (before && (!active || before.node !== pod!.spec.nodeName)) {
      this.apply(before, -1);
      this.placed.delete(key);
    }
    if (active && !this.placed.has(key)) {
      const r = requests(pod!);
      const placement: Placement = {
        node: pod!.spec.nodeName!,
        cpu: r.cpu,
        memory: r.memory,
        ports: hostPortsOf(pod!),
        owner: pod!.metadata.ownerReferences?.find((o) => o.controller)?.uid,
      };
      this.placed.set(key, placement);
      this.apply(placement, 1);
    }
  }

  private apply(p: Placement, sign: 1 | -1): void {
    const info = this.infos.get(p.node);
    if (!info) return;
    info.podCount += sign;
    info.cpu += sign * p.cpu;
    info.memory += sign * p.memory;
    for (const port of p.ports) bump(info.hostPorts, port, sign);
    if (p.owner) {
      bump(info.byOwner, p.owner, sign);
      const i = this.positions.get(p.node)!;
      let counts = this.owners.get(p.owner);
      if (!counts) this.owners.set(p.owner, (counts = new Int32Array(this.ordered.length)));
      counts[i] = info.byOwner.get(p.owner) ?? 0;
    }
  }
}

/** hostPortsOf lists the `PROTOCOL/port` host ports a pod's containers ask for (nearly always none). */
function hostPortsOf(pod: Pod): string[] {
  const out: string[] = [];
  for (const c of pod.spec.containers) if (c.ports) for (const p of c.ports) if (p.hostPort) out.push(`${p.protocol ?? 'TCP'}/${p.hostPort}`);
  return out;
}

function finished(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

function bump(map: Map<string, number>, key: string, by: number): void {
  const n = (map.get(key) ?? 0) + by;
  if (n <= 0) map.delete(key);
  else map.set(key, n);
}

/** isPlain tells whether a node is neither cordoned nor tainted. */
function isPlain(node: Node): boolean {
  return !node.spec.unschedulable && !node.spec.taints?.length;
}
