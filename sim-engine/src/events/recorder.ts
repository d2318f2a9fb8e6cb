/**
 * EventRecorder writes core/v1 Events through the API server on behalf of a component. Each
 * component's events go through its own EventCorrelator (correlator.ts), as client-go's do:
 * repeats bump one Event's count, many similar messages combine, and a flood about one object
 * is rationed.
 */
import type { Event, ObjectReference } from '../api/event.ts';
import type { KubeObject } from '../api/meta.ts';
import type { ApiServer } from '../apiserver/apiserver.ts';
import { StatusError } from '../apiserver/errors.ts';
import type { Clock } from '../clock.ts';
import { EventCorrelator, MAX_LRU_ENTRIES, type CorrelatorState } from './correlator.ts';
import { freezeOwned } from '../util/stored.ts';
import { rfc3339 } from '../util/time.ts';

/** RecorderState is the recorder's part of a snapshot: the name counter and each component's correlator, by `\0component\0host`. */
export interface RecorderState {
  seq: number;
  correlators?: Record<string, CorrelatorState>;
  /** Snapshots from before the correlator: event key + suffix → Event name. */
  names?: Record<string, string>;
}

/**
 * SharedSource is a component's frozen EventSource, the actor its writes are audited as, and its
 * own correlator: in a real cluster each component (each kubelet) runs its own recorder.
 */
interface SharedSource {
  source: { component: string; host?: string };
  actor: string;
  correlator: EventCorrelator;
}

/** EventRecorder records events from components. */
export class EventRecorder {
  private seq = 0;
  // One correlator per component and host, keyed `\0component\0host` in snapshots.
  private readonly correlators = new Map<string, EventCorrelator>();
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
    const correlators: Record<string, CorrelatorState> = {};
    for (const [suffix, c] of this.correlators) correlators[suffix] = c.state;
    return { seq: this.seq, correlators };
  }

  set state(s: RecorderState) {
    this.seq = s.seq;
    this.correlators.clear();
    this.sources.clear();
    for (const [suffix, state] of Object.entries(s.correlators ?? {})) this.correlatorFor(suffix).state = state;
    if (s.names) this.adoptNames(s.names);
  }

  /** adoptNames turns an older snapshot's aggregation names into logger entries, with counts read from the Events. */
  private adoptNames(names: Record<string, string>): void {
    const byName = new Map(this.api.list<Event>('Event').map((e) => [e.metadata.name!, e]));
    for (const [key, name] of Object.entries(names)) {
      const at = key.lastIndexOf('\u0000', key.lastIndexOf('\u0000') - 1);
      const [uid, fieldPath, reason, message, type] = key.slice(0, at).split('\u0000') as [string, string, string, string, 'Normal' | 'Warning'];
      const e = byName.get(name);
      if (!e) continue;
      this.correlatorFor(key.slice(at)).remember(uid, message, { fieldPath, type, reason, count: e.count, first: Date.parse(e.firstTimestamp) || 0, name });
    }
  }

  /** record writes (or bumps) an Event about `obj`, unless the correlator rations it away. */
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
    const { source: sharedSource, actor, correlator } = this.sourceOf(source);
    const nowMs = this.clock.now();
    const now = rfc3339(nowMs);
    const m = obj.metadata;
    const c = correlator.correlate(
      {
        object: m.uid ?? `${obj.kind}/${m.namespace ?? ''}/${m.name}`,
        fieldPath: fieldPath ?? '',
        type,
        reason,
        message,
        // Real names end in the hex of a nanosecond timestamp; the sequence keeps them unique within one instant.
        name: `${m.name}.${nanosHex(nowMs, ++this.seq)}`,
      },
      nowMs,
    );
    if (c.skip) return;
    try {
      const existing = c.count > 1 ? this.api.tryGet<Event>('Event', namespace, c.name) : undefined;
      // A repeat patches count, lastTimestamp and message; the involved object stays as first written.
      if (existing) this.api.update<Event>({ ...existing, count: c.count, lastTimestamp: now, message: c.message }, actor);
      else this.api.create(freezeOwned(this.newEvent(obj, namespace, c.name, type, reason, c.message, sharedSource, fieldPath, c.count, rfc3339(c.first), now)), actor);
    } catch (e) {
      // Like client-go's recorder, an event the server refuses (say, in a terminating
      // namespace) is dropped: recording what happened must never break the component.
      if (!(e instanceof StatusError)) throw e;
    }
  }

  private newEvent(
    obj: KubeObject,
    namespace: string,
    name: string,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    source: Event['source'],
    fieldPath: string | undefined,
    count: number,
    first: string,
    now: string,
  ): Event {
    return {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: this.referenceTo(obj, fieldPath),
      reason,
      message,
      type,
      source,
      // An Event that expired (event TTL) comes back under its old name and count.
      firstTimestamp: first,
      lastTimestamp: now,
      count,
      reportingComponent: source.component === 'kubelet' ? 'kubelet' : source.component,
      reportingInstance: source.host ?? '',
      eventTime: null,
    };
  }

  /** correlatorFor returns the correlator of the component and host that `suffix` names. */
  private correlatorFor(suffix: string): EventCorrelator {
    let c = this.correlators.get(suffix);
    if (!c) this.correlators.set(suffix, (c = new EventCorrelator()));
    return c;
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
        correlator: this.correlatorFor(`\u0000${source.component}\u0000${source.host ?? ''}`),
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

/** MAX_LRU_ENTRIES is how many objects a component's correlator remembers (client-go's maxLruCacheEntries). */
export { MAX_LRU_ENTRIES };

// Below 2^41 ms (until the year 2039) every intermediate stays below 2^53; later times take BigInt.
const LOW_DIGITS = 5;
const LOW = 16 ** LOW_DIGITS;
