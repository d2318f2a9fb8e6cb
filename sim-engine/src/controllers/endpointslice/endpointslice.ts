/**
 * The EndpointSlice controller: for every Service with a selector it keeps EndpointSlices
 * named `<service>-<5 random>` (the API server's generateName), at most 100 endpoints each,
 * that list the selected pods, terminating ones included with `terminating: true, ready:
 * false`. Pods whose ports resolve differently (a named targetPort) go into separate slices,
 * one set of ports per slice; a Service with no endpoints keeps one empty placeholder slice.
 * Slices are owned by their Service, so the garbage collector removes them with it. The
 * reconciler (reconciler.ts) decides what to write; this file keeps what it needs from watch
 * events: which pods changed, the endpoint each selected pod wants, and which slice lists it.
 */
import type { EndpointSlice } from '../../api/endpoints.ts';
import type { Pod } from '../../api/pod.ts';
import type { Service } from '../../api/service.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import type { Timer } from '../../clock.ts';
import type { Component } from '../../component.ts';
import type { Store, WatchEvent } from '../../store/store.ts';
import { jsonEqual } from '../../util/json-equal.ts';
import { freezeOwned } from '../../util/stored.ts';
import { WorkQueue } from '../../util/workqueue.ts';
import { HEADLESS_LABEL } from '../endpoints/endpoints.ts';
import { isPodReady, managesEndpoints, podRef, resolveTargetPort, sameEndpointFields, shouldPodBeInEndpoints, tolerateRejection } from '../endpoints/pods.ts';
import { ServiceSelection, serviceKey } from '../endpoints/selection.ts';
import type { ControllerDeps } from '../index.ts';
import { plan, podOf, portsKeyOf, type DesiredEndpoint, type PortGroup, type SliceBody, type SliceEndpoint, type SlicePort } from './reconciler.ts';

const NAME = 'endpointslice-controller';

/** MANAGED_BY is the managed-by label value of the slices this controller owns. */
export const MANAGED_BY = 'endpointslice-controller.k8s.io';
/** SERVICE_NAME_LABEL names the Service a slice belongs to. */
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
/** MANAGED_BY_LABEL names the controller that writes a slice. */
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';

/** ServiceEndpoints is what the controller wants in a Service's slices: an endpoint per pod, and how many per set of ports. */
interface ServiceEndpoints {
  desired: Map<string, DesiredEndpoint>;
  groups: Map<string, PortGroup>;
}

/** EndpointSliceController keeps each selector Service's EndpointSlices current. */
export class EndpointSliceController implements Component {
  readonly name = NAME;
  private readonly queue = new WorkQueue();
  private readonly api: ApiServer;
  private readonly store: Store;
  private readonly selection: ServiceSelection;
  // Derived from the store, like an informer's cache: forgotten on restore and rebuilt.
  private readonly wanted = new Map<string, ServiceEndpoints>();
  /** Per Service, the slice that lists each pod; kept from the slices' watch events. */
  private readonly sliceOf = new Map<string, Map<string, string>>();
  /** Per Service, pods whose slice someone else rewrote or deleted: looked at again in the next sync. */
  private readonly disturbed = new Map<string, Set<string>>();
  private writing = false;

  constructor(deps: ControllerDeps) {
    this.api = deps.api;
    this.store = deps.store;
    this.selection = new ServiceSelection(deps.api);
    deps.store.watch('Service', (e) => {
      const key = serviceKey(e.object);
      this.selection.serviceChanged(e);
      this.wanted.delete(key);
      this.queue.add(key);
    });
    deps.store.watch('Pod', (e) => {
      const pod = e.object as Pod;
      const old = e.old as Pod | undefined;
      if (e.type === 'MODIFIED' && sameEndpointFields(old, pod)) return;
      for (const key of this.selection.podChanged(pod, old)) this.queue.add(key);
    });
    deps.store.watch('EndpointSlice', (e) => this.onSlice(e));
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
    this.wanted.clear();
    this.disturbed.clear();
    this.sliceOf.clear();
    for (const slice of this.store.list('EndpointSlice') as EndpointSlice[]) this.index(slice, undefined);
  }

  private onSlice(e: WatchEvent): void {
    const slice = e.object as EndpointSlice;
    const key = managedKey(slice);
    if (!key) return;
    this.index(e.type === 'DELETED' ? undefined : slice, e.old as EndpointSlice | undefined);
    // Someone else's change: the pods the slice listed, before and after, are looked at again.
    if (!this.writing) {
      let pods = this.disturbed.get(key);
      if (!pods) this.disturbed.set(key, (pods = new Set()));
      for (const ep of [...((e.old as EndpointSlice | undefined)?.endpoints ?? []), ...(slice.endpoints ?? [])]) pods.add(podOf(ep));
    }
    this.queue.add(key);
  }

  /** index points each pod a slice lists at the slice, and forgets the pods its old version listed. */
  private index(slice: EndpointSlice | undefined, old: EndpointSlice | undefined): void {
    const any = slice ?? old!;
    const key = managedKey(any);
    if (!key) return;
    let byPod = this.sliceOf.get(key);
    if (!byPod) this.sliceOf.set(key, (byPod = new Map()));
    const name = any.metadata.name!;
    const before = old?.endpoints ?? [];
    const after = slice?.endpoints ?? [];
    // Most writes change one endpoint in place or add a few at the end: positions holding the
    // very same endpoint need nothing. Forget first, then point, so a pod that moved stays.
    const length = Math.max(before.length, after.length);
    for (let i = 0; i < length; i++) {
      const ep = before[i];
      if (ep && ep !== after[i] && byPod.get(podOf(ep)) === name) byPod.delete(podOf(ep));
    }
    for (let i = 0; i < length; i++) {
      const ep = after[i];
      if (ep && ep !== before[i]) byPod.set(podOf(ep), name);
    }
  }

  private sync(key: string): void {
    const [namespace, name] = key.split('/') as [string, string];
    const svc = this.api.tryGet<Service>('Service', namespace, name);
    // A deleted Service's slices go with it through their ownerReferences; one without a
    // selector gets its slices from elsewhere.
    if (!svc || svc.metadata.deletionTimestamp || !managesEndpoints(svc)) {
      this.selection.forget(key);
      this.wanted.delete(key);
      this.disturbed.delete(key);
      return;
    }
    const selection = this.selection.sync(svc);
    const slices = (this.api.list<EndpointSlice>('EndpointSlice', namespace) as EndpointSlice[]).filter(
      (s) => managedKey(s) === key && s.metadata.ownerReferences?.some((r) => r.uid === svc.metadata.uid),
    );
    let wanted = this.wanted.get(key);
    const full = !wanted || selection.full;
    const changed = new Set(selection.changed);
    for (const pod of this.disturbed.get(key) ?? []) changed.add(pod);
    this.disturbed.delete(key);
    if (full) {
      wanted = { desired: new Map(), groups: new Map() };
      this.wanted.set(key, wanted);
      for (const pod of selection.selected.keys()) changed.add(pod);
      for (const s of slices) for (const ep of s.endpoints ?? []) changed.add(podOf(ep));
    }
    for (const pod of changed) setDesired(wanted!, svc, pod, selection.selected.get(pod));
    const byPod = this.sliceOf.get(key);
    const touched = new Set<string>();
    if (full) for (const s of slices) touched.add(s.metadata.name!);
    else for (const pod of changed) if (byPod?.has(pod)) touched.add(byPod.get(pod)!);
    const writes = plan({ slices, desired: wanted!.desired, groups: wanted!.groups, changed, touched, labels: sliceLabels(svc) });
    this.writing = true;
    try {
      let ok = true;
      for (const body of writes.create) ok = this.create(svc, body, sliceLabels(svc)) && ok;
      for (const u of writes.update) ok = this.update(slices.find((s) => s.metadata.name === u.name)!, u.body, u.labels) && ok;
      for (const slice of writes.delete) ok = tolerateRejection(() => this.api.delete('EndpointSlice', namespace, slice, NAME)) && ok;
      // A refused write leaves the slices other than planned: start over next time.
      if (!ok) this.wanted.delete(key);
    } finally {
      this.writing = false;
    }
  }

  private update(slice: EndpointSlice, body: SliceBody, labels: Record<string, string>): boolean {
    const next = { ...slice, metadata: { ...slice.metadata, labels }, ...body } as unknown as EndpointSlice;
    return tolerateRejection(() => this.api.update<EndpointSlice>(next, NAME));
  }

  private create(svc: Service, body: SliceBody, labels: Record<string, string>): boolean {
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
    return tolerateRejection(() => this.api.create<EndpointSlice>(slice, NAME));
  }
}

/** managedKey is the key of the Service a slice this controller manages belongs to (undefined for others' slices). */
function managedKey(slice: EndpointSlice): string | undefined {
  const labels = slice.metadata.labels;
  if (labels?.[MANAGED_BY_LABEL] !== MANAGED_BY || !labels[SERVICE_NAME_LABEL]) return undefined;
  return `${slice.metadata.namespace ?? ''}/${labels[SERVICE_NAME_LABEL]}`;
}

/** setDesired records the endpoint a pod wants now (none when `pod` is undefined or may not carry traffic). */
function setDesired(wanted: ServiceEndpoints, svc: Service, name: string, pod: Pod | undefined): void {
  const before = wanted.desired.get(name);
  const next = pod && shouldPodBeInEndpoints(pod, true) ? desiredEndpoint(svc, pod) : undefined;
  if (before && next && before.portsKey === next.portsKey && jsonEqual(before.endpoint, next.endpoint)) return;
  if (before) wanted.groups.get(before.portsKey)!.count--;
  if (!next) {
    wanted.desired.delete(name);
    return;
  }
  wanted.desired.set(name, next);
  const group = wanted.groups.get(next.portsKey);
  if (group) group.count++;
  else wanted.groups.set(next.portsKey, { ports: next.ports, count: 1 });
}

function desiredEndpoint(svc: Service, pod: Pod): DesiredEndpoint {
  const ports: SlicePort[] = [];
  for (const sp of svc.spec.ports ?? []) {
    const port = resolveTargetPort(pod, sp);
    if (port !== undefined) ports.push({ name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP' });
  }
  return { endpoint: toEndpoint(pod), ports: freezeOwned(ports), portsKey: portsKeyOf(ports) };
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

/** toEndpoint is podToEndpoint: serving follows readiness, ready is never true while terminating. */
function toEndpoint(pod: Pod): SliceEndpoint {
  const serving = isPodReady(pod);
  const terminating = pod.metadata.deletionTimestamp !== undefined;
  // Frozen, it is shared by the slice the API server stores, and compares by identity next time.
  return freezeOwned({
    addresses: [pod.status!.podIP!],
    conditions: { ready: serving && !terminating, serving, terminating },
    ...(pod.spec.nodeName ? { nodeName: pod.spec.nodeName } : {}),
    targetRef: podRef(pod),
  });
}
