/**
 * EventTTL is kube-apiserver's `--event-ttl` (1 h by default): etcd keeps every Event under a
 * lease that each write renews, and drops the Event when the lease runs out, so `kubectl get
 * events` only ever shows the last hour. The sandbox expires Events as its clock passes their
 * expiry (Cluster.advanceTo asks before each timer and at the end), not with timers of its
 * own: an hour-away expiry is not work that should keep the cluster from being idle.
 */
import type { Timer } from '../clock.ts';
import type { Clock } from '../clock.ts';
import type { Component } from '../component.ts';
import type { KubeObject } from '../api/meta.ts';
import type { Store, WatchEvent } from '../store/store.ts';
import type { ApiServer } from './apiserver.ts';

/** EVENT_TTL_MS is how long an Event lives after its last write (kube-apiserver's default). */
export const EVENT_TTL_MS = 3_600_000;

/** Lease is one write's expiry: when, which Event, and the version it was written as. */
type Lease = [expiresAt: number, namespace: string, name: string, resourceVersion: string];

/** EventTTLState is the part of a snapshot that says when each Event expires. */
export type EventTTLState = Lease[];

/** EventTTL removes Events an hour after their last write. */
export class EventTTL implements Component {
  readonly name = 'etcd';
  // Writes happen at non-decreasing times, so their leases expire in the order they were
  // granted: a queue, read from `head`, whose stale entries (the Event written since) are
  // skipped. Parallel arrays rather than an object per lease: a large cluster writes tens of
  // thousands of Events.
  private expiries: number[] = [];
  private namespaces: string[] = [];
  private names: string[] = [];
  private versions: string[] = [];
  private head = 0;
  private readonly store: Store;
  private readonly api: ApiServer;
  private readonly clock: Clock;

  constructor(deps: { store: Store; api: ApiServer; clock: Clock }) {
    this.store = deps.store;
    this.api = deps.api;
    this.clock = deps.clock;
    deps.store.watch('Event', (e) => this.onEvent(e));
  }

  /** expire deletes every Event whose lease has run out by `now`. */
  expire(now: number): void {
    while (this.head < this.expiries.length && this.expiries[this.head]! <= now) {
      const i = this.head++;
      if (this.current(i)) this.api.delete('Event', this.namespaces[i]!, this.names[i]!, this.name);
    }
    if (this.head > 1024 && this.head * 2 > this.expiries.length) {
      this.expiries = this.expiries.slice(this.head);
      this.namespaces = this.namespaces.slice(this.head);
      this.names = this.names.slice(this.head);
      this.versions = this.versions.slice(this.head);
      this.head = 0;
    }
  }

  processQueue(): boolean {
    return false;
  }

  onTimer(_action: Timer['action']): void {}

  snapshot(): EventTTLState {
    const out: EventTTLState = [];
    for (let i = this.head; i < this.expiries.length; i++) {
      if (this.current(i)) out.push([this.expiries[i]!, this.namespaces[i]!, this.names[i]!, this.versions[i]!]);
    }
    return out;
  }

  restore(state: unknown): void {
    this.load(state as EventTTLState);
  }

  /** adoptStored grants leases to stored Events that have none (a snapshot from before Events expired), counted from their last timestamp. */
  adoptStored(): void {
    const leases = this.snapshot();
    const known = new Set(leases.map(([, ns, name]) => `${ns}/${name}`));
    let adopted = false;
    for (const e of this.store.list('Event')) {
      const ns = e.metadata.namespace ?? '';
      if (known.has(`${ns}/${e.metadata.name}`)) continue;
      leases.push([lastWritten(e) + EVENT_TTL_MS, ns, e.metadata.name!, e.metadata.resourceVersion ?? '']);
      adopted = true;
    }
    if (adopted) this.load(leases.sort((a, b) => a[0] - b[0]));
  }

  private load(leases: EventTTLState): void {
    this.expiries = leases.map((l) => l[0]);
    this.namespaces = leases.map((l) => l[1]);
    this.names = leases.map((l) => l[2]);
    this.versions = leases.map((l) => l[3]);
    this.head = 0;
  }

  /** current tells whether lease `i`'s Event is still the version the lease was granted for. */
  private current(i: number): boolean {
    return this.store.get('Event', this.namespaces[i]!, this.names[i]!)?.metadata.resourceVersion === this.versions[i];
  }

  private onEvent(e: WatchEvent): void {
    if (e.type === 'DELETED') return;
    const m = e.object.metadata;
    this.expiries.push(this.clock.now() + EVENT_TTL_MS);
    this.namespaces.push(m.namespace ?? '');
    this.names.push(m.name!);
    this.versions.push(m.resourceVersion ?? '');
  }
}

/** lastWritten estimates when an Event was last written from its own timestamps. */
function lastWritten(e: KubeObject): number {
  const ev = e as KubeObject & { lastTimestamp?: string; eventTime?: string | null };
  const t = Date.parse(ev.lastTimestamp ?? ev.eventTime ?? e.metadata.creationTimestamp ?? '');
  return Number.isNaN(t) ? 0 : t;
}
