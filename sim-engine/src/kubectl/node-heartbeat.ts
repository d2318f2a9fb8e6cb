/**
 * Node heartbeats as kubectl reads them. A real kubelet re-posts an unchanged node status every
 * five minutes (nodeStatusReportFrequency), which refreshes every condition's
 * lastHeartbeatTime; the engine does not store those writes (see kubelet/node-status.ts), so
 * the nodes kubectl reads carry the heartbeat the kubelet would have posted last: the latest
 * five-minute report since the stored one, counted while its lease is renewing. A stopped
 * kubelet's heartbeat stops at its last report.
 */
import type { Node } from '../api/node.ts';
import type { Cluster } from '../cluster.ts';
import { rfc3339 } from '../util/time.ts';

/** NODE_STATUS_REPORT_MS is the kubelet's nodeStatusReportFrequency: an unchanged status is re-posted this often. */
export const NODE_STATUS_REPORT_MS = 5 * 60_000;

/** withHeartbeat is `node` with the heartbeat its kubelet last reported at `now`; the node itself is not changed. */
export function withHeartbeat(cluster: Cluster, node: Node, now: number): Node {
  const conditions = node.status?.conditions;
  const lease = cluster.leases.lease(node.metadata.name!, now);
  if (!conditions?.length || !lease) return node;
  // The status loop runs with the lease's, so a silent kubelet's last report is no later than its last renewal.
  const until = lease.renewing ? now : lease.renewTime;
  let changed = false;
  const refreshed = conditions.map((c) => {
    const posted = Date.parse(c.lastHeartbeatTime);
    if (Number.isNaN(posted) || until - posted < NODE_STATUS_REPORT_MS) return c;
    changed = true;
    return { ...c, lastHeartbeatTime: rfc3339(posted + Math.floor((until - posted) / NODE_STATUS_REPORT_MS) * NODE_STATUS_REPORT_MS) };
  });
  return changed ? { ...node, status: { ...node.status, conditions: refreshed } } : node;
}

/** heartbeatView is the cluster as kubectl's verbs read it: Nodes come with their kubelets' latest heartbeats. */
export function heartbeatView(cluster: Cluster): Cluster {
  const api = cluster.api;
  const fresh = <T>(kind: string, obj: T): T => (kind === 'Node' && obj ? (withHeartbeat(cluster, obj as unknown as Node, cluster.now()) as unknown as T) : obj);
  const reads: Record<string, unknown> = {
    get: (kind: string, ns: string, name: string) => fresh(kind, api.get(kind, ns, name)),
    tryGet: (kind: string, ns: string, name: string) => fresh(kind, api.tryGet(kind, ns, name)),
    list: (kind: string, ns?: string, opts?: Parameters<typeof api.list>[2]) => api.list(kind, ns, opts).map((o) => fresh(kind, o)),
  };
  const apiView = new Proxy(api, {
    get(target, prop) {
      if (typeof prop === 'string' && prop in reads) return reads[prop];
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  return new Proxy(cluster, {
    get(target, prop) {
      if (prop === 'api') return apiView;
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}
