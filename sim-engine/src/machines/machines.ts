/**
 * Machines is the live view of MachinesState that the shell tools share: where the learner is
 * logged in (`ssh` pushes a hop, `exit` pops it) and which API server, if any, answers.
 */
import { DEFAULT_HOSTNAME } from '../shell/state.ts';
import type { NodeSpecInput } from '../scenario/nodes.ts';
import type { MachinesState } from './state.ts';

/** MINIKUBE_MACHINE is the node minikube creates: a control plane without the NoSchedule taint, so pods run on it. */
export const MINIKUBE_MACHINE: NodeSpecInput = {
  name: 'minikube',
  role: 'control-plane',
  internalIP: '192.168.49.2',
  podCIDR: '10.244.0.0/24',
  cpu: '2',
  memory: '3993600Ki',
  labels: { 'minikube.k8s.io/name': 'minikube', 'minikube.k8s.io/primary': 'true', 'minikube.k8s.io/version': 'v1.35.0' },
  taints: [],
};

/** KUBEADM_API_PORT is where kubeadm's API server listens. */
export const KUBEADM_API_PORT = 6443;

/** MINIKUBE_SERVER is minikube's API server URL (docker driver). */
export const MINIKUBE_SERVER = `https://${MINIKUBE_MACHINE.internalIP}:8443`;

/** ApiEndpoint is the API server the machines run: its URL and whether it answers. */
export interface ApiEndpoint {
  server: string;
  up: boolean;
}

/** Machines wraps the machines' state with the questions the tools ask of it. */
export class Machines {
  private readonly s: MachinesState;

  constructor(state: MachinesState) {
    this.s = JSON.parse(JSON.stringify(state)) as MachinesState;
  }

  /** state is a copy of the plain data, for snapshots. */
  get state(): MachinesState {
    return JSON.parse(JSON.stringify(this.s)) as MachinesState;
  }

  /** list is every machine of the scenario, in order. */
  list(): readonly NodeSpecInput[] {
    return this.s.machines;
  }

  /** here is the machine the learner is logged in to, or undefined on the workstation. */
  here(): NodeSpecInput | undefined {
    const name = this.s.hops[this.s.hops.length - 1];
    return name === undefined ? undefined : this.s.machines.find((m) => m.name === name);
  }

  /** hostname is what the prompt and `hostname` show. */
  hostname(): string {
    return this.here()?.name ?? DEFAULT_HOSTNAME;
  }

  /** resolve finds a machine by host name or address, as ssh would through /etc/hosts. */
  resolve(host: string): NodeSpecInput | undefined {
    return this.s.machines.find((m) => m.name === host || m.internalIP === host);
  }

  /** enter logs in to a machine (ssh). */
  enter(name: string): void {
    this.s.hops.push(name);
  }

  /** leave logs out of the innermost machine and returns its name, or undefined on the workstation (where `exit` ends the shell). */
  leave(): string | undefined {
    return this.s.hops.pop();
  }

  /** kubeadm is what kubeadm built, if anything; the tools change it in place. */
  get kubeadm(): MachinesState['kubeadm'] {
    return this.s.kubeadm;
  }

  set kubeadm(k: MachinesState['kubeadm']) {
    this.s.kubeadm = k;
  }

  /** minikube is the minikube profile, if created; the tools change it in place. */
  get minikube(): MachinesState['minikube'] {
    return this.s.minikube;
  }

  set minikube(m: MachinesState['minikube']) {
    this.s.minikube = m;
  }

  /** controlPlane is the machine kubeadm initialised, if any. */
  controlPlane(): NodeSpecInput | undefined {
    const name = this.s.kubeadm?.controlPlane;
    return name === undefined ? undefined : this.resolve(name);
  }

  /** apiServer is the cluster's API server, or undefined while nothing has built one. */
  apiServer(): ApiEndpoint | undefined {
    const cp = this.controlPlane();
    if (cp) return { server: `https://${cp.internalIP}:${KUBEADM_API_PORT}`, up: true };
    if (this.s.minikube) return { server: MINIKUBE_SERVER, up: this.s.minikube.running };
    return undefined;
  }
}
