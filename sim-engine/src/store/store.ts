/**
 * Store is the cluster store (etcd's role): it holds every object, stamps each write with a
 * cluster-wide increasing resourceVersion and tells watchers. Only the API server writes it.
 * Objects are immutable values: a write replaces the object, and what the store keeps is frozen,
 * so readers may keep references and share its parts, and nobody can change them in place.
 */
import type { KubeObject } from '../api/meta.ts';
import { freezeOwned } from '../util/stored.ts';
import { LabelIndex } from './label-index.ts';

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

/** Store keeps objects indexed by kind and namespace, plus pods by node, dependents by owner and objects by label. */
export class Store {
  private rv: number;
  private readonly kinds = new Map<string, Map<string, Bucket>>();
  // Each bucket's names in order, as a list last sorted them: most writes change an object, not
  // which objects there are, and controllers list the same few Services for every pod event.
  private readonly sortedNames = new Map<Bucket, readonly string[]>();
  // Secondary indexes map an object's uid (indexKeyOf) to its current version, so a lookup resolves nothing.
  private readonly podsByNode = new Map<string, Map<string, KubeObject>>();
  private readonly byOwner = new Map<string, Map<string, KubeObject>>();
  private readonly labels = new LabelIndex();
  // Watcher lists are replaced, never changed, on (un)subscribe: an emit iterates the list as it
  // was when the change happened without copying it for every write.
  private readonly watchers = new Map<string, readonly Watcher[]>();
  private readonly nodeWatchers = new Map<string, readonly Watcher[]>();

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
    if (namespace !== undefined) return this.sortedValues(byNs.get(namespace));
    return [...byNs.keys()].sort().flatMap((ns) => this.sortedValues(byNs.get(ns)));
  }

  /** count returns how many objects of a kind exist. */
  count(kind: string): number {
    let n = 0;
    for (const bucket of this.kinds.get(kind)?.values() ?? []) n += bucket.size;
    return n;
  }

  /**
   * listByLabels returns the objects of a kind in one namespace (or all) that carry every label
   * of `pairs`, sorted like list(); undefined when `pairs` is empty and the index cannot help.
   */
  listByLabels(kind: string, namespace: string | undefined, pairs: readonly (readonly [string, string])[]): KubeObject[] | undefined {
    if (pairs.length === 0) return undefined;
    const byNs = this.kinds.get(kind);
    if (!byNs) return [];
    const namespaces = namespace !== undefined ? [namespace] : [...byNs.keys()].sort();
    const out: KubeObject[] = [];
    for (const ns of namespaces) {
      const bucket = byNs.get(ns);
      for (const name of this.labels.candidates(kind, ns, pairs) ?? []) {
        const obj = bucket?.get(name);
        if (obj) out.push(obj);
      }
    }
    return out;
  }

  /** podsOnNode returns the pods bound to a node (unsorted keys resolved to objects). */
  podsOnNode(node: string): KubeObject[] {
    return [...(this.podsByNode.get(node)?.values() ?? [])];
  }

  /** dependentsOf returns the objects whose ownerReferences name `uid`. */
  dependentsOf(uid: string): KubeObject[] {
    return [...(this.byOwner.get(uid)?.values() ?? [])];
  }

  /** put stores a new or changed object and notifies watchers. */
  put(obj: KubeObject): void {
    freezeOwned(obj);
    const ns = obj.metadata.namespace ?? '';
    const name = obj.metadata.name!;
    let byNs = this.kinds.get(obj.kind);
    if (!byNs) this.kinds.set(obj.kind, (byNs = new Map()));
    let bucket = byNs.get(ns);
    if (!bucket) byNs.set(ns, (bucket = new Map()));
    const old = bucket.get(name);
    bucket.set(name, obj);
    if (!old) this.sortedNames.delete(bucket);
    // Most writes keep the node and the owners: then the index entries are only pointed at the
    // new object, in place (the order of podsOnNode and dependentsOf is not promised).
    if (old && (old.metadata.uid !== obj.metadata.uid || !sameIndexKeys(old, obj))) this.unindex(old);
    this.index(obj);
    this.labels.update(old, obj);
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
    this.sortedNames.delete(bucket);
    this.unindex(old);
    this.labels.update(old, undefined);
    const deleted = freezeOwned({ ...old, metadata: { ...old.metadata, resourceVersion: this.nextResourceVersion() } });
    this.emit({ type: 'DELETED', object: deleted, old });
    return deleted;
  }

  /** watch subscribes to the changes of a kind; it returns the unsubscribe function. */
  watch(kind: string, watcher: Watcher): () => void {
    return subscribe(this.watchers, kind, watcher);
  }

  /**
   * watchPodsOn subscribes to the pods bound to one node (before or after the change), as a
   * kubelet's watch with the field selector `spec.nodeName=<node>` does; it returns the
   * unsubscribe function. A thousand kubelets then cost nothing per pod write but their own.
   */
  watchPodsOn(node: string, watcher: Watcher): () => void {
    return subscribe(this.nodeWatchers, node, watcher);
  }

  /** snapshot returns every object and the resourceVersion counter. */
  snapshot(): StoreState {
    // Sorted by kind, namespace and name, so equal stores give equal snapshots whatever order
    // their kinds were first written in.
    const objects: KubeObject[] = [];
    for (const kind of [...this.kinds.keys()].sort()) {
      const byNs = this.kinds.get(kind)!;
      // A loop, not push(...spread): a namespace can hold more objects than a call has arguments.
      for (const ns of [...byNs.keys()].sort()) for (const o of this.sortedValues(byNs.get(ns))) objects.push(o);
    }
    return { resourceVersion: this.rv, objects };
  }

  /** restore replaces the contents without notifying watchers. */
  restore(s: StoreState): void {
    this.kinds.clear();
    this.sortedNames.clear();
    this.podsByNode.clear();
    this.byOwner.clear();
    this.labels.clear();
    this.rv = s.resourceVersion;
    for (const obj of s.objects) {
      freezeOwned(obj);
      const ns = obj.metadata.namespace ?? '';
      let byNs = this.kinds.get(obj.kind);
      if (!byNs) this.kinds.set(obj.kind, (byNs = new Map()));
      let bucket = byNs.get(ns);
      if (!bucket) byNs.set(ns, (bucket = new Map()));
      bucket.set(obj.metadata.name!, obj);
      this.index(obj);
      this.labels.update(undefined, obj);
    }
  }

  /** sortedValues lists a bucket's objects by name. */
  private sortedValues(bucket: Bucket | undefined): KubeObject[] {
    if (!bucket) return [];
    let names = this.sortedNames.get(bucket);
    if (!names) this.sortedNames.set(bucket, (names = [...bucket.keys()].sort()));
    return names.map((k) => bucket.get(k)!);
  }

  private emit(event: WatchEvent): void {
    const all = this.watchers.get(event.object.kind);
    if (all) for (let i = 0; i < all.length; i++) all[i]!(event);
    if (event.object.kind !== 'Pod' || this.nodeWatchers.size === 0) return;
    const node = nodeNameOf(event.object);
    const oldNode = event.old && nodeNameOf(event.old);
    if (node) this.emitToNode(node, event);
    if (oldNode && oldNode !== node) this.emitToNode(oldNode, event);
  }

  private emitToNode(node: string, event: WatchEvent): void {
    const list = this.nodeWatchers.get(node);
    if (list) for (let i = 0; i < list.length; i++) list[i]!(event);
  }

  private index(obj: KubeObject): void {
    const node = nodeNameOf(obj);
    if (!node && !obj.metadata.ownerReferences?.length) return;
    const key = indexKeyOf(obj);
    if (node) addTo(this.podsByNode, node, key, obj);
    const refs = obj.metadata.ownerReferences;
    if (refs) for (let i = 0; i < refs.length; i++) addTo(this.byOwner, refs[i]!.uid, key, obj);
  }

  private unindex(obj: KubeObject): void {
    const node = nodeNameOf(obj);
    if (!node && !obj.metadata.ownerReferences?.length) return;
    const key = indexKeyOf(obj);
    if (node) this.podsByNode.get(node)?.delete(key);
    const refs = obj.metadata.ownerReferences;
    if (refs) for (let i = 0; i < refs.length; i++) this.byOwner.get(refs[i]!.uid)?.delete(key);
  }
}

/** keyOf is an object's store key: `Kind/namespace/name` (namespace empty for cluster-scoped kinds). */
export function keyOf(obj: KubeObject): string {
  return `${obj.kind}/${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
}

/**
 * indexKeyOf is an object's key in the secondary indexes: its uid, one string shared by all its
 * versions, whose hash is worked out once, rather than a store key built afresh for every write.
 */
function indexKeyOf(obj: KubeObject): string {
  return obj.metadata.uid ?? keyOf(obj);
}

/** subscribe adds a watcher to a copy of its list and returns the function that removes it (once). */
function subscribe(lists: Map<string, readonly Watcher[]>, key: string, watcher: Watcher): () => void {
  // Like a Set: subscribing the same function twice keeps one entry.
  const list = lists.get(key) ?? [];
  if (!list.includes(watcher)) lists.set(key, [...list, watcher]);
  return () => {
    const list = lists.get(key) ?? [];
    const i = list.indexOf(watcher);
    if (i < 0) return;
    const next = [...list.slice(0, i), ...list.slice(i + 1)];
    if (next.length) lists.set(key, next);
    else lists.delete(key);
  };
}

/** sameIndexKeys tells whether two versions of an object sit under the same node and owners in the indexes. */
function sameIndexKeys(a: KubeObject, b: KubeObject): boolean {
  if (nodeNameOf(a) !== nodeNameOf(b)) return false;
  const ra = a.metadata.ownerReferences ?? NO_REFS;
  const rb = b.metadata.ownerReferences ?? NO_REFS;
  if (ra === rb) return true;
  if (ra.length !== rb.length) return false;
  for (let i = 0; i < ra.length; i++) if (ra[i]!.uid !== rb[i]!.uid) return false;
  return true;
}

const NO_REFS: readonly { uid: string }[] = [];

function nodeNameOf(obj: KubeObject): string | undefined {
  return obj.kind === 'Pod' ? (obj as { spec?: { nodeName?: string } }).spec?.nodeName : undefined;
}


function addTo(index: Map<string, Map<string, KubeObject>>, k: string, key: string, obj: KubeObject): void {
  let entries = index.get(k);
  if (!entries) index.set(k, (entries = new Map()));
  entries.set(key, obj);
}
