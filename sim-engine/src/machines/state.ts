/**
 * The machines of a scenario that starts from bare machines (`cluster: none`): which exist,
 * which one the learner is logged in to, and what kubeadm or minikube has built on them. It is
 * plain data, saved in the session's snapshot beside the cluster and the shell.
 */
import type { NodeSpecInput } from '../scenario/nodes.ts';

/** KubeadmState is what `kubeadm init` and `kubeadm join` have set up. */
export interface KubeadmState {
  /** controlPlane is the machine `kubeadm init` ran on. */
  controlPlane: string;
  /** tokens are the bootstrap tokens that `kubeadm join` accepts, oldest first. */
  tokens: string[];
  /** caCertHash is the cluster CA's public key hash, 64 hex digits without the `sha256:` prefix. */
  caCertHash: string;
  /** joined lists the workers that ran `kubeadm join`, in order. */
  joined: string[];
}

/** MinikubeState is the minikube profile's state once `minikube start` has created it. */
export interface MinikubeState {
  running: boolean;
}

/** MachinesState is every machine and what runs on them, as plain JSON. */
export interface MachinesState {
  machines: NodeSpecInput[];
  /** hops are the machines the learner ssh'ed into, innermost last; empty on the learner's own workstation. */
  hops: string[];
  kubeadm?: KubeadmState;
  minikube?: MinikubeState;
}

/** newMachinesState is a set of bare machines with nothing installed and the learner on the workstation. */
export function newMachinesState(machines: readonly NodeSpecInput[]): MachinesState {
  return { machines: machines.map((m) => ({ ...m })), hops: [] };
}
