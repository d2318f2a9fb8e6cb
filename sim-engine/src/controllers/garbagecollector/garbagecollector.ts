/**
 * The garbage collector: deletes dependents whose owners are gone (background cascading),
 * holds an owner deleted in the foreground until its blocking dependents are gone, and
 * strips the ownerReferences of an owner deleted with `orphan` before letting it go. It
 * follows the real collector's attemptToDelete classification of each dependent's owners:
 * solid (alive), dangling (gone) and waiting (deleting its dependents in the foreground).
 *
 * Unlike the real collector, it only looks at a dependent when one of its owners is deleted
 * or being deleted: a reference to an owner this cluster never had (a DaemonSet, which this
 * API server doesn't serve, or a test's made-up ReplicaSet) is left alone.
 */
import type { KubeObject, OwnerReference } from '../../api/meta.ts';
import { RESOURCES, resourceForKind } from '../../api/resources.ts';
import type { ApiServer, DeleteOptions } from '../../apiserver/apiserver.ts';
import type { Timer } from '../../clock.ts';
import type { Component } from '../../component.ts';
import type { Store } from '../../store/store.ts';
import { WorkQueue } from '../../util/workqueue.ts';
import { tolerateRejection } from '../endpoints/pods.ts';
import type { ControllerDeps } from '../index.ts';

const NAME = 'generic-garbage-collector';

/** FOREGROUND is the finalizer of an owner waiting for its dependents to go. */
export const FOREGROUND = 'foregroundDeletion';
/** ORPHAN is the finalizer of an owner whose dependents are to be kept. */
export const ORPHAN = 'orphan';

/** GarbageCollector implements cascading deletion through ownerReferences. */
export class GarbageCollector implements Component {
  readonly name = NAME;
  private readonly queue = new WorkQueue();
  private readonly api: ApiServer;
  private readonly store: Store;

  constructor(deps: ControllerDeps) {
    this.api = deps.api;
    this.store = deps.store;
    // Events neither own nor are owned; watching them would only cost time.
    for (const r of RESOURCES) if (r.kind !== 'Event') this.store.watch(r.kind, (e) => this.observe(e.type, e.object));
  }

  processQueue(): boolean {
    let worked = false;
    for (let key = this.queue.take(); key !== undefined; key = this.queue.take()) {
      worked = true;
      const [what, kind, namespace, name] = key.split('|') as [string, string, string, string];
      const obj = this.api.tryGet(kind, namespace, name);
      if (!obj) continue;
      if (what === 'owner') this.processDeletingOwner(obj);
      else this.attemptToDelete(obj);
    }
    return worked;
  }

  onTimer(_action: Timer['action']): void {}

  snapshot(): unknown {
    return { queue: this.queue.snapshot() };
  }

  restore(s: unknown): void {
    this.queue.restore((s as { queue: string[] }).queue);
  }

  private observe(type: string, obj: KubeObject): void {
    if (type === 'DELETED') {
      // Its dependents may now be garbage, and an owner waiting on it may be free to go.
      for (const dep of this.dependents(obj.metadata.uid!)) this.queue.add(key('dependent', dep));
      for (const ref of obj.metadata.ownerReferences ?? []) {
        const owner = this.owner(obj, ref);
        if (owner && owner !== 'unknown' && owner.metadata.uid === ref.uid) this.queue.add(key('owner', owner));
      }
      return;
    }
    const f = obj.metadata.finalizers;
    if (obj.metadata.deletionTimestamp && (f?.includes(FOREGROUND) || f?.includes(ORPHAN))) this.queue.add(key('owner', obj));
  }

  /** processDeletingOwner handles an owner carrying the orphan or foregroundDeletion finalizer. */
  private processDeletingOwner(owner: KubeObject): void {
    if (!owner.metadata.deletionTimestamp) return;
    const uid = owner.metadata.uid!;
    const finalizers = owner.metadata.finalizers ?? [];
    if (finalizers.includes(ORPHAN)) {
      for (const dep of this.dependents(uid)) {
        const refs = (dep.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
        tolerateRejection(() => this.api.update({ ...dep, metadata: { ...dep.metadata, ownerReferences: refs.length ? refs : undefined } }, NAME));
      }
      tolerateRejection(() => this.api.removeFinalizer(owner.kind, owner.metadata.namespace ?? '', owner.metadata.name!, ORPHAN, NAME));
      return;
    }
    if (!finalizers.includes(FOREGROUND)) return;
    const blocking = this.dependents(uid).filter((d) => d.metadata.ownerReferences?.some((r) => r.uid === uid && r.blockOwnerDeletion));
    if (blocking.length === 0) {
      tolerateRejection(() => this.api.removeFinalizer(owner.kind, owner.metadata.namespace ?? '', owner.metadata.name!, FOREGROUND, NAME));
      return;
    }
    for (const dep of blocking) if (!deletingDependents(dep)) this.attemptToDelete(dep);
  }

  /** attemptToDelete is the collector's verdict on one dependent, from the state of its owners. */
  private attemptToDelete(dep: KubeObject): void {
    if (dep.metadata.deletionTimestamp) return;
    const refs = dep.metadata.ownerReferences ?? [];
    if (refs.length === 0) return;
    const solid: OwnerReference[] = [];
    const dangling: OwnerReference[] = [];
    const waiting: OwnerReference[] = [];
    for (const ref of refs) {
      const owner = this.owner(dep, ref);
      if (owner === 'unknown') solid.push(ref);
      else if (!owner || owner.metadata.uid !== ref.uid) dangling.push(ref);
      else if (deletingDependents(owner)) waiting.push(ref);
      else solid.push(ref);
    }
    const ns = dep.metadata.namespace ?? '';
    if (solid.length > 0) {
      // Still owned by someone alive: only the references to owners on their way out are dropped.
      if (dangling.length + waiting.length === 0) return;
      const gone = new Set([...dangling, ...waiting].map((r) => r.uid));
      const kept = refs.filter((r) => !gone.has(r.uid));
      tolerateRejection(() => this.api.update({ ...dep, metadata: { ...dep.metadata, ownerReferences: kept } }, NAME));
      return;
    }
    let policy: DeleteOptions['propagationPolicy'] = 'Background';
    if (waiting.length > 0 && this.dependents(dep.metadata.uid!).length > 0) policy = 'Foreground';
    else if (dep.metadata.finalizers?.includes(ORPHAN)) policy = 'Orphan';
    else if (dep.metadata.finalizers?.includes(FOREGROUND)) policy = 'Foreground';
    tolerateRejection(() => this.api.delete(dep.kind, ns, dep.metadata.name!, NAME, { propagationPolicy: policy }));
  }

  /** owner finds what a reference points at: the object, undefined when gone, 'unknown' for a kind this server doesn't serve. */
  private owner(dep: KubeObject, ref: OwnerReference): KubeObject | undefined | 'unknown' {
    const r = resourceForKind(ref.kind);
    if (!r) return 'unknown';
    return this.store.get(ref.kind, r.namespaced ? (dep.metadata.namespace ?? '') : '', ref.name);
  }

  /** dependents lists the objects referring to `uid`, in a stable order (the owner index is a set). */
  private dependents(uid: string): KubeObject[] {
    return this.store.dependentsOf(uid).sort((a, b) => compareKey(key('', a), key('', b)));
  }
}

function deletingDependents(obj: KubeObject): boolean {
  return !!obj.metadata.deletionTimestamp && !!obj.metadata.finalizers?.includes(FOREGROUND);
}

function key(what: string, obj: KubeObject): string {
  return `${what}|${obj.kind}|${obj.metadata.namespace ?? ''}|${obj.metadata.name}`;
}

function compareKey(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
