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

/** Clock keeps virtual time and the timers due in it. */
export class Clock {
  private state: ClockState;

  constructor(start: number) {
    this.state = { now: start, seq: 0, timers: [] };
  }

  /** now is the current virtual time in milliseconds since the epoch. */
  now(): number {
    return this.state.now;
  }

  /** schedule adds a timer `delayMs` from now and returns its sequence number. */
  schedule(delayMs: number, owner: string, action: Timer['action']): number {
    const seq = ++this.state.seq;
    const timer: Timer = { at: this.state.now + Math.max(0, Math.ceil(delayMs)), seq, owner, action };
    // Timers stay sorted by (at, seq) so the next one is always first.
    const timers = this.state.timers;
    let i = timers.length;
    while (i > 0 && before(timer, timers[i - 1]!)) i--;
    timers.splice(i, 0, timer);
    return seq;
  }

  /** cancel removes the timers of `owner` for which `match` is true. */
  cancel(owner: string, match: (action: Timer['action']) => boolean): void {
    this.state.timers = this.state.timers.filter((t) => t.owner !== owner || !match(t.action));
  }

  /** nextAt is when the earliest timer is due, or undefined when none is pending. */
  nextAt(): number | undefined {
    return this.state.timers[0]?.at;
  }

  /** takeDue removes and returns the earliest timer if it is due at or before `until`, moving now to it. */
  takeDue(until: number): Timer | undefined {
    const first = this.state.timers[0];
    if (!first || first.at > until) return undefined;
    this.state.timers.shift();
    if (first.at > this.state.now) this.state.now = first.at;
    return first;
  }

  /** setNow moves time forward to `t` (never backwards). */
  setNow(t: number): void {
    // Virtual time is whole milliseconds: timestamps and event names are built from it.
    const whole = Math.floor(t);
    if (whole > this.state.now) this.state.now = whole;
  }

  /** snapshot returns the clock's plain-data state. */
  snapshot(): ClockState {
    return { now: this.state.now, seq: this.state.seq, timers: this.state.timers.map((t) => ({ ...t, action: { ...t.action } })) };
  }

  /** restore replaces the clock's state with a snapshot's. */
  restore(s: ClockState): void {
    this.state = { now: s.now, seq: s.seq, timers: s.timers.map((t) => ({ ...t, action: { ...t.action } })) };
  }
}

function before(a: Timer, b: Timer): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
