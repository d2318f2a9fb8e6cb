/** readObjects takes from a cluster the objects the map draws, through the API server's list. */
import type { Cluster, Deployment, Endpoints, Node, Pod, ReplicaSet, Service } from '@wheelhouse/sim-engine';
import type { ClusterObjects } from './model.ts';

/** MAP_KINDS are the kinds whose changes redraw the map. */
export const MAP_KINDS = ['Node', 'Pod', 'ReplicaSet', 'Deployment', 'Service', 'Endpoints'] as const;

/** readObjects lists every object of MAP_KINDS in all namespaces. */
export function readObjects(cluster: Cluster): ClusterObjects {
  return {
    nodes: cluster.api.list<Node>('Node'),
    pods: cluster.api.list<Pod>('Pod'),
    replicaSets: cluster.api.list<ReplicaSet>('ReplicaSet'),
    deployments: cluster.api.list<Deployment>('Deployment'),
    services: cluster.api.list<Service>('Service'),
    endpoints: cluster.api.list<Endpoints>('Endpoints'),
  };
}
