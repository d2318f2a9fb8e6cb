/** The per-kind strategies of the API server. */
import type { Strategy } from './strategy.ts';
import { podStrategy } from './pod.ts';
import { namespaceStrategy } from './namespace.ts';
import { serviceStrategy } from './service.ts';
import { deploymentStrategy } from './deployment.ts';
import { replicaSetStrategy } from './replicaset.ts';
import { daemonSetStrategy } from './daemonset.ts';

const strategies: Record<string, Strategy> = {
  Pod: podStrategy as Strategy,
  Namespace: namespaceStrategy as Strategy,
  Service: serviceStrategy as Strategy,
  Deployment: deploymentStrategy as Strategy,
  ReplicaSet: replicaSetStrategy as Strategy,
  DaemonSet: daemonSetStrategy as Strategy,
};

/** strategyFor returns the strategy of a kind (an empty one for kinds with no special rules). */
export function strategyFor(kind: string): Strategy {
  return strategies[kind] ?? {};
}
