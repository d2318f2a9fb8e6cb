/**
 * The event panel's story of the cluster, in control-plane terms: who wrote what through the
 * API server (its audit log) and what the components reported (Events), turned into plain
 * sentences such as "kubectl created pod/web" or "kubelet/node-2, pod/web: Pulling image
 * "nginx"". Internal bookkeeping writes (status updates, bindings, Event objects) are folded
 * into the Events that explain them.
 */
import type { AuditEntry, Event, KubeObject, WatchEvent } from '@wheelhouse/sim-engine';

/** TimelineEntry is one line of the panel. */
export interface TimelineEntry {
  /** Stable key: the write's resourceVersion, or the Event's uid for seeded entries. */
  id: string;
  /** Virtual time, ms since the epoch. */
  time: number;
  /** Who acted: "kubectl", "default-scheduler", "kubelet/node-2", "chaos-monkey". */
  actor: string;
  /** What they did, a verb phrase ("created", "asked to delete") or an Event's reason ("Pulling"). */
  action: string;
  /** The object acted on, as `kind/name`: "pod/web". */
  object: string;
  name: string;
  namespace: string;
  /** An Event's message. */
  detail?: string;
  /** A remark after the sentence, e.g. "grace period 30s". */
  note?: string;
  /** Warning Events and the chaos monkey's deeds. */
  warning: boolean;
  /** How many times an aggregated Event has happened. */
  count?: number;
}

/** ObjectLookup reads an object's current state from the cluster. */
export type ObjectLookup = (kind: string, namespace: string, name: string) => KubeObject | undefined;

/** NOTE_EVENT carries a TimelineEntry (without id) for the event panel, dispatched inside a `<wh-sandbox>`. */
export const NOTE_EVENT = 'wh-sandbox-note';

/** TIMELINE_LIMIT bounds how many entries the panel keeps. */
export const TIMELINE_LIMIT = 200;

// Control-plane and node actors; anyone else (kubectl, the editor, the chaos monkey) acts for a person.
const COMPONENT_ACTOR = /^(kubelet\/|default-scheduler$|kube-|kubeadm$|scenario$|.*-controller(-manager)?$)/;

/** isComponent tells whether an actor is part of the control plane or a node. */
export function isComponent(actor: string): boolean {
  return COMPONENT_ACTOR.test(actor);
}

/** sentence renders an entry as one plain sentence, e.g. for screen readers and tests. */
export function sentence(e: TimelineEntry): string {
  if (e.detail !== undefined) return `${e.actor}, ${e.object}: ${e.detail}${e.count && e.count > 1 ? ` (×${e.count})` : ''}`;
  return `${e.actor} ${e.action} ${e.object}${e.note ? ` (${e.note})` : ''}`;
}

/** describeAudit turns one audit entry into a timeline entry, or undefined when an Event tells it better. */
export function describeAudit(a: AuditEntry, lookup: ObjectLookup): TimelineEntry | undefined {
  if (a.kind === 'Event') {
    if (a.verb === 'delete') return undefined;
    const ev = lookup('Event', a.namespace, a.name) as Event | undefined;
    return ev ? describeEvent(ev, a.time, `rv:${a.resourceVersion}`) : undefined;
  }
  const base = { id: `rv:${a.resourceVersion}`, time: a.time, actor: a.actor, object: objectRef(a.kind, a.name), name: a.name, namespace: a.namespace, warning: a.actor === 'chaos-monkey' };
  switch (a.verb) {
    case 'create':
      return { ...base, action: 'created' };
    case 'delete':
      return { ...base, action: a.actor.startsWith('kubelet/') ? 'removed' : 'deleted' };
    case 'status':
      return undefined;
    case 'update': {
      if (isComponent(a.actor)) return undefined;
      const obj = lookup(a.kind, a.namespace, a.name);
      const grace = obj?.metadata.deletionTimestamp ? obj.metadata.deletionGracePeriodSeconds : undefined;
      if (grace !== undefined) return { ...base, action: 'asked to delete', note: `grace period ${grace}s` };
      return { ...base, action: 'updated' };
    }
  }
}

/** describeEvent turns an Event into a timeline entry at `time` (its last time when omitted). */
export function describeEvent(ev: Event, time?: number, id?: string): TimelineEntry {
  const actor = ev.source?.host ? `${ev.source.component}/${ev.source.host}` : (ev.source?.component ?? ev.reportingComponent ?? 'unknown');
  const involved = ev.involvedObject;
  return {
    id: id ?? `ev:${ev.metadata.uid ?? ev.metadata.name}:${ev.count}`,
    time: time ?? eventTime(ev),
    actor,
    action: ev.reason,
    object: objectRef(involved.kind, involved.name),
    name: involved.name,
    namespace: involved.namespace ?? '',
    detail: ev.message,
    warning: ev.type === 'Warning',
    count: ev.count,
  };
}

/** Timeline keeps the newest entries, fed incrementally from the audit log. */
export class Timeline {
  private list: TimelineEntry[] = [];
  private lastRv = -1;
  private readonly limit: number;
  // Objects as each write left them, by resourceVersion: later writes in the same instant
  // (a pod marked for deletion and removed at once) must not change how an earlier one reads.
  private readonly written = new Map<number, KubeObject>();
  private notes = 0;

  constructor(limit = TIMELINE_LIMIT) {
    this.limit = limit;
  }

  /** entries are oldest first. */
  get entries(): readonly TimelineEntry[] {
    return this.list;
  }

  /** startAt skips everything already in the audit log (a fresh cluster's bootstrap). */
  startAt(audit: readonly AuditEntry[]): void {
    this.lastRv = Math.max(this.lastRv, rvOf(audit[audit.length - 1]));
  }

  /** seed adds Events that happened before the audit log began, e.g. after a restore. */
  seed(events: readonly Event[]): void {
    const seeded = events.map((e) => describeEvent(e)).sort((a, b) => a.time - b.time);
    this.list = [...seeded, ...this.list].slice(-this.limit);
  }

  /** note adds an entry that is not an API write (a node switched off), at the end. */
  note(entry: Omit<TimelineEntry, 'id'>): void {
    this.list.push({ ...entry, id: `note:${++this.notes}` });
    if (this.list.length > this.limit) this.list.splice(0, this.list.length - this.limit);
  }

  /** observe remembers the object a write produced (feed it the store's watch events). */
  observe(event: WatchEvent): void {
    const rv = Number(event.object.metadata.resourceVersion);
    if (Number.isFinite(rv) && rv > this.lastRv) this.written.set(rv, event.object);
  }

  /** ingest adds the audit entries newer than the last one seen; it returns whether anything was added. */
  ingest(audit: readonly AuditEntry[], lookup: ObjectLookup): boolean {
    let i = audit.length;
    while (i > 0 && rvOf(audit[i - 1]) > this.lastRv) i--;
    if (i === audit.length) return false;
    let added = false;
    for (const a of audit.slice(i)) {
      const seen = this.written.get(rvOf(a));
      const at: ObjectLookup = (kind, ns, name) => (seen && seen.kind === kind && seen.metadata.name === name ? seen : lookup(kind, ns, name));
      const entry = describeAudit(a, at);
      if (entry) {
        this.list.push(entry);
        added = true;
      }
    }
    this.lastRv = rvOf(audit[audit.length - 1]);
    this.written.clear();
    if (this.list.length > this.limit) this.list.splice(0, this.list.length - this.limit);
    return added;
  }

  /** clear forgets every entry (reset). */
  clear(): void {
    this.list = [];
    this.lastRv = -1;
    this.written.clear();
  }
}

/** InstantGroup is the entries of one virtual instant, to the second (the resolution of Event timestamps). */
export interface InstantGroup {
  /** The whole second the entries happened in, in ms since the epoch. */
  time: number;
  entries: TimelineEntry[];
}

/** groupByInstant groups consecutive entries that happened within the same second. */
export function groupByInstant(entries: readonly TimelineEntry[]): InstantGroup[] {
  const groups: InstantGroup[] = [];
  for (const e of entries) {
    const second = Math.floor(e.time / 1000) * 1000;
    const last = groups[groups.length - 1];
    if (last && last.time === second) last.entries.push(e);
    else groups.push({ time: second, entries: [e] });
  }
  return groups;
}

/** filterByName keeps the entries whose object name (or `kind/name`) contains `text`, ignoring case. */
export function filterByName(entries: readonly TimelineEntry[], text: string): TimelineEntry[] {
  const q = text.trim().toLowerCase();
  if (q === '') return [...entries];
  return entries.filter((e) => e.name.toLowerCase().includes(q) || e.object.toLowerCase().startsWith(q));
}

function objectRef(kind: string, name: string): string {
  return `${kind.toLowerCase()}/${name}`;
}

function rvOf(a: AuditEntry | undefined): number {
  const n = Number(a?.resourceVersion);
  return Number.isFinite(n) ? n : -1;
}

function eventTime(ev: Event): number {
  const t = Date.parse(ev.lastTimestamp || ev.firstTimestamp || ev.metadata.creationTimestamp || '');
  return Number.isNaN(t) ? 0 : t;
}
