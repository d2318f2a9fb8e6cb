/**
 * The namespace controller: once a Namespace is deleted (the API server has marked it
 * Terminating), it deletes everything in it, reports progress in the namespace's status
 * conditions, and when nothing is left removes the `kubernetes` spec finalizer so the
 * namespace goes. Pods take their grace period, so a namespace with running pods stays
 * Terminating for a while, and one with a pod on a dead node stays until the node is back.
 */
import type { KubeObject } from '../../api/meta.ts';
import type { Namespace } from '../../api/namespace.ts';
import { RESOURCES, type ResourceInfo } from '../../api/resources.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import type { Clock, Timer } from '../../clock.ts';
import type { Component } from '../../component.ts';
import type { Store } from '../../store/store.ts';
import { rfc3339 } from '../../util/time.ts';
import { WorkQueue } from '../../util/workqueue.ts';
import { sameJSON, tolerateRejection } from '../endpoints/pods.ts';
import type { ControllerDeps } from '../index.ts';

const NAME = 'namespace-controller';

/** NAMESPACE_FINALIZER is the spec finalizer the namespace controller removes when a namespace is empty. */
export const NAMESPACE_FINALIZER = 'kubernetes';

/** NamespaceCondition is one entry of a terminating namespace's status.conditions. */
export interface NamespaceCondition {
  type: string;
  status: 'True' | 'False';
  lastTransitionTime: string;
  reason: string;
  message: string;
}

type TerminatingNamespace = Namespace & { status?: { phase?: string; conditions?: NamespaceCondition[] } };

/** The condition types in the order the controller writes them, with their all-clear reason and message. */
const OKAY: readonly [string, string, string][] = [
  ['NamespaceDeletionDiscoveryFailure', 'ResourcesDiscovered', 'All resources successfully discovered'],
  ['NamespaceDeletionGroupVersionParsingFailure', 'ParsedGroupVersions', 'All legacy kube types successfully parsed'],
  ['NamespaceDeletionContentFailure', 'ContentDeleted', 'All content successfully deleted, may be waiting on finalization'],
  ['NamespaceContentRemaining', 'ContentRemoved', 'All content successfully removed'],
  ['NamespaceFinalizersRemaining', 'ContentHasNoFinalizers', 'All content-preserving finalizers finished'],
];

/** NamespaceController empties and finalizes deleted namespaces. */
export class NamespaceController implements Component {
  readonly name = NAME;
  private readonly queue = new WorkQueue();
  private readonly api: ApiServer;
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(deps: ControllerDeps) {
    this.api = deps.api;
    this.store = deps.store;
    this.clock = deps.clock;
    this.store.watch('Namespace', (e) => {
      if (e.type !== 'DELETED' && e.object.metadata.deletionTimestamp) this.queue.add(e.object.metadata.name!);
    });
    // Whatever changes inside a terminating namespace may be what it was waiting for.
    for (const r of namespacedKinds()) {
      this.store.watch(r.kind, (e) => {
        const ns = e.object.metadata.namespace;
        if (ns && this.store.get('Namespace', '', ns)?.metadata.deletionTimestamp) this.queue.add(ns);
      });
    }
  }

  processQueue(): boolean {
    let worked = false;
    for (let key = this.queue.take(); key !== undefined; key = this.queue.take()) {
      worked = true;
      this.sync(key);
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

  private sync(name: string): void {
    const ns = this.api.tryGet<TerminatingNamespace>('Namespace', '', name);
    if (!ns?.metadata.deletionTimestamp) return;
    if (ns.spec?.finalizers?.includes(NAMESPACE_FINALIZER)) {
      for (const r of namespacedKinds()) {
        for (const obj of this.api.list(r.kind, name)) {
          if (!obj.metadata.deletionTimestamp) tolerateRejection(() => this.api.delete(r.kind, name, obj.metadata.name!, NAME));
        }
      }
      const left = this.remaining(name);
      this.report(ns, left);
      if (left.objects.size > 0) return;
      tolerateRejection(() => this.api.finalizeNamespace(name, NAMESPACE_FINALIZER, NAME));
    }
    // Finalized: a last delete lets the API server remove it.
    if (!this.api.tryGet<Namespace>('Namespace', '', name)?.spec?.finalizers?.length) tolerateRejection(() => this.api.delete('Namespace', '', name, NAME));
  }

  /** remaining counts what is still in the namespace, per resource and per finalizer. */
  private remaining(namespace: string): { objects: Map<string, number>; finalizers: Map<string, number> } {
    const objects = new Map<string, number>();
    const finalizers = new Map<string, number>();
    for (const r of namespacedKinds()) {
      const items: KubeObject[] = this.api.list(r.kind, namespace);
      if (items.length) objects.set(`${r.plural}.${r.group}`, items.length);
      for (const obj of items) for (const f of obj.metadata.finalizers ?? []) finalizers.set(f, (finalizers.get(f) ?? 0) + 1);
    }
    return { objects, finalizers };
  }

  /** report writes the deletion conditions when they changed, keeping each one's transition time until its status does. */
  private report(ns: TerminatingNamespace, left: { objects: Map<string, number>; finalizers: Map<string, number> }): void {
    const now = rfc3339(this.clock.now());
    const list = (m: Map<string, number>, word: string) =>
      [...m]
        .map(([what, n]) => `${what} ${word} ${n} resource instances`)
        .sort()
        .join(', ');
    const conditions = OKAY.map(([type, reason, message]): NamespaceCondition => {
      if (type === 'NamespaceContentRemaining' && left.objects.size) {
        return { type, status: 'True', lastTransitionTime: now, reason: 'SomeResourcesRemain', message: `Some resources are remaining: ${list(left.objects, 'has')}` };
      }
      if (type === 'NamespaceFinalizersRemaining' && left.finalizers.size) {
        const message = `Some content in the namespace has finalizers remaining: ${list(left.finalizers, 'in')}`;
        return { type, status: 'True', lastTransitionTime: now, reason: 'SomeFinalizersRemain', message };
      }
      return { type, status: 'False', lastTransitionTime: now, reason, message };
    }).map((c) => {
      const before = ns.status?.conditions?.find((o) => o.type === c.type);
      return before && before.status === c.status ? { ...c, lastTransitionTime: before.lastTransitionTime } : c;
    });
    if (sameJSON(ns.status?.conditions, conditions)) return;
    tolerateRejection(() => this.api.updateStatus<TerminatingNamespace>({ ...ns, status: { ...ns.status, conditions } }, NAME));
  }
}

/** namespacedKinds lists what lives in namespaces, workload controllers first so they don't replace what is being deleted. */
function namespacedKinds(): ResourceInfo[] {
  const kinds = RESOURCES.filter((r) => r.namespaced);
  return [...kinds.filter((r) => r.group === 'apps'), ...kinds.filter((r) => r.group !== 'apps')];
}
