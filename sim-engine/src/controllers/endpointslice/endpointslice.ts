/**
 * The EndpointSlice controller: for every Service with a selector it keeps EndpointSlices
 * named `<service>-<5 random>` (the API server's generateName) that list the selected pods,
 * terminating ones included with `terminating: true, ready: false`. Pods whose ports resolve
 * differently (a named targetPort) go into separate slices, one per port set; a Service with
 * no endpoints keeps one empty placeholder slice. Slices are owned by their Service, so the
 * garbage collector removes them with it. Existing slices are updated in place (and recycled
 * for new port sets) rather than replaced, and nothing is written when nothing changed.
 */
import type { EndpointSlice } from '../../api/endpoints.ts';
import type { Pod } from '../../api/pod.ts';
import type { Service } from '../../api/service.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import type { Timer } from '../../clock.ts';
import type { Component } from '../../component.ts';
import { WorkQueue } from '../../util/workqueue.ts';
import { HEADLESS_LABEL } from '../endpoints/endpoints.ts';
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
} from '../endpoints/pods.ts';
import type { ControllerDeps } from '../index.ts';

const NAME = 'endpointslice-controller';

/** MANAGED_BY is the managed-by label value of the slices this controller owns. */
export const MANAGED_BY = 'endpointslice-controller.k8s.io';
/** SERVICE_NAME_LABEL names the Service a slice belongs to. */
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
/** MANAGED_BY_LABEL names the controller that writes a slice. */
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';

type SlicePort = { name: string; port: number; protocol: string };
type SliceEndpoint = NonNullable<EndpointSlice['endpoints']>[number];
/** The slice fields this controller sets; null is what the API serves for a placeholder's empty lists. */
interface SliceBody {
  ports: SlicePort[] | null;
  endpoints: SliceEndpoint[] | null;
}

/** EndpointSliceController keeps each selector Service's EndpointSlices current. */
export class EndpointSliceController implements Component {
  readonly name = NAME;
  private readonly queue = new WorkQueue();
  private readonly api: ApiServer;

  constructor(deps: ControllerDeps) {
    this.api = deps.api;
    const store = deps.store;
    store.watch('Service', (e) => this.queue.add(`${e.object.metadata.namespace}/${e.object.metadata.name}`));
    store.watch('Pod', (e) => {
      const pod = e.object as Pod;
      const old = e.old as Pod | undefined;
      if (e.type === 'MODIFIED' && sameEndpointFields(old, pod)) return;
      for (const svc of servicesFor(this.api, pod, old)) this.queue.add(`${svc.metadata.namespace}/${svc.metadata.name}`);
    });
    store.watch('EndpointSlice', (e) => {
      const labels = e.object.metadata.labels;
      if (labels?.[MANAGED_BY_LABEL] === MANAGED_BY && labels[SERVICE_NAME_LABEL]) this.queue.add(`${e.object.metadata.namespace}/${labels[SERVICE_NAME_LABEL]}`);
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
    // A deleted Service's slices go with it through their ownerReferences; one without a
    // selector gets its slices from elsewhere.
    if (!svc || svc.metadata.deletionTimestamp || !managesEndpoints(svc)) return;
    const labels = sliceLabels(svc);
    const desired = desiredSlices(svc, selectedPods(this.api, svc));
    const existing = this.api
      .list<EndpointSlice>('EndpointSlice', namespace)
      .filter((s) => s.metadata.labels?.[SERVICE_NAME_LABEL] === name && s.metadata.labels?.[MANAGED_BY_LABEL] === MANAGED_BY)
      .filter((s) => s.metadata.ownerReferences?.some((r) => r.uid === svc.metadata.uid));
    const unmatched = [...existing];
    const toCreate: SliceBody[] = [];
    for (const body of desired) {
      const i = unmatched.findIndex((s) => sameJSON(s.ports ?? null, body.ports));
      if (i < 0) {
        toCreate.push(body);
        continue;
      }
      const [slice] = unmatched.splice(i, 1);
      this.write(slice!, body, labels);
    }
    // Slices no longer needed are reused for new port sets before any is created or deleted.
    for (const body of toCreate) {
      const recycled = unmatched.shift();
      if (recycled) this.write(recycled, body, labels);
      else this.create(svc, body, labels);
    }
    for (const slice of unmatched) tolerateRejection(() => this.api.delete('EndpointSlice', namespace, slice.metadata.name!, NAME));
  }

  private write(slice: EndpointSlice, body: SliceBody, labels: Record<string, string>): void {
    const current: SliceBody = { ports: (slice.ports ?? null) as SlicePort[] | null, endpoints: slice.endpoints ?? null };
    if (sameJSON(current, body) && sameJSON(slice.metadata.labels, labels)) return;
    const next = { ...slice, metadata: { ...slice.metadata, labels }, ...body } as unknown as EndpointSlice;
    tolerateRejection(() => this.api.update<EndpointSlice>(next, NAME));
  }

  private create(svc: Service, body: SliceBody, labels: Record<string, string>): void {
    const slice = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        generateName: slicePrefix(svc.metadata.name!),
        namespace: svc.metadata.namespace,
        labels,
        ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: svc.metadata.name!, uid: svc.metadata.uid!, controller: true, blockOwnerDeletion: true }],
      },
      addressType: 'IPv4',
      ...body,
    } as unknown as EndpointSlice;
    tolerateRejection(() => this.api.create<EndpointSlice>(slice, NAME));
  }
}

/** slicePrefix is getEndpointSlicePrefix: `<service>-`, or `slice-` when that would not make a valid name. */
function slicePrefix(service: string): string {
  const prefix = `${service}-`;
  return /^[a-z0-9]([-a-z0-9]*)?$/.test(prefix) && prefix.length <= 253 ? prefix : 'slice-';
}

/** sliceLabels are the Service's labels (minus the two the controller owns) plus service-name and managed-by. */
export function sliceLabels(svc: Service): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(svc.metadata.labels ?? {})) if (k !== SERVICE_NAME_LABEL && k !== MANAGED_BY_LABEL) labels[k] = v;
  labels[MANAGED_BY_LABEL] = MANAGED_BY;
  labels[SERVICE_NAME_LABEL] = svc.metadata.name!;
  if (svc.spec.clusterIP === 'None') labels[HEADLESS_LABEL] = '';
  return labels;
}

/** desiredSlices groups the Service's endpoints by the ports they resolve to; with none, one placeholder slice. */
export function desiredSlices(svc: Service, pods: Pod[]): SliceBody[] {
  const groups = new Map<string, SliceBody>();
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const ports: SlicePort[] = [];
    for (const sp of svc.spec.ports ?? []) {
      const port = resolveTargetPort(pod, sp);
      if (port !== undefined) ports.push({ name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP' });
    }
    const k = JSON.stringify(ports);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { ports, endpoints: [] }));
    g.endpoints!.push(toEndpoint(pod));
  }
  return groups.size ? [...groups.values()] : [{ ports: null, endpoints: null }];
}

/** toEndpoint is podToEndpoint: serving follows readiness, ready is never true while terminating. */
function toEndpoint(pod: Pod): SliceEndpoint {
  const serving = isPodReady(pod);
  const terminating = pod.metadata.deletionTimestamp !== undefined;
  return {
    addresses: [pod.status!.podIP!],
    conditions: { ready: serving && !terminating, serving, terminating },
    ...(pod.spec.nodeName ? { nodeName: pod.spec.nodeName } : {}),
    targetRef: podRef(pod),
  };
}
