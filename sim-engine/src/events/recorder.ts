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
import { LruCache } from '../util/lru-cache.ts';
import { freezeOwned } from '../util/stored.ts';
import { rfc3339 } from '../util/time.ts';

/** RecorderState maps an aggregation key to the Event's name; it is part of a snapshot. */
export interface RecorderState {
  seq: number;
  names: Record<string, string>;
}

/**
 * SharedSource is a component's frozen EventSource, the actor its writes are audited as, and its
 * own aggregation cache: in a real cluster each component (each kubelet) runs its own recorder.
 */
interface SharedSource {
  source: { component: string; host?: string };
  actor: string;
  names: LruCache<string>;
}

/** EventRecorder records events from components. */
export class EventRecorder {
  private seq = 0;
  // Like client-go's correlator, each component remembers its last MAX_LRU_ENTRIES distinct
  // events, by aggregation key; a cache's snapshot key ends in its component and host.
  private readonly caches = new Map<string, LruCache<string>>();
  private readonly sources = new Map<string, Map<string | undefined, SharedSource>>();
  // The last reference built: a component records several events about one object version in a row.
  private lastRef: { obj: KubeObject; fieldPath: string | undefined; ref: ObjectReference } | undefined;
  // Messages and field paths repeat across thousands of events (Pulling image "nginx"): each text is kept once.
  private texts = new Map<string, string>();
  private readonly api: ApiServer;
  private readonly clock: Clock;

  constructor(api: ApiServer, clock: Clock) {
    this.api = api;
    this.clock = clock;
  }

  /** state is the recorder's part of a snapshot. */
  get state(): RecorderState {
    const names: Record<string, string> = {};
    for (const [suffix, cache] of this.caches) for (const [key, name] of cache) names[key + suffix] = name;
    return { seq: this.seq, names };
  }

  set state(s: RecorderState) {
    this.seq = s.seq;
    this.caches.clear();
    this.sources.clear();
    for (const [key, name] of Object.entries(s.names)) {
      const at = key.lastIndexOf('\u0000', key.lastIndexOf('\u0000') - 1);
      this.cacheFor(key.slice(at)).set(key.slice(0, at), name);
    }
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
    message = this.shared(message);
    if (fieldPath) fieldPath = this.shared(fieldPath);
    const namespace = obj.metadata.namespace || 'default';
    const involved = this.referenceTo(obj, fieldPath);
    const { source: sharedSource, actor, names } = this.sourceOf(source);
    const key = `${obj.metadata.uid ?? ''}\u0000${fieldPath ?? ''}\u0000${reason}\u0000${message}\u0000${type}`;
    const now = rfc3339(this.clock.now());
    const existingName = names.get(key);
    const existing = existingName ? this.api.tryGet<Event>('Event', namespace, existingName) : undefined;
    if (existing) {
      this.api.update<Event>({ ...existing, count: existing.count + 1, lastTimestamp: now, involvedObject: involved }, actor);
      return;
    }
    // Real names end in the hex of a nanosecond timestamp; the sequence keeps them unique within one instant.
    const name = `${obj.metadata.name}.${nanosHex(this.clock.now(), ++this.seq)}`;
    names.set(key, name);
    const event: Event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: involved,
      reason,
      message,
      type,
      source: sharedSource,
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
      names.delete(key);
    }
  }

  /** cacheFor returns the aggregation cache of the component and host that `suffix` names. */
  private cacheFor(suffix: string): LruCache<string> {
    let cache = this.caches.get(suffix);
    if (!cache) this.caches.set(suffix, (cache = new LruCache<string>(MAX_LRU_ENTRIES)));
    return cache;
  }

  /** shared returns the copy of a text already kept, or keeps this one; the kept texts are forgotten in bulk now and then. */
  private shared(text: string): string {
    const kept = this.texts.get(text);
    if (kept !== undefined) return kept;
    if (this.texts.size >= MAX_LRU_ENTRIES) this.texts.clear();
    this.texts.set(text, text);
    return text;
  }

  /** referenceTo returns the frozen ObjectReference to an object version, shared by its events in a row. */
  private referenceTo(obj: KubeObject, fieldPath: string | undefined): ObjectReference {
    const last = this.lastRef;
    // Only a stored (frozen) object is sure to be the same version the next time it comes.
    if (last && last.obj === obj && last.fieldPath === fieldPath && Object.isFrozen(obj.metadata)) return last.ref;
    const ref: ObjectReference = freezeOwned({
      apiVersion: obj.apiVersion,
      kind: obj.kind,
      name: obj.metadata.name!,
      namespace: obj.metadata.namespace,
      uid: obj.metadata.uid,
      resourceVersion: obj.metadata.resourceVersion,
      ...(fieldPath ? { fieldPath } : {}),
    });
    this.lastRef = { obj, fieldPath, ref };
    return ref;
  }

  /**
   * sourceOf returns one shared, frozen EventSource per component and host, with the audit actor
   * that names them: tens of thousands of events name the same few.
   */
  private sourceOf(source: { component: string; host?: string }): SharedSource {
    let byHost = this.sources.get(source.component);
    if (!byHost) this.sources.set(source.component, (byHost = new Map()));
    let shared = byHost.get(source.host);
    if (!shared) {
      shared = {
        source: freezeOwned(source.host === undefined ? { component: source.component } : { component: source.component, host: source.host }),
        actor: source.host ? `${source.component}/${source.host}` : source.component,
        names: this.cacheFor(`\u0000${source.component}\u0000${source.host ?? ''}`),
      };
      byHost.set(source.host, shared);
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

/**
 * MAX_LRU_ENTRIES is how many distinct events the recorder remembers for aggregation, client-go's
 * maxLruCacheEntries: an event that comes back after that many others starts a new Event.
 */
export const MAX_LRU_ENTRIES = 4096;

// Below 2^41 ms (until the year 2039) every intermediate stays below 2^53; later times take BigInt.
const LOW_DIGITS = 5;
const LOW = 16 ** LOW_DIGITS;
