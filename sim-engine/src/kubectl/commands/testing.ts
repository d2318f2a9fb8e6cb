/** Test helpers for kubectl verbs: a session (optionally from a scenario) and a runner that collects what a command line printed. */
import { captured, type Ran } from '../../shell/testing.ts';
import type { Interrupt } from '../../shell/types.ts';
import { parseScenario, startSession } from '../../scenario/scenario.ts';
import { Session } from '../../session.ts';

export type { Ran };

/** KubectlSession is a sandbox with a `run` that returns what a command line printed. */
export interface KubectlSession {
  session: Session;
  run(line: string, signal?: Interrupt): Promise<Ran>;
}

/** WEB_DEPLOYMENT is a scenario with a three-replica nginx Deployment and its Service, settled for 30 seconds. */
export const WEB_DEPLOYMENT = `objects:
- apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: default, labels: {app: web}}
  spec:
    replicas: 3
    selector: {matchLabels: {app: web}}
    template:
      metadata: {labels: {app: web}}
      spec:
        containers:
        - {name: nginx, image: "nginx:1.25", ports: [{containerPort: 80}]}
- apiVersion: v1
  kind: Service
  metadata: {name: web, namespace: default, labels: {app: web}}
  spec:
    selector: {app: web}
    ports: [{port: 80, targetPort: 80}]
settleSeconds: 30
`;

/** kubectlSession starts a fresh sandbox (seed 1), from a scenario's YAML when given. */
export function kubectlSession(scenario?: string): KubectlSession {
  const session = scenario ? startSession(parseScenario(scenario), { seed: 1 }) : new Session({ seed: 1 });
  return {
    session,
    run: (line, signal = { interrupted: false }) => captured((out) => session.run(line, out, signal)),
  };
}
