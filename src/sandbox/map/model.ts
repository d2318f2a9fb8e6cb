/**
 * The cluster map's model: the few facts the picture shows, read from the cluster's objects.
 * Pure: it takes plain API objects and returns plain data, so layout and change summaries can
 * be tested without a browser.
 */
import { podReady, podStatusReason, type Deployment, type Endpoints, type Node, type Pod, type ReplicaSet, type Service } from '@wheelhouse/sim-engine';

/** Tone is the colour family of a status: healthy, in progress, failing, finished or going away. */
export type Tone = 'ok' | 'wait' | 'bad' | 'done' | 'gone';

/** MapPod is one pod as the map shows it. */
export interface MapPod {
  uid: string;
  name: string;
  namespace: string;
  /** The node it is bound to; undefined while unscheduled. */
  node?: string;
  /** The STATUS column of `kubectl get pods`. */
  status: string;
  /** The READY column, e.g. `1/1`. */
  ready: string;
  tone: Tone;
  /** The uid of the ReplicaSet (or other controller) that owns it. */
  owner?: string;
  ownerKind?: string;
  ownerName?: string;
  system: boolean;
  /** The resourceVersion, so views can tell when the object changed. */
  version: string;
}

/** MapNode is one node: its role and its Ready condition as `kubectl get nodes` shows it. */
export interface MapNode {
  name: string;
  controlPlane: boolean;
  ready: boolean;
  /** The STATUS column: Ready, NotReady or Unknown, with `,SchedulingDisabled` when cordoned. */
  status: string;
  version: string;
}

/** MapReplicaSet is a ReplicaSet with its revision and the Deployment that owns it. */
export interface MapReplicaSet {
  uid: string;
  name: string;
  namespace: string;
  /** The `deployment.kubernetes.io/revision` annotation. */
  revision?: string;
  /** The owning Deployment's uid. */
  deployment?: string;
  desired: number;
  current: number;
  ready: number;
  version: string;
}

/** MapDeployment is a Deployment with its replica counts. */
export interface MapDeployment {
  uid: string;
  name: string;
  namespace: string;
  desired: number;
  ready: number;
  updated: number;
  version: string;
}

/** MapService is a Service and the pods it currently sends traffic to. */
export interface MapService {
  uid: string;
  name: string;
  namespace: string;
  type: string;
  clusterIP: string;
  /** Uids of the pods behind it: Endpoints addresses when an Endpoints object exists, else the ready pods its selector matches. */
  pods: string[];
  /** Whether it selects pods at all (the `kubernetes` Service does not). */
  selector: boolean;
  version: string;
}

/** ClusterModel is everything the map draws. */
export interface ClusterModel {
  nodes: MapNode[];
  pods: MapPod[];
  replicaSets: MapReplicaSet[];
  deployments: MapDeployment[];
  services: MapService[];
}

/** ClusterObjects are the API objects the model is read from. */
export interface ClusterObjects {
  nodes: Node[];
  pods: Pod[];
  replicaSets: ReplicaSet[];
  deployments: Deployment[];
  services: Service[];
  endpoints: Endpoints[];
}

/** SYSTEM_NAMESPACES hold the cluster's own pods, hidden unless asked for. */
export const SYSTEM_NAMESPACES: ReadonlySet<string> = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

const REVISION = 'deployment.kubernetes.io/revision';

/** buildModel reads the map's model from the cluster's objects. */
export function buildModel(objs: ClusterObjects): ClusterModel {
  const pods = objs.pods.map(toPod);
  return {
    nodes: objs.nodes.map(toNode),
    pods,
    replicaSets: objs.replicaSets.map(toReplicaSet),
    deployments: objs.deployments.map(toDeployment),
    services: objs.services.map((s) => toService(s, objs.endpoints, objs.pods)),
  };
}

/** toneOf maps a STATUS to its colour family. */
export function toneOf(status: string, ready: string): Tone {
  if (status === 'Terminating') return 'gone';
  if (status === 'Completed' || status === 'Succeeded') return 'done';
  if (status === 'Running') return allReady(ready) ? 'ok' : 'wait';
  if (status === 'Pending' || status === 'ContainerCreating' || status === 'PodInitializing' || status === 'NotReady' || status === 'SchedulingGated' || status.startsWith('Init:')) {
    return status.startsWith('Init:') && /Error|BackOff|Err/.test(status) ? 'bad' : 'wait';
  }
  return 'bad';
}

function allReady(ready: string): boolean {
  const [a, b] = ready.split('/');
  return a === b && b !== '0';
}

function toPod(pod: Pod): MapPod {
  const owner = pod.metadata.ownerReferences?.find((r) => r.controller) ?? pod.metadata.ownerReferences?.[0];
  const status = podStatusReason(pod);
  const ready = podReady(pod);
  const namespace = pod.metadata.namespace ?? 'default';
  return {
    uid: pod.metadata.uid ?? `${namespace}/${pod.metadata.name}`,
    name: pod.metadata.name ?? '',
    namespace,
    node: pod.spec.nodeName || undefined,
    status,
    ready,
    tone: toneOf(status, ready),
    owner: owner?.uid,
    ownerKind: owner?.kind,
    ownerName: owner?.name,
    system: SYSTEM_NAMESPACES.has(namespace),
    version: pod.metadata.resourceVersion ?? '',
  };
}

function toNode(node: Node): MapNode {
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  const base = ready?.status === 'True' ? 'Ready' : ready?.status === 'False' ? 'NotReady' : 'Unknown';
  const labels = node.metadata.labels ?? {};
  return {
    name: node.metadata.name ?? '',
    controlPlane: 'node-role.kubernetes.io/control-plane' in labels || (node.spec.taints ?? []).some((t) => t.key === 'node-role.kubernetes.io/control-plane'),
    ready: base === 'Ready',
    status: node.spec.unschedulable ? `${base},SchedulingDisabled` : base,
    version: node.metadata.resourceVersion ?? '',
  };
}

function toReplicaSet(rs: ReplicaSet): MapReplicaSet {
  const owner = rs.metadata.ownerReferences?.find((r) => r.kind === 'Deployment');
  return {
    uid: rs.metadata.uid ?? '',
    name: rs.metadata.name ?? '',
    namespace: rs.metadata.namespace ?? 'default',
    revision: rs.metadata.annotations?.[REVISION],
    deployment: owner?.uid,
    desired: rs.spec.replicas ?? 1,
    current: rs.status?.replicas ?? 0,
    ready: rs.status?.readyReplicas ?? 0,
    version: rs.metadata.resourceVersion ?? '',
  };
}

function toDeployment(d: Deployment): MapDeployment {
  return {
    uid: d.metadata.uid ?? '',
    name: d.metadata.name ?? '',
    namespace: d.metadata.namespace ?? 'default',
    desired: d.spec.replicas ?? 1,
    ready: d.status?.readyReplicas ?? 0,
    updated: d.status?.updatedReplicas ?? 0,
    version: d.metadata.resourceVersion ?? '',
  };
}

function toService(svc: Service, endpoints: Endpoints[], pods: Pod[]): MapService {
  const namespace = svc.metadata.namespace ?? 'default';
  const ep = endpoints.find((e) => e.metadata.name === svc.metadata.name && (e.metadata.namespace ?? 'default') === namespace);
  let selected: string[];
  if (ep) {
    const byName = new Map(pods.filter((p) => (p.metadata.namespace ?? 'default') === namespace).map((p) => [p.metadata.name, p.metadata.uid ?? '']));
    selected = (ep.subsets ?? []).flatMap((s) => s.addresses ?? []).flatMap((a) => {
      const ref = a.targetRef;
      if (ref?.kind !== 'Pod') return [];
      const uid = ref.uid ?? byName.get(ref.name);
      return uid ? [uid] : [];
    });
  } else {
    const selector = svc.spec.selector;
    selected =
      selector && Object.keys(selector).length
        ? pods
            .filter((p) => (p.metadata.namespace ?? 'default') === namespace && !p.metadata.deletionTimestamp && matches(selector, p.metadata.labels) && isReady(p))
            .map((p) => p.metadata.uid ?? '')
        : [];
  }
  return {
    uid: svc.metadata.uid ?? '',
    name: svc.metadata.name ?? '',
    namespace,
    type: svc.spec.type ?? 'ClusterIP',
    clusterIP: svc.spec.clusterIP ?? '',
    pods: [...new Set(selected)],
    selector: Object.keys(svc.spec.selector ?? {}).length > 0,
    version: `${svc.metadata.resourceVersion ?? ''}/${ep?.metadata.resourceVersion ?? ''}`,
  };
}

function matches(selector: Record<string, string>, labels: Record<string, string> | undefined): boolean {
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}

function isReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}
