/**
 * Store is the cluster store (etcd's role): it holds every object, stamps each write with a
 * cluster-wide increasing resourceVersion and tells watchers. Only the API server writes it.
 * Objects are immutable values: a write replaces the object, so readers may keep references.
 */
import type { KubeObject } from '../api/meta.ts';

/** WatchEventType is what happened to an object. */
export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** WatchEvent is one change delivered to watchers. */
export interface WatchEvent {
  type: WatchEventType;
  object: KubeObject;
  /** The object before the change (MODIFIED and DELETED only). */
  old?: KubeObject;
}

/** Watcher receives the changes of one kind. */
export type Watcher = (event: WatchEvent) => void;

/** StoreState is the store's part of a snapshot. */
export interface StoreState {
  resourceVersion: number;
  objects: KubeObject[];
}

type Bucket = Map<string, KubeObject>;

/** Store keeps objects indexed by kind and namespace, plus pods by node and dependents by owner. */
export class Store {
  private rv: number;
  private readonly kinds = new Map<string, Map<string, Bucket>>();
  private readonly podsByNode = new Map<string, Set<string>>();
  private readonly byOwner = new Map<string, Set<string>>();
  private readonly watchers = new Map<string, Set<Watcher>>();

  constructor(initialResourceVersion = 1000) {
    this.rv = initialResourceVersion;
  }

  /** nextResourceVersion reserves the next resourceVersion. */
  nextResourceVersion(): string {
    return String(++this.rv);
  }

  /** get returns one object or undefined. */
  get(kind: string, namespace: string, name: string): KubeObject | undefined {
    return this.kinds.get(kind)?.get(namespace)?.get(name);
  }

  /** list returns the objects of a kind in one namespace (or all when namespace is undefined), sorted by namespace then name. */
  list(kind: string, namespace?: string): KubeObject[] {
    const byNs = this.kinds.get(kind);
    if (!byNs) return [];
    if (namespace !== undefined) return sortedValues(byNs.get(namespace));
    return [...byNs.keys()].sort().flatMap((ns) => sortedValues(byNs.get(ns)));
  }

  /** count returns how many objects of a kind exist. */
  count(kind: string): number {
    let n = 0;
    for (const bucket of this.kinds.get(kind)?.values() ?? []) n += bucket.size;
    return n;
  }

  /** podsOnNode returns the pods bound to a node (unsorted keys resolved to objects). */
  podsOnNode(node: string): KubeObject[] {
    return [...(this.podsByNode.get(node) ?? [])].map((k) => this.byKey(k)).filter(isDefined);
  }

  /** dependentsOf returns the objects whose ownerReferences name `uid`. */
  dependentsOf(uid: string): KubeObject[] {
    return [...(this.byOwner.get(uid) ?? [])].map((k) => this.byKey(k)).filter(isDefined);
  }

  /** put stores a new or changed object and notifies watchers. */
  put(obj: KubeObject): void {
    const ns = obj.metadata.namespace ?? '';
    const name = obj.metadata.name!;
    let byNs = this.kinds.get(obj.kind);
    if (!byNs) this.kinds.set(obj.kind, (byNs = new Map()));
    let bucket = byNs.get(ns);
    if (!bucket) byNs.set(ns, (bucket = new Map()));
    const old = bucket.get(name);
    bucket.set(name, obj);
    if (old) this.unindex(old);
    this.index(obj);
    this.emit({ type: old ? 'MODIFIED' : 'ADDED', object: obj, old });
  }

  /**
   * remove deletes an object and notifies watchers. Like etcd, the deletion is itself a
   * revision: the DELETED event carries the last state stamped with a new resourceVersion,
   * which is returned (undefined when there was nothing to remove).
   */
  remove(obj: KubeObject): KubeObject | undefined {
    const ns = obj.metadata.namespace ?? '';
    const bucket = this.kinds.get(obj.kind)?.get(ns);
    const old = bucket?.get(obj.metadata.name!);
    if (!bucket || !old) return undefined;
    bucket.delete(obj.metadata.name!);
    this.unindex(old);
    const deleted = { ...old, metadata: { ...old.metadata, resourceVersion: this.nextResourceVersion() } };
    this.emit({ type: 'DELETED', object: deleted, old });
    return deleted;
  }

  /** watch subscribes to the changes of a kind; it returns the unsubscribe function. */
  watch(kind: string, watcher: Watcher): () => void {
    let set = this.watchers.get(kind);
    if (!set) this.watchers.set(kind, (set = new Set()));
    set.add(watcher);
    return () => set.delete(watcher);
  }

  /** snapshot returns every object and the resourceVersion counter. */
  snapshot(): StoreState {
    // Sorted by kind, namespace and name, so equal stores give equal snapshots whatever order
    // their kinds were first written in.
    const objects: KubeObject[] = [];
    for (const kind of [...this.kinds.keys()].sort()) {
      const byNs = this.kinds.get(kind)!;
      for (const ns of [...byNs.keys()].sort()) objects.push(...sortedValues(byNs.get(ns)));
    }
    return { resourceVersion: this.rv, objects };
  }

  /** restore replaces the contents without notifying watchers. */
  restore(s: StoreState): void {
    this.kinds.clear();
    this.podsByNode.clear();
    this.byOwner.clear();
    this.rv = s.resourceVersion;
    for (const obj of s.objects) {
      const ns = obj.metadata.namespace ?? '';
      let byNs = this.kinds.get(obj.kind);
      if (!byNs) this.kinds.set(obj.kind, (byNs = new Map()));
      let bucket = byNs.get(ns);
      if (!bucket) byNs.set(ns, (bucket = new Map()));
      bucket.set(obj.metadata.name!, obj);
      this.index(obj);
    }
  }

  private emit(event: WatchEvent): void {
    for (const w of [...(this.watchers.get(event.object.kind) ?? [])]) w(event);
  }

  private byKey(key: string): KubeObject | undefined {
    const [kind, ns, name] = key.split('/') as [string, string, string];
    return this.get(kind, ns, name);
  }

  private index(obj: KubeObject): void {
    const key = keyOf(obj);
    const node = obj.kind === 'Pod' ? (obj as { spec?: { nodeName?: string } }).spec?.nodeName : undefined;
    if (node) addTo(this.podsByNode, node, key);
    for (const ref of obj.metadata.ownerReferences ?? []) addTo(this.byOwner, ref.uid, key);
  }

  private unindex(obj: KubeObject): void {
    const key = keyOf(obj);
    const node = obj.kind === 'Pod' ? (obj as { spec?: { nodeName?: string } }).spec?.nodeName : undefined;
    if (node) this.podsByNode.get(node)?.delete(key);
    for (const ref of obj.metadata.ownerReferences ?? []) this.byOwner.get(ref.uid)?.delete(key);
  }
}

/** keyOf is an object's store key: `Kind/namespace/name` (namespace empty for cluster-scoped kinds). */
export function keyOf(obj: KubeObject): string {
  return `${obj.kind}/${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
}

function sortedValues(bucket: Bucket | undefined): KubeObject[] {
  if (!bucket) return [];
  return [...bucket.keys()].sort().map((k) => bucket.get(k)!);
}

function addTo(index: Map<string, Set<string>>, k: string, v: string): void {
  let set = index.get(k);
  if (!set) index.set(k, (set = new Set()));
  set.add(v);
}

function isDefined<T>(x: T | undefined): x is T {
  return x !== undefined;
}
