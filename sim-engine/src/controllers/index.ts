/**
 * The controller manager: every controller the cluster runs, in the fixed order the
 * deterministic loop drains them. Add a controller here and it runs in every cluster.
 */
import type { ApiServer } from '../apiserver/apiserver.ts';
import type { Clock } from '../clock.ts';
import type { Component } from '../component.ts';
import type { EventRecorder } from '../events/recorder.ts';
import type { Random } from '../random.ts';
import type { Store } from '../store/store.ts';
import { DaemonSetController } from './daemonset/daemonset.ts';
import { DeploymentController } from './deployment/deployment.ts';
import { ReplicaSetController } from './replicaset/replicaset.ts';
import { EndpointsController } from './endpoints/endpoints.ts';
import { EndpointSliceController } from './endpointslice/endpointslice.ts';
import { GarbageCollector } from './garbagecollector/garbagecollector.ts';
import { NamespaceController } from './namespace/namespace.ts';
import type { NodeLeases } from './nodelifecycle/leases.ts';
import { NodeLifecycleController } from './nodelifecycle/nodelifecycle.ts';
import { TaintEvictionController } from './nodelifecycle/taint-eviction.ts';

/** ControllerDeps is what every control loop is built from. */
export interface ControllerDeps {
  api: ApiServer;
  store: Store;
  clock: Clock;
  random: Random;
  recorder: EventRecorder;
  /** The kubelets' node leases, for the node lifecycle controller. */
  leases?: NodeLeases;
}

/** createControllers returns the controller manager's loops, in drain order. */
export function createControllers(deps: ControllerDeps): Component[] {
  return [
    new GarbageCollector(deps),
    new NamespaceController(deps),
    // ReplicaSets before Deployments: what a ReplicaSet reports, its Deployment acts on in the same round.
    new ReplicaSetController(deps),
    new DeploymentController(deps),
    new DaemonSetController(deps),
    new EndpointsController(deps),
    new EndpointSliceController(deps),
    new NodeLifecycleController(deps),
    new TaintEvictionController(deps),
  ];
}
