/**
 * What the Endpoints and EndpointSlice controllers (and kube-proxy's view in the network)
 * agree on about pods behind a Service: which pods a Service selects, whether one may carry
 * traffic, and which port a Service port reaches on it.
 */
import type { Pod } from '../../api/pod.ts';
import type { Service, ServicePort } from '../../api/service.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import { StatusError } from '../../apiserver/errors.ts';
import { matchesSelector, selectorFromMap } from '../../apiserver/selectors.ts';
import { jsonEqual } from '../../util/json-equal.ts';

/** isPodReady is podutil.IsPodReady: the pod's Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** isPodTerminal is true once a pod has Succeeded or Failed for good. */
export function isPodTerminal(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/** shouldPodBeInEndpoints is endpointsliceutil.ShouldPodBeInEndpoints: not terminal, has an IP, and (unless included) not terminating. */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  if (isPodTerminal(pod)) return false;
  if (!pod.status?.podIP) return false;
  return includeTerminating || !pod.metadata.deletionTimestamp;
}

/** managesEndpoints tells whether a Service's endpoints are computed from pods (it has a selector and isn't ExternalName). */
export function managesEndpoints(svc: Service): boolean {
  return svc.spec.type !== 'ExternalName' && !!svc.spec.selector && Object.keys(svc.spec.selector).length > 0;
}

/** selects tells whether a Service with a selector picks pods carrying `labels`. */
export function selects(svc: Service, labels: Record<string, string> | undefined): boolean {
  return managesEndpoints(svc) && matchesSelector(selectorFromMap(svc.spec.selector), labels);
}

/** selectedPods lists the pods of the Service's namespace its selector matches, in name order. */
export function selectedPods(api: ApiServer, svc: Service): Pod[] {
  return api.list<Pod>('Pod', svc.metadata.namespace).filter((p) => selects(svc, p.metadata.labels));
}

/**
 * resolveTargetPort is podutil.FindPort: a numeric targetPort is used as is, a named one is
 * looked up among the pod's container ports (same name and protocol); unset means `port`.
 * Undefined means the pod has no such named port, so it is left out for that Service port.
 */
export function resolveTargetPort(pod: Pod, sp: ServicePort): number | undefined {
  const target = sp.targetPort ?? sp.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  const protocol = sp.protocol ?? 'TCP';
  for (const c of pod.spec.containers) {
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
  }
  return undefined;
}

/**
 * sameEndpointFields tells whether two versions of a pod agree on everything that can change
 * its endpoints; a pod update that leaves those alone (most kubelet status reports) needs no
 * Service re-synced.
 */
export function sameEndpointFields(a: Pod | undefined, b: Pod | undefined): boolean {
  if (!a || !b) return a === b;
  // Field by field, cheapest first; a status write keeps the spec object, which settles the rest.
  if ((a.status?.podIP ?? null) !== (b.status?.podIP ?? null) || (a.status?.phase ?? null) !== (b.status?.phase ?? null)) return false;
  if ((a.metadata.deletionTimestamp !== undefined) !== (b.metadata.deletionTimestamp !== undefined) || isPodReady(a) !== isPodReady(b)) return false;
  if (!jsonEqual(a.metadata.labels ?? null, b.metadata.labels ?? null)) return false;
  if (a.spec === b.spec) return true;
  if ((a.spec.nodeName ?? null) !== (b.spec.nodeName ?? null) || (a.spec.hostname ?? null) !== (b.spec.hostname ?? null)) return false;
  return jsonEqual(
    a.spec.containers.map((c) => c.ports ?? null),
    b.spec.containers.map((c) => c.ports ?? null),
  );
}

/** podRef is the targetRef an endpoint carries. */
export function podRef(pod: Pod): { kind: 'Pod'; name: string; namespace: string; uid: string } {
  return { kind: 'Pod', name: pod.metadata.name!, namespace: pod.metadata.namespace!, uid: pod.metadata.uid! };
}

/**
 * tolerateRejection runs a write and swallows the API's refusal (a namespace being terminated,
 * an object deleted meanwhile, a conflict): a controller simply retries on its next sync.
 */
export function tolerateRejection(write: () => void): boolean {
  try {
    write();
    return true;
  } catch (e) {
    if (e instanceof StatusError) return false;
    throw e;
  }
}

/** sameJSON compares two plain values structurally. */
export function sameJSON(a: unknown, b: unknown): boolean {
  return jsonEqual(a, b);
}
