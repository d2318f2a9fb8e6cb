/** MachineHost is what the machine tools (ssh, kubeadm, minikube) act on. */
import type { Cluster } from '../cluster.ts';
import type { KubeContext } from '../kubectl/command.ts';
import type { VirtualFS } from '../shell/vfs.ts';
import type { Machines } from './machines.ts';

/** MachineHost is the session's cluster, machines, kubeconfig context and filesystem, as the machine tools see them. */
export interface MachineHost {
  cluster: Cluster;
  machines: Machines;
  /** context is kubectl's current context; kubeadm and minikube point it at the cluster they build. */
  context: KubeContext;
  /** fs is the shared filesystem; resolved lazily because the shell that owns it is built after the tools. */
  fs: () => VirtualFS;
}

/** notOnWorkstation is the answer of a tool that must run on one of the cluster's machines, not on the learner's workstation. */
export function notOnWorkstation(command: string, host: MachineHost): string {
  const names = host.machines.list().map((m) => m.name).join(', ');
  return `error: ${command} is not supported in this sandbox on ${host.machines.hostname()}, your workstation: ssh to one of the machines (${names}) first\n`;
}
