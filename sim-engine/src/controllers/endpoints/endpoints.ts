/**
 * The Endpoints controller: for every Service with a selector it keeps a core/v1 Endpoints
 * object of the same name listing the selected pods, Ready ones under `addresses` and the
 * rest under `notReadyAddresses`; terminating and finished pods are left out. It writes only
 * when the result differs from what is stored, and deletes the object with its Service.
 */
import type { EndpointAddress, Endpoints } from '../../api/endpoints.ts';
import type { Node } from '../../api/node.ts';
import type { Pod } from '../../api/pod.ts';
import type { Service } from '../../api/service.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import type { Timer } from '../../clock.ts';
import type { Component } from '../../component.ts';
import { WorkQueue } from '../../util/workqueue.ts';
import type { ControllerDeps } from '../index.ts';
import { isControlPlane, KUBERNETES_SERVICE, reconcileKubernetesEndpoints } from './apiserver-endpoints.ts';
import {
  sameEndpointFields,
  isPodReady,
  managesEndpoints,
  podRef,
  resolveTargetPort,
  sameJSON,
  selectedPods,
  servicesFor,
  shouldPodBeInEndpoints,
  tolerateRejection,
} from './pods.ts';

const NAME = 'endpoint-controller';

/** HEADLESS_LABEL marks the endpoints of a Service whose clusterIP is None. */
export const HEADLESS_LABEL = 'service.kubernetes.io/headless';

type Subset = NonNullable<Endpoints['subsets']>[number];
type EndpointPort = NonNullable<Subset['ports']>[number];

/** EndpointsController keeps each selector Service's Endpoints object current. */
export class EndpointsController implements Component {
  readonly name = NAME;
  private readonly queue = new WorkQueue();
  private readonly api: ApiServer;

  constructor(deps: ControllerDeps) {
    this.api = deps.api;
    const store = deps.store;
    store.watch('Service', (e) => this.queue.add(keyOf(e.object.metadata.namespace, e.object.metadata.name)));
    store.watch('Pod', (e) => {
      const pod = e.object as Pod;
      const old = e.old as Pod | undefined;
      if (e.type === 'MODIFIED' && sameEndpointFields(old, pod)) return;
      for (const svc of servicesFor(this.api, pod, old)) this.queue.add(keyOf(svc.metadata.namespace, svc.metadata.name));
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
      if (current) tolerateRejection(() => this.api.delete('Endpoints', namespace, name, NAME));
      return;
    }
    // Without a selector the Endpoints are the user's to write.
    if (!managesEndpoints(svc)) return;
    const labels = endpointsLabels(svc);
    const subsets = desiredSubsets(svc, selectedPods(this.api, svc));
    if (current && sameJSON(current.subsets ?? [], subsets) && sameJSON(current.metadata.labels ?? {}, labels ?? {})) return;
    const body = { ...(subsets.length ? { subsets } : {}) };
    if (!current) {
      tolerateRejection(() =>
        this.api.create<Endpoints>({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name, namespace, ...(labels ? { labels } : {}) }, ...body }, NAME),
      );
      return;
    }
    const { subsets: _old, ...rest } = current;
    tolerateRejection(() => this.api.update<Endpoints>({ ...rest, metadata: { ...current.metadata, labels }, ...body }, NAME));
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

/**
 * desiredSubsets is the controller's subsets after endpoints.RepackSubsets: every
 * (pod, resolvable Service port) pair, regrouped so that ports offered by the same set of
 * addresses share a subset. Addresses sort by IP then uid, as the real repacking does.
 */
export function desiredSubsets(svc: Service, pods: Pod[]): Subset[] {
  const byPort = new Map<string, { port: EndpointPort; addrs: Map<string, { addr: EndpointAddress; ready: boolean }> }>();
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, false)) continue;
    const addr: EndpointAddress = { ip: pod.status!.podIP!, ...(pod.spec.nodeName ? { nodeName: pod.spec.nodeName } : {}), targetRef: podRef(pod) };
    const ready = isPodReady(pod);
    for (const sp of svc.spec.ports ?? []) {
      const port = resolveTargetPort(pod, sp);
      if (port === undefined) continue;
      const ep: EndpointPort = { ...(sp.name ? { name: sp.name } : {}), port, protocol: sp.protocol ?? 'TCP' };
      const k = `${ep.name ?? ''}|${port}|${ep.protocol}`;
      let entry = byPort.get(k);
      if (!entry) byPort.set(k, (entry = { port: ep, addrs: new Map() }));
      entry.addrs.set(`${addr.ip}|${pod.metadata.uid}`, { addr, ready });
    }
  }
  const groups = new Map<string, { ports: EndpointPort[]; addrs: { addr: EndpointAddress; ready: boolean }[] }>();
  for (const { port, addrs } of byPort.values()) {
    const list = [...addrs.values()].sort((a, b) => compareAddress(a.addr, b.addr));
    const sig = list.map((a) => `${a.addr.ip}|${a.addr.targetRef?.uid}|${a.ready}`).join(',');
    let g = groups.get(sig);
    if (!g) groups.set(sig, (g = { ports: [], addrs: list }));
    g.ports.push(port);
  }
  const subsets = [...groups.values()].map((g) => {
    const addresses = g.addrs.filter((a) => a.ready).map((a) => a.addr);
    const notReadyAddresses = g.addrs.filter((a) => !a.ready).map((a) => a.addr);
    const ports = g.ports.sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '') || a.port - b.port);
    return { ...(addresses.length ? { addresses } : {}), ...(notReadyAddresses.length ? { notReadyAddresses } : {}), ports };
  });
  return subsets.sort((a, b) => compareAddress(firstAddress(a), firstAddress(b)));
}

function firstAddress(s: Subset): EndpointAddress {
  return s.addresses?.[0] ?? s.notReadyAddresses?.[0] ?? { ip: '' };
}

function compareAddress(a: EndpointAddress, b: EndpointAddress): number {
  // Byte order of the IP strings, as Go's bytes.Compare sees them.
  if (a.ip !== b.ip) return a.ip < b.ip ? -1 : 1;
  const ua = a.targetRef?.uid ?? '';
  const ub = b.targetRef?.uid ?? '';
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}
