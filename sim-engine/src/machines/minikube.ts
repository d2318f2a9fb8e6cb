/**
 * What `minikube start` and `minikube stop` do: one node named `minikube`, a control plane
 * left untainted so pods run on it, CoreDNS with one replica and kube-proxy, and a kubeconfig
 * for the learner. Stopping only takes the API server away from kubectl: the simulated pods
 * keep their state, as they come back when the real minikube container restarts.
 */
import type { Node } from '../api/node.ts';
import type { KubeContext } from '../kubectl/command.ts';
import { applyCoreDNS, applyKubeProxy, createApiBasics, registerNode, startStaticPods } from '../scenario/bootstrap.ts';
import { HOME } from '../shell/paths.ts';
import type { MachineHost } from './host.ts';
import { kubeconfigPaths, MINIKUBE_CONTEXT, writeFile } from './kubeconfig.ts';
import { MINIKUBE_MACHINE, MINIKUBE_SERVER } from './machines.ts';

/** createMinikubeCluster builds the minikube cluster from nothing: API basics, the Ready node, static pods and add-ons. */
export function createMinikubeCluster(host: MachineHost): void {
  const { cluster } = host;
  createApiBasics(cluster);
  const node = registerNode(cluster, MINIKUBE_MACHINE, cluster.now());
  // makeNode writes the (empty) taints it is given; a fresh minikube node has none at all.
  const stored = cluster.api.get<Node>('Node', '', node.metadata.name!);
  if (stored.spec.taints?.length === 0) cluster.api.update<Node>({ ...stored, spec: { ...stored.spec, taints: undefined } }, 'minikube');
  startStaticPods(cluster, MINIKUBE_MACHINE, node.metadata.uid!);
  applyCoreDNS(cluster, 1);
  applyKubeProxy(cluster);
  cluster.drain();
  host.machines.minikube = { running: true };
}

/** configureKubectl writes minikube's kubeconfig where kubectl reads it and switches kubectl's context to it. */
export function configureKubectl(host: MachineHost, env: Record<string, string>): void {
  const home = env.HOME || HOME;
  writeFile(host.fs(), kubeconfigPaths(env)[0]!, minikubeKubeconfig(home, MINIKUBE_CONTEXT));
  Object.assign(host.context, { ...MINIKUBE_CONTEXT, server: MINIKUBE_SERVER });
}

/** minikubeKubeconfig is the kubeconfig `minikube start` writes: certificates as files under ~/.minikube. */
function minikubeKubeconfig(home: string, ctx: KubeContext): string {
  return `apiVersion: v1
clusters:
- cluster:
    certificate-authority: ${home}/.minikube/ca.crt
    server: ${MINIKUBE_SERVER}
  name: ${ctx.cluster}
contexts:
- context:
    cluster: ${ctx.cluster}
    namespace: default
    user: ${ctx.user}
  name: ${ctx.name}
current-context: ${ctx.name}
kind: Config
preferences: {}
users:
- name: ${ctx.user}
  user:
    client-certificate: ${home}/.minikube/profiles/minikube/client.crt
    client-key: ${home}/.minikube/profiles/minikube/client.key
`;
}
