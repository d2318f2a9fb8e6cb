/**
 * NodeLeases plays the kube-node-lease namespace: every kubelet renews its node's Lease every
 * 10 seconds, and the node lifecycle controller judges a node's health by when that last
 * happened. This API server doesn't serve Leases, and writing one per node every 10 virtual
 * seconds would cost more than everything else a quiet cluster does (the default cluster is
 * built two days in the past), so renewals are computed instead of stored: a running
 * kubelet's lease was renewed at the latest 10-second tick since it (re)started, a stopped
 * one's at the last tick before it stopped. Kubelets announce when they stop or start,
 * which is the only moment the answer changes course.
 */

/** LEASE_RENEW_MS is the kubelet's lease renew interval (a quarter of the 40 s lease duration). */
export const LEASE_RENEW_MS = 10_000;

/** LeaseHolder is what a kubelet says about its own renewals. */
export interface LeaseHolder {
  /** When the kubelet (re)started renewing: the first renewal. */
  since: number;
  /** When it stopped renewing; undefined while it runs. */
  stoppedAt?: number;
}

/** Lease is a node lease as the node lifecycle controller sees it. */
export interface Lease {
  holder: string;
  renewTime: number;
  /** False once the kubelet has gone silent: no renewal will follow renewTime. */
  renewing: boolean;
}

/** NodeLeases connects the kubelets' lease renewals to the node lifecycle controller. */
export class NodeLeases {
  private readonly holders = new Map<string, () => LeaseHolder>();
  private readonly watchers: ((node: string) => void)[] = [];

  /** register makes a kubelet the holder of its node's lease; `state` is read whenever the lease is. */
  register(node: string, state: () => LeaseHolder): void {
    this.holders.set(node, state);
  }

  /** lease returns a node's lease at `now`, or undefined for a node no kubelet holds. */
  lease(node: string, now: number): Lease | undefined {
    const h = this.holders.get(node)?.();
    if (!h) return undefined;
    const until = h.stoppedAt ?? now;
    const renewTime = h.since + Math.max(0, Math.floor((until - h.since) / LEASE_RENEW_MS)) * LEASE_RENEW_MS;
    return { holder: node, renewTime, renewing: h.stoppedAt === undefined };
  }

  /** changed tells the watchers that a kubelet stopped or resumed renewing. */
  changed(node: string): void {
    for (const w of this.watchers) w(node);
  }

  /** watch subscribes to stop/start announcements. */
  watch(watcher: (node: string) => void): void {
    this.watchers.push(watcher);
  }
}
