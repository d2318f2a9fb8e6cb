/** The describers by kind: each renders one object (with its events) as `kubectl describe` does. */
import type { DaemonSet, Deployment, ReplicaSet } from '../../../api/apps.ts';
import type { EndpointSlice, Endpoints } from '../../../api/endpoints.ts';
import type { KubeObject } from '../../../api/meta.ts';
import type { Namespace } from '../../../api/namespace.ts';
import type { Node } from '../../../api/node.ts';
import type { Pod } from '../../../api/pod.ts';
import type { Service } from '../../../api/service.ts';
import type { Cluster } from '../../../cluster.ts';
import { describeDaemonSet } from './daemonset.ts';
import { describeNamespace } from './namespace.ts';
import { describeNode } from './node.ts';
import { describePod } from './pod.ts';
import { describeEndpointSlice, describeEndpoints, describeService } from './service.ts';
import { describeDeployment, describeReplicaSet } from './workloads.ts';

/** DescriberSettings are describe's flags that reach the describers. */
export interface DescriberSettings {
  /** `--show-events` (default true). */
  showEvents: boolean;
}

/** Describer renders one object, reading whatever else it needs (events, owned objects) from the cluster. */
export type Describer = (obj: KubeObject, cluster: Cluster, settings?: DescriberSettings) => string;

const events = (obj: KubeObject, c: Cluster, s?: DescriberSettings) => (s?.showEvents === false ? undefined : c.recorder.eventsFor(obj));

/** nodePods are the pods on a node that have not terminated, in the API's namespace/name order. */
function nodePods(c: Cluster, node: KubeObject): Pod[] {
  return (c.store.podsOnNode(node.metadata.name!) as Pod[])
    .filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed')
    .sort((a, b) => (a.metadata.namespace! + '/' + a.metadata.name! < b.metadata.namespace! + '/' + b.metadata.name! ? -1 : 1));
}

/** DESCRIBERS maps a kind to its describer; kinds missing here are "not supported in this sandbox yet". */
export const DESCRIBERS: Record<string, Describer> = {
  Pod: (obj, c, s) => {
    const out = describePod(obj as Pod, c.recorder.eventsFor(obj), c.now());
    // The pod describer always ends with its Events section; --show-events=false leaves it out.
    return s?.showEvents === false ? out.slice(0, out.lastIndexOf('\nEvents:') + 1) : out;
  },
  Namespace: (obj) => describeNamespace(obj as Namespace),
  Deployment: (obj, c, s) => describeDeployment(obj as Deployment, c, events(obj, c, s)),
  ReplicaSet: (obj, c, s) => describeReplicaSet(obj as ReplicaSet, c, events(obj, c, s)),
  DaemonSet: (obj, c, s) => describeDaemonSet(obj as DaemonSet, c, events(obj, c, s)),
  Service: (obj, c, s) => {
    const slices = c.api.list<EndpointSlice>('EndpointSlice', obj.metadata.namespace).filter((e) => e.metadata.labels?.['kubernetes.io/service-name'] === obj.metadata.name);
    return describeService(obj as Service, slices, events(obj, c, s), c.now());
  },
  Endpoints: (obj, c, s) => describeEndpoints(obj as Endpoints, events(obj, c, s), c.now()),
  EndpointSlice: (obj, c, s) => describeEndpointSlice(obj as EndpointSlice, events(obj, c, s), c.now()),
  Node: (obj, c, s) => describeNode(obj as Node, nodePods(c, obj), events(obj, c, s), c.now(), c.leases.lease(obj.metadata.name!, c.now())),
};
