/**
 * inContainer gives the kubelet kubectl exec's view of a container (its tools, files and
 * environment) and the cluster's network, so exec probes and container scripts run the same
 * commands `kubectl exec` does, and HTTP/TCP probes reach the same servers a pod's wget does.
 */
import type { Pod } from '../../../api/pod.ts';
import type { Cluster } from '../../../cluster.ts';
import type { InContainer } from '../../../kubelet/in-container.ts';
import { containerView } from './container.ts';
import { ExecutableNotFound, runToolNow } from './programs.ts';

/** PROBE_USER_AGENT is what the 1.32 kubelet's HTTP prober sends. */
export const PROBE_USER_AGENT = 'kube-probe/1.32';

/** inContainer builds the kubelet's hooks for `cluster`. */
export function inContainer(cluster: Cluster): InContainer {
  const view = (pod: Pod, name: string) => {
    const spec = pod.spec.containers.find((c) => c.name === name) ?? pod.spec.initContainers?.find((c) => c.name === name);
    if (!spec) throw new Error(`no container ${name} in pod ${pod.metadata.name}`);
    return containerView(cluster, pod, spec);
  };
  return {
    exec(pod, container, argv, write) {
      let waitedMs = 0;
      try {
        const status = runToolNow(view(pod, container), argv, {
          stdout: (t) => write(1, t),
          stderr: (t) => write(2, t),
          sleep: (ms) => {
            waitedMs += ms;
          },
          now: () => cluster.now(),
          interrupted: () => false,
          network: cluster.network,
        });
        return { status, waitedMs, notFound: false };
      } catch (e) {
        if (e instanceof ExecutableNotFound) return { status: 127, waitedMs, notFound: true };
        throw e;
      }
    },
    env: (pod, container) => Object.fromEntries(view(pod, container).env),
    debian: (pod, container) => view(pod, container).profile.family === 'debian',
    httpGet(node, url) {
      const r = cluster.network.request({ node }, url, { userAgent: PROBE_USER_AGENT });
      if (r.ok) return { ok: true, status: r.status };
      return { ok: false, error: r.error === 'refused' || r.error === 'timeout' || r.error === 'reset' ? r.error : 'other', ...(r.raw ? { raw: r.raw } : {}) };
    },
    tcp(node, ip, port) {
      const r = cluster.network.connect({ node }, ip, port);
      if (r.ok) return { ok: true };
      return { ok: false, error: r.error === 'refused' || r.error === 'timeout' ? r.error : 'other' };
    },
  };
}
