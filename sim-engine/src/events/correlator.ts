/**
 * EventCorrelator is client-go's event correlator (tools/record/events_cache.go), one per
 * component, run before an Event is written:
 * - the aggregator: once an object has had 10 events of one reason with different messages
 *   within 10 minutes, further ones become one Event whose message starts
 *   "(combined from similar events): ";
 * - the logger: an event seen before (same object, field, reason, message and type) bumps the
 *   count of the Event already written instead of writing another;
 * - the spam filter: a token bucket per object (25 at once, then one every 5 minutes) drops the
 *   rest, after the logger has counted them, so a later write jumps its count.
 * client-go keeps each in an LRU cache of 4,096 keys; here one LRU of 4,096 objects holds all
 * three for each object, looked up by uid, so recording an event builds no key strings (the
 * engine records tens of thousands). All state is plain data for snapshots.
 */
import { LruCache } from '../util/lru-cache.ts';

/** MAX_LRU_ENTRIES is how many objects a correlator remembers, client-go's maxLruCacheEntries. */
export const MAX_LRU_ENTRIES = 4096;
/** AGGREGATE_MAX_EVENTS is how many different messages of one reason start a combined Event. */
export const AGGREGATE_MAX_EVENTS = 10;
const AGGREGATE_INTERVAL_MS = 600_000;
/** SPAM_BURST is how many events about one object a component writes before rationing them. */
export const SPAM_BURST = 25;
/** SPAM_REFILL_MS is how long the spam filter takes to allow one more (a rate of 1/300 per second). */
export const SPAM_REFILL_MS = 300_000;
/** COMBINED_PREFIX starts the message of a combined Event. */
export const COMBINED_PREFIX = '(combined from similar events): ';

type EventType = 'Normal' | 'Warning';

/** EventLog is what the logger remembers of an Event: where it applies, its count, first time (ms) and name. */
export interface EventLog {
  fieldPath: string;
  type: EventType;
  reason: string;
  count: number;
  first: number;
  name: string;
}

/** Similar is the aggregator's record of one reason and type: the messages seen lately, when the last came, and the combined Event once there is one. */
interface Similar {
  type: EventType;
  reason: string;
  messages: string[];
  last: number;
  combined?: EventLog;
}

/** ObjectRecord is everything a correlator remembers about one involved object. */
export interface ObjectRecord {
  /** The spam filter's bucket: tokens left, and when they were counted. */
  tokens: number;
  at: number;
  similar: Similar[];
  /** The logger's Events by message. */
  logs: Map<string, EventLog[]>;
}

/** CorrelatorState is a correlator's objects, least recently used first, for a snapshot (the logs as entries). */
export type CorrelatorState = [string, Omit<ObjectRecord, 'logs'> & { logs: [string, EventLog[]][] }][];

/** Occurrence is one event as a component reports it. */
export interface Occurrence {
  /** The involved object's uid (kind/namespace/name without one). */
  object: string;
  fieldPath: string;
  type: EventType;
  reason: string;
  message: string;
  /** The name a new Event would get. */
  name: string;
}

/** Correlated is what to write: an Event with this message, count, first time and name, or nothing. */
export interface Correlated {
  skip: boolean;
  message: string;
  count: number;
  first: number;
  name: string;
}

// An object's logger entries are bounded too: a stream of ever-new messages must not grow one record forever.
const MAX_MESSAGES_PER_OBJECT = MAX_LRU_ENTRIES;

/** EventCorrelator filters, aggregates, counts and de-duplicates one component's events. */
export class EventCorrelator {
  private objects = new LruCache<ObjectRecord>(MAX_LRU_ENTRIES);

  /** correlate runs the aggregator, the logger and the spam filter over one occurrence at `now`. */
  correlate(o: Occurrence, now: number): Correlated {
    let rec = this.objects.get(o.object);
    if (!rec) this.objects.set(o.object, (rec = { tokens: SPAM_BURST, at: now, similar: [], logs: new Map() }));
    // The aggregator: messages of one reason about the object (whatever the field).
    let similar = rec.similar.find((s) => s.reason === o.reason && s.type === o.type);
    if (similar && now - similar.last > AGGREGATE_INTERVAL_MS) {
      rec.similar.splice(rec.similar.indexOf(similar), 1);
      similar = undefined;
    }
    if (!similar) rec.similar.push((similar = { type: o.type, reason: o.reason, messages: [], last: now }));
    if (!similar.messages.includes(o.message)) similar.messages.push(o.message);
    similar.last = now;
    let log: EventLog;
    let message = o.message;
    if (similar.messages.length >= AGGREGATE_MAX_EVENTS) {
      // Do not grow the set past the maximum: forget the oldest message.
      similar.messages.shift();
      message = COMBINED_PREFIX + o.message;
      log = similar.combined ??= { fieldPath: o.fieldPath, type: o.type, reason: o.reason, count: 0, first: now, name: o.name };
      log.count++;
    } else {
      // The logger: a repeat bumps the count of the Event already written.
      let same = rec.logs.get(o.message);
      if (!same) rec.logs.set(o.message, (same = []));
      const found = same.find((l) => l.fieldPath === o.fieldPath && l.reason === o.reason && l.type === o.type);
      if (found) found.count++;
      else same.push({ fieldPath: o.fieldPath, type: o.type, reason: o.reason, count: 1, first: now, name: o.name });
      log = found ?? same[same.length - 1]!;
      if (!found) bound(rec.logs);
    }
    return { skip: !allow(rec, now), message, count: log.count, first: log.first, name: log.name };
  }

  /** remember records an Event an older snapshot knew by name only, so its count goes on. */
  remember(object: string, message: string, log: EventLog): void {
    let rec = this.objects.get(object);
    if (!rec) this.objects.set(object, (rec = { tokens: SPAM_BURST, at: log.first, similar: [], logs: new Map() }));
    const same = rec.logs.get(message);
    if (same) same.push(log);
    else rec.logs.set(message, [log]);
  }

  /** state is the remembered objects, least recently used first (copies: records change in place). */
  get state(): CorrelatorState {
    return [...this.objects].map(([k, v]) => [k, structuredData({ ...v, logs: [...v.logs] })]);
  }

  set state(s: CorrelatorState) {
    this.objects = new LruCache<ObjectRecord>(MAX_LRU_ENTRIES);
    for (const [k, v] of s) {
      const copy = structuredData(v);
      this.objects.set(k, { ...copy, logs: new Map(copy.logs) });
    }
  }
}

/** allow takes a token from the object's bucket (full to start with), if it has one. */
function allow(rec: ObjectRecord, now: number): boolean {
  const tokens = Math.min(SPAM_BURST, rec.tokens + (now - rec.at) / SPAM_REFILL_MS);
  const ok = tokens >= 1;
  rec.tokens = ok ? tokens - 1 : tokens;
  rec.at = now;
  return ok;
}

/** bound forgets the oldest message of an object past the limit. */
function bound(logs: Map<string, EventLog[]>): void {
  if (logs.size > MAX_MESSAGES_PER_OBJECT) logs.delete(logs.keys().next().value!);
}

function structuredData<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}
