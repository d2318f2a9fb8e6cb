/**
 * EventRecorder writes core/v1 Events through the API server on behalf of a component, and
 * aggregates repeats (same object, reason, message and source) into one Event whose count
 * grows, as client-go's event correlator does.
 */
import type { Event, ObjectReference } from '../api/event.ts';
import type { KubeObject } from '../api/meta.ts';
import type { ApiServer } from '../apiserver/apiserver.ts';
import { StatusError } from '../apiserver/errors.ts';
import type { Clock } from '../clock.ts';
import { freezeOwned } from '../util/stored.ts';
import { rfc3339 } from '../util/time.ts';

/** RecorderState maps an aggregation key to the Event's name; it is part of a snapshot. */
export interface RecorderState {
  seq: number;
  names: Record<string, string>;
}

/** EventRecorder records events from components. */
export class EventRecorder {
  private seq = 0;
  // A Map, not a Record: it holds a key for every distinct event, tens of thousands in a big cluster.
  private names = new Map<string, string>();
  private readonly sources = new Map<string, { component: string; host?: string }>();
  private readonly api: ApiServer;
  private readonly clock: Clock;

  constructor(api: ApiServer, clock: Clock) {
    this.api = api;
    this.clock = clock;
  }

  /** state is the recorder's part of a snapshot. */
  get state(): RecorderState {
    return { seq: this.seq, names: Object.fromEntries(this.names) };
  }

  set state(s: RecorderState) {
    this.seq = s.seq;
    this.names = new Map(Object.entries(s.names));
  }

  /** record writes (or bumps) an Event about `obj`. */
  record(
    obj: KubeObject,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    source: { component: string; host?: string },
    fieldPath?: string,
  ): void {
    const namespace = obj.metadata.namespace || 'default';
    const involved: ObjectReference = {
      apiVersion: obj.apiVersion,
      kind: obj.kind,
      name: obj.metadata.name!,
      namespace: obj.metadata.namespace,
      uid: obj.metadata.uid,
      resourceVersion: obj.metadata.resourceVersion,
      ...(fieldPath ? { fieldPath } : {}),
    };
    const key = `${obj.metadata.uid ?? ''}\u0000${fieldPath ?? ''}\u0000${reason}\u0000${message}\u0000${type}\u0000${source.component}\u0000${source.host ?? ''}`;
    const now = rfc3339(this.clock.now());
    const existingName = this.names.get(key);
    const existing = existingName ? this.api.tryGet<Event>('Event', namespace, existingName) : undefined;
    const actor = source.host ? `${source.component}/${source.host}` : source.component;
    if (existing) {
      this.api.update<Event>({ ...existing, count: existing.count + 1, lastTimestamp: now, involvedObject: involved }, actor);
      return;
    }
    // Real names end in the hex of a nanosecond timestamp; the sequence keeps them unique within one instant.
    const name = `${obj.metadata.name}.${nanosHex(this.clock.now(), ++this.seq)}`;
    this.names.set(key, name);
    const event: Event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: involved,
      reason,
      message,
      type,
      source: this.sourceOf(source),
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      reportingComponent: source.component === 'kubelet' ? 'kubelet' : source.component,
      reportingInstance: source.host ?? '',
      eventTime: null,
    };
    try {
      // Frozen, the new Event is handed to the API server as it is, not copied.
      this.api.create(freezeOwned(event), actor);
    } catch (e) {
      // Like client-go's recorder, an event the server refuses (say, in a terminating
      // namespace) is dropped: recording what happened must never break the component.
      if (!(e instanceof StatusError)) throw e;
      this.names.delete(key);
    }
  }

  /** sourceOf returns one shared, frozen EventSource per component and host: tens of thousands of events name the same few. */
  private sourceOf(source: { component: string; host?: string }): { component: string; host?: string } {
    const key = source.host === undefined ? source.component : `${source.component}\u0000${source.host}`;
    let shared = this.sources.get(key);
    if (!shared) {
      shared = freezeOwned(source.host === undefined ? { component: source.component } : { component: source.component, host: source.host });
      this.sources.set(key, shared);
    }
    return shared;
  }

  /** eventsFor returns the Events about an object, by last occurrence, as describe sorts them. */
  eventsFor(obj: KubeObject): Event[] {
    const ns = obj.metadata.namespace || 'default';
    return this.api
      .list<Event>('Event', ns)
      .filter((e) => e.involvedObject.uid === obj.metadata.uid || (obj.kind === 'Node' && e.involvedObject.kind === 'Node' && e.involvedObject.name === obj.metadata.name))
      .sort((a, b) => (a.lastTimestamp < b.lastTimestamp ? -1 : a.lastTimestamp > b.lastTimestamp ? 1 : 0));
  }
}

/**
 * nanosHex is `(ms × 10⁶ + seq)` in hex, at least 16 digits, computed exactly in two halves of
 * plain numbers rather than with BigInt: it names every event.
 */
export function nanosHex(ms: number, seq: number): string {
  if (ms >= 2 ** 41 || seq >= 2 ** 40) return (BigInt(ms) * 1000000n + BigInt(seq)).toString(16).padStart(16, '0');
  const low = (ms % LOW) * 1e6 + seq;
  const high = Math.floor(ms / LOW) * 1e6 + Math.floor(low / LOW);
  const lowHex = (low % LOW).toString(16).padStart(LOW_DIGITS, '0');
  return (high > 0 ? high.toString(16) + lowHex : (low % LOW).toString(16)).padStart(16, '0');
}

// Below 2^41 ms (until the year 2039) every intermediate stays below 2^53; later times take BigInt.
const LOW_DIGITS = 5;
const LOW = 16 ** LOW_DIGITS;
