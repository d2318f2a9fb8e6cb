/**
 * The `kubernetes` Service has no selector: the API server itself publishes where it listens,
 * as the Endpoints `kubernetes` (marked so the mirroring controller leaves it alone) and the
 * EndpointSlice `kubernetes`, both pointing at the control-plane nodes' InternalIPs on 6443.
 */
import type { EndpointSlice, Endpoints } from '../../api/endpoints.ts';
import type { Node } from '../../api/node.ts';
import type { Service } from '../../api/service.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import { sameJSON, tolerateRejection } from './pods.ts';

const ACTOR = 'kube-apiserver';

/** KUBERNETES_SERVICE is where the API server's own Service lives. */
export const KUBERNETES_SERVICE = { namespace: 'default', name: 'kubernetes' } as const;

/** CONTROL_PLANE_LABEL marks the nodes the API server runs on. */
export const CONTROL_PLANE_LABEL = 'node-role.kubernetes.io/control-plane';

/** SECURE_PORT is kube-apiserver's --secure-port on kubeadm clusters. */
export const SECURE_PORT = 6443;

/** isControlPlane tells whether a node runs the control plane. */
export function isControlPlane(node: Node): boolean {
  return !!node.metadata.labels && CONTROL_PLANE_LABEL in node.metadata.labels;
}

/** apiServerIPs are the InternalIPs of the control-plane nodes, in address order. */
export function apiServerIPs(api: ApiServer): string[] {
  return api
    .list<Node>('Node')
    .filter(isControlPlane)
    .map((n) => n.status?.addresses?.find((a) => a.type === 'InternalIP')?.address)
    .filter((ip): ip is string => !!ip)
    .sort();
}

/** reconcileKubernetesEndpoints writes the `kubernetes` Endpoints and EndpointSlice when they are missing or stale. */
export function reconcileKubernetesEndpoints(api: ApiServer): void {
  const { namespace, name } = KUBERNETES_SERVICE;
  const svc = api.tryGet<Service>('Service', namespace, name);
  const ips = apiServerIPs(api);
  // Until a control-plane node is registered there is no address to publish.
  if (!svc || ips.length === 0) return;
  const sp = svc.spec.ports?.find((p) => p.name === 'https') ?? svc.spec.ports?.[0];
  const port = typeof sp?.targetPort === 'number' ? sp.targetPort : SECURE_PORT;
  const ports = [{ name: sp?.name ?? 'https', port, protocol: 'TCP' }];

  const ep = api.tryGet<Endpoints>('Endpoints', namespace, name);
  const labels = { 'endpointslice.kubernetes.io/skip-mirror': 'true' };
  const subsets = [{ addresses: ips.map((ip) => ({ ip })), ports }];
  if (!ep) {
    tolerateRejection(() => api.create<Endpoints>({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name, namespace, labels }, subsets }, ACTOR));
  } else if (!sameJSON(ep.subsets, subsets) || !sameJSON(ep.metadata.labels, labels)) {
    tolerateRejection(() => api.update<Endpoints>({ ...ep, metadata: { ...ep.metadata, labels }, subsets }, ACTOR));
  }

  const slice = api.tryGet<EndpointSlice>('EndpointSlice', namespace, name);
  const sliceLabels = { 'kubernetes.io/service-name': name };
  const endpoints = ips.map((ip) => ({ addresses: [ip], conditions: { ready: true } }));
  if (!slice) {
    tolerateRejection(() =>
      api.create<EndpointSlice>(
        { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name, namespace, labels: sliceLabels }, addressType: 'IPv4', endpoints, ports },
        ACTOR,
      ),
    );
  } else if (!sameJSON(slice.endpoints, endpoints) || !sameJSON(slice.ports, ports) || !sameJSON(slice.metadata.labels, sliceLabels)) {
    tolerateRejection(() => api.update<EndpointSlice>({ ...slice, metadata: { ...slice.metadata, labels: sliceLabels }, endpoints, ports }, ACTOR));
  }
}
