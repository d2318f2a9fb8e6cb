/**
 * Clock is the cluster's virtual time. Time moves only when someone advances it, which is
 * what makes a transcript print the same bytes on every run. Timers are plain data (the
 * component that owns them and what to do), never closures, so a snapshot can hold them.
 */

/** Timer is a piece of time-based work: at `at`, the owning component handles `action`. */
export interface Timer {
  at: number;
  /** Insertion order; breaks ties between timers due at the same instant. */
  seq: number;
  owner: string;
  action: Record<string, unknown> & { type: string };
}

/** ClockState is the clock's part of a snapshot. */
export interface ClockState {
  now: number;
  seq: number;
  timers: Timer[];
}

/**
 * Clock keeps virtual time and the timers due in it. Timers live in a binary heap ordered by
 * (at, seq), and each owner's pending timers in a set, so scheduling, taking and cancelling
 * cost O(log n) or the owner's own timers, never a walk over every timer in the cluster.
 * A cancelled timer leaves its owner's set at once and the heap lazily, when it surfaces.
 */
export class Clock {
  private nowMs: number;
  private seq = 0;
  private heap: Timer[] = [];
  // Each owner's pending timers. An owner's set stays when it empties: owners are the cluster's
  // components (one set each, however many nodes), and a kubelet's timers come and go a pod at a time.
  private readonly byOwner = new Map<string, Set<Timer>>();
  private pending = 0;

  constructor(start: number) {
    this.nowMs = start;
  }

  /** now is the current virtual time in milliseconds since the epoch. */
  now(): number {
    return this.nowMs;
  }

  /** schedule adds a timer `delayMs` from now and returns its sequence number. */
  schedule(delayMs: number, owner: string, action: Timer['action']): number {
    const seq = ++this.seq;
    this.add({ at: this.nowMs + Math.max(0, Math.ceil(delayMs)), seq, owner, action });
    return seq;
  }

  /** cancel removes the timers of `owner` for which `match` is true. */
  cancel(owner: string, match: (action: Timer['action']) => boolean): void {
    const mine = this.byOwner.get(owner);
    if (!mine) return;
    for (const t of mine) {
      if (!match(t.action)) continue;
      mine.delete(t);
      this.pending--;
    }
    // Cancelled timers wait in the heap until they surface; rebuild when they dominate it.
    if (this.heap.length > 64 && this.heap.length > 2 * this.pending) this.compact();
  }

  /** nextAt is when the earliest timer is due, or undefined when none is pending. */
  nextAt(): number | undefined {
    return this.peek()?.at;
  }

  /** takeDue removes and returns the earliest timer if it is due at or before `until`, moving now to it. */
  takeDue(until: number): Timer | undefined {
    const first = this.peek();
    if (!first || first.at > until) return undefined;
    this.pop();
    this.forget(first);
    if (first.at > this.nowMs) this.nowMs = first.at;
    return first;
  }

  /** setNow moves time forward to `t` (never backwards). */
  setNow(t: number): void {
    // Virtual time is whole milliseconds: timestamps and event names are built from it.
    const whole = Math.floor(t);
    if (whole > this.nowMs) this.nowMs = whole;
  }

  /** snapshot returns the clock's plain-data state, its pending timers in firing order. */
  snapshot(): ClockState {
    const timers = this.heap.filter((t) => this.isPending(t)).sort(compare);
    return { now: this.nowMs, seq: this.seq, timers: timers.map((t) => ({ ...t, action: { ...t.action } })) };
  }

  /** restore replaces the clock's state with a snapshot's. */
  restore(s: ClockState): void {
    this.nowMs = s.now;
    this.seq = s.seq;
    this.heap = [];
    this.byOwner.clear();
    this.pending = 0;
    for (const t of s.timers) this.add({ ...t, action: { ...t.action } });
  }

  private add(timer: Timer): void {
    let mine = this.byOwner.get(timer.owner);
    if (!mine) this.byOwner.set(timer.owner, (mine = new Set()));
    mine.add(timer);
    this.pending++;
    const heap = this.heap;
    let i = heap.push(timer) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(timer, heap[parent]!)) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = timer;
  }

  /** peek returns the earliest pending timer, dropping cancelled ones that reached the top. */
  private peek(): Timer | undefined {
    while (this.heap.length > 0 && !this.isPending(this.heap[0]!)) this.pop();
    return this.heap[0];
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap.pop()!;
    if (heap.length === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= heap.length) break;
      const r = l + 1;
      const child = r < heap.length && before(heap[r]!, heap[l]!) ? r : l;
      if (!before(heap[child]!, last)) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = last;
  }

  private isPending(t: Timer): boolean {
    return this.byOwner.get(t.owner)?.has(t) ?? false;
  }

  private forget(t: Timer): void {
    const mine = this.byOwner.get(t.owner);
    if (!mine?.delete(t)) return;
    this.pending--;
  }

  private compact(): void {
    const live = this.heap.filter((t) => this.isPending(t)).sort(compare);
    // A sorted array is a valid heap.
    this.heap = live;
  }
}

function before(a: Timer, b: Timer): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

function compare(a: Timer, b: Timer): number {
  return a.at - b.at || a.seq - b.seq;
}
