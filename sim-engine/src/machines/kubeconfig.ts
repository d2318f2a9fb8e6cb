/**
 * The kubeconfig files kubeadm and minikube write, and how kubectl finds which API server the
 * learner's kubeconfig names. The sandbox models one filesystem shared by every machine (the
 * learner's home and /etc alike), so a kubeconfig set up on the control plane also works on
 * the workstation and on the workers: kubectl works wherever the learner's kubeconfig is.
 */
import type { KubeContext } from '../kubectl/command.ts';
import { kubeconfig } from '../kubectl/commands/kubeconfig.ts';
import { toYAML } from '../kubectl/printers/yaml.ts';
import { HOME } from '../shell/paths.ts';
import type { VirtualFS } from '../shell/vfs.ts';

/** ADMIN_CONF is where kubeadm init writes the cluster admin's kubeconfig. */
export const ADMIN_CONF = '/etc/kubernetes/admin.conf';

/** KUBEADM_CONTEXT is the context kubeadm's admin.conf holds; `server` is filled in from the control plane's address. */
export const KUBEADM_CONTEXT: KubeContext = { name: 'kubernetes-admin@kubernetes', cluster: 'kubernetes', user: 'kubernetes-admin', namespace: 'default' };

/** MINIKUBE_CONTEXT is the context `minikube start` writes. */
export const MINIKUBE_CONTEXT: KubeContext = { name: 'minikube', cluster: 'minikube', user: 'minikube', namespace: 'default' };

/** kubeconfigText renders a kubeconfig for a context as kubeadm writes it: sigs.k8s.io/yaml, keys sorted, certificates inline. */
export function kubeconfigText(ctx: KubeContext): string {
  return toYAML(kubeconfig(ctx, true));
}

/** writeFile writes a file, creating its directories, as a tool running as root would. */
export function writeFile(fs: VirtualFS, path: string, text: string): void {
  fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', true);
  fs.write(path, text);
}

/**
 * kubeconfigPaths are the files kubectl reads: $KUBECONFIG's colon-separated list when set and
 * not empty, else ~/.kube/config, as client-go's loading rules have it.
 */
export function kubeconfigPaths(env: Record<string, string>): string[] {
  const list = (env.KUBECONFIG ?? '').split(':').filter((p) => p !== '');
  return list.length > 0 ? list : [`${env.HOME || HOME}/.kube/config`];
}

/** configuredServer is the API server URL the first readable kubeconfig names, or undefined when none does (kubectl then tries localhost:8080). */
export function configuredServer(fs: VirtualFS, env: Record<string, string>): string | undefined {
  for (const path of kubeconfigPaths(env)) {
    const abs = fs.resolve(path, env.PWD || HOME);
    if (fs.kind(abs) !== 'file') continue;
    const server = /^\s*server:\s*(\S+)\s*$/m.exec(fs.read(abs))?.[1];
    if (server) return server;
  }
  return undefined;
}

/** hostPort is a server URL's `host:port`, as kubectl names it in connection errors. */
export function hostPort(server: string): string {
  const m = /^\w+:\/\/([^/]+)/.exec(server);
  return m ? m[1]! : server;
}
