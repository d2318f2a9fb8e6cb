/** The `kubectl get` tables of every kind that has one. */
import type { KubeObject } from '../../../api/meta.ts';
import { endpointSliceTable, endpointsTable } from './endpoints.ts';
import { eventTable } from './event.ts';
import { namespaceTable } from './namespace.ts';
import { nodeTable } from './node.ts';
import { podTable } from './pod.ts';
import { serviceTable } from './service.ts';
import type { TableDef } from './table.ts';
import { daemonSetTable, deploymentTable, replicaSetTable } from './workloads.ts';

const TABLES: Record<string, TableDef> = {
  Pod: podTable as TableDef,
  Node: nodeTable as TableDef,
  Namespace: namespaceTable as TableDef,
  Service: serviceTable as TableDef,
  Event: eventTable as TableDef,
  Deployment: deploymentTable as TableDef,
  ReplicaSet: replicaSetTable as TableDef,
  DaemonSet: daemonSetTable as TableDef,
  Endpoints: endpointsTable as TableDef,
  EndpointSlice: endpointSliceTable as TableDef,
};

/** tableFor returns a kind's table definition, if the sandbox has one. */
export function tableFor(kind: string): TableDef<KubeObject> | undefined {
  return TABLES[kind];
}
