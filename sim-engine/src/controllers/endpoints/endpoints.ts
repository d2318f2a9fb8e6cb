/**
 * The Endpoints controller: for every Service with a selector it keeps a core/v1 Endpoints
 * object of the same name listing the selected pods, Ready ones under `addresses` and the
 * rest under `notReadyAddresses`; terminating and finished pods are left out. It writes only
 * when the result differs from what is stored, and deletes the object with its Service.
 */
import type { Endpoints } from '../../api/endpoints.ts';
import type { Node } from '../../api/node.ts';
import type { Pod } from '../../api/pod.ts';
import type { Service } from '../../api/service.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import type { Timer } from '../../clock.ts';
import type { Component } from '../../component.ts';
import { WorkQueue } from '../../util/workqueue.ts';
import type { ControllerDeps } from '../index.ts';
import { AddressBook } from './address-book.ts';
import { isControlPlane, KUBERNETES_SERVICE, reconcileKubernetesEndpoints } from './apiserver-endpoints.ts';
import { managesEndpoints, sameEndpointFields, sameJSON, tolerateRejection } from './pods.ts';
import { ServiceSelection, type SelectionChange } from './selection.ts';
import { desiredSubsets, OVER_CAPACITY_ANNOTATION, truncateSubsets } from './subsets.ts';

const NAME = 'endpoint-controller';

/** HEADLESS_LABEL marks the endpoints of a Service whose clusterIP is None. */
export const HEADLESS_LABEL = 'service.kubernetes.io/headless';

/** EndpointsController keeps each selector Service's Endpoints object current. */
export class EndpointsController implements Component {
  readonly name = NAME;
  private readonly queue = new WorkQueue();
  private readonly api: ApiServer;
  private readonly selection: ServiceSelection;
  // Derived from the store like the selection, and forgotten with it.
  private readonly books = new Map<string, AddressBook>();

  constructor(deps: ControllerDeps) {
    this.api = deps.api;
    this.selection = new ServiceSelection(deps.api);
    const store = deps.store;
    store.watch('Service', (e) => {
      const key = keyOf(e.object.metadata.namespace, e.object.metadata.name);
      this.selection.serviceChanged(e);
      this.books.delete(key);
      this.queue.add(key);
    });
    store.watch('Pod', (e) => {
      const pod = e.object as Pod;
      const old = e.old as Pod | undefined;
      if (e.type === 'MODIFIED' && sameEndpointFields(old, pod)) return;
      for (const key of this.selection.podChanged(pod, old)) this.queue.add(key);
    });
    // A deleted Endpoints object is put back; one written by hand for a Service yet to come is left alone.
    store.watch('Endpoints', (e) => {
      const key = keyOf(e.object.metadata.namespace, e.object.metadata.name);
      if (e.type === 'DELETED' || key === KUBERNETES_KEY) this.queue.add(key);
    });
    store.watch('EndpointSlice', (e) => {
      if (e.object.metadata.namespace === KUBERNETES_SERVICE.namespace && e.object.metadata.name === KUBERNETES_SERVICE.name) this.queue.add(KUBERNETES_KEY);
    });
    store.watch('Node', (e) => {
      const node = e.object as Node;
      const old = e.old as Node | undefined;
      if (!isControlPlane(node) && !(old && isControlPlane(old))) return;
      if (e.type !== 'MODIFIED' || !sameJSON(old?.status?.addresses, node.status?.addresses) || isControlPlane(node) !== isControlPlane(old!)) this.queue.add(KUBERNETES_KEY);
    });
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
    this.selection.reset();
    this.books.clear();
  }

  private forget(key: string): void {
    this.selection.forget(key);
    this.books.delete(key);
  }

  /** bookFor brings the Service's address book up to date with what changed among its pods. */
  private bookFor(svc: Service, change: SelectionChange): AddressBook {
    const key = keyOf(svc.metadata.namespace, svc.metadata.name);
    let book = this.books.get(key);
    if (!book || change.full) {
      book = new AddressBook();
      this.books.set(key, book);
      for (const [name, pod] of change.selected) book.update(svc, name, pod);
      return book;
    }
    for (const name of change.changed) book.update(svc, name, change.selected.get(name));
    return book;
  }

  private sync(key: string): void {
    const [namespace, name] = key.split('/') as [string, string];
    const svc = this.api.tryGet<Service>('Service', namespace, name);
    const current = this.api.tryGet<Endpoints>('Endpoints', namespace, name);
    if (key === KUBERNETES_KEY && (!svc || !managesEndpoints(svc))) {
      // The API server, not this controller, publishes where it listens.
      reconcileKubernetesEndpoints(this.api);
      return;
    }
    if (!svc) {
      this.forget(key);
      if (current) tolerateRejection(() => this.api.delete('Endpoints', namespace, name, NAME));
      return;
    }
    // Without a selector the Endpoints are the user's to write.
    if (!managesEndpoints(svc)) return;
    const labels = endpointsLabels(svc);
    const book = this.bookFor(svc, this.selection.sync(svc));
    const all = desiredSubsets(svc, book.sorted, book.commonPorts);
    const truncated = truncateSubsets(all);
    const subsets = truncated ?? all;
    const annotations = withOverCapacity(current?.metadata.annotations, truncated !== undefined);
    if (current && sameJSON(current.subsets ?? [], subsets) && sameJSON(current.metadata.labels ?? {}, labels ?? {}) && sameJSON(current.metadata.annotations, annotations)) return;
    const body = { ...(subsets.length ? { subsets } : {}) };
    if (!current) {
      const metadata = { name, namespace, ...(labels ? { labels } : {}), ...(annotations ? { annotations } : {}) };
      tolerateRejection(() => this.api.create<Endpoints>({ apiVersion: 'v1', kind: 'Endpoints', metadata, ...body }, NAME));
      return;
    }
    const { subsets: _old, ...rest } = current;
    tolerateRejection(() => this.api.update<Endpoints>({ ...rest, metadata: { ...current.metadata, labels, annotations }, ...body }, NAME));
  }
}

const KUBERNETES_KEY = keyOf(KUBERNETES_SERVICE.namespace, KUBERNETES_SERVICE.name);

function keyOf(namespace: string | undefined, name: string | undefined): string {
  return `${namespace ?? ''}/${name ?? ''}`;
}

/** endpointsLabels are the Service's labels, plus the headless marker when it has no ClusterIP. */
export function endpointsLabels(svc: Service): Record<string, string> | undefined {
  const labels: Record<string, string> = { ...svc.metadata.labels };
  if (svc.spec.clusterIP === 'None') labels[HEADLESS_LABEL] = '';
  return Object.keys(labels).length ? labels : undefined;
}

/** withOverCapacity sets or clears the over-capacity annotation, leaving the others as they are. */
function withOverCapacity(annotations: Record<string, string> | undefined, over: boolean): Record<string, string> | undefined {
  if (over) return annotations?.[OVER_CAPACITY_ANNOTATION] === 'truncated' ? annotations : { ...annotations, [OVER_CAPACITY_ANNOTATION]: 'truncated' };
  if (!annotations || !(OVER_CAPACITY_ANNOTATION in annotations)) return annotations;
  const { [OVER_CAPACITY_ANNOTATION]: _dropped, ...rest } = annotations;
  return Object.keys(rest).length ? rest : undefined;
}
