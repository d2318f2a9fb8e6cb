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
import { rfc3339 } from '../util/time.ts';

/** RecorderState maps an aggregation key to the Event's name; it is part of a snapshot. */
export interface RecorderState {
  seq: number;
  names: Record<string, string>;
}

/** EventRecorder records events from components. */
export class EventRecorder {
  state: RecorderState = { seq: 0, names: {} };
  private readonly api: ApiServer;
  private readonly clock: Clock;

  constructor(api: ApiServer, clock: Clock) {
    this.api = api;
    this.clock = clock;
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
    const key = [obj.metadata.uid, fieldPath ?? '', reason, message, type, source.component, source.host ?? ''].join('\u0000');
    const now = rfc3339(this.clock.now());
    const existingName = this.state.names[key];
    const existing = existingName ? this.api.tryGet<Event>('Event', namespace, existingName) : undefined;
    const actor = source.host ? `${source.component}/${source.host}` : source.component;
    if (existing) {
      this.api.update<Event>({ ...existing, count: existing.count + 1, lastTimestamp: now, involvedObject: involved }, actor);
      return;
    }
    // Real names end in the hex of a nanosecond timestamp; the sequence keeps them unique within one instant.
    const nanos = BigInt(this.clock.now()) * 1000000n + BigInt(++this.state.seq);
    const name = `${obj.metadata.name}.${nanos.toString(16).padStart(16, '0')}`;
    this.state.names[key] = name;
    const event: Event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: involved,
      reason,
      message,
      type,
      source,
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      reportingComponent: source.component === 'kubelet' ? 'kubelet' : source.component,
      reportingInstance: source.host ?? '',
      eventTime: null,
    };
    try {
      this.api.create(event, actor);
    } catch (e) {
      // Like client-go's recorder, an event the server refuses (say, in a terminating
      // namespace) is dropped: recording what happened must never break the component.
      if (!(e instanceof StatusError)) throw e;
      delete this.state.names[key];
    }
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
