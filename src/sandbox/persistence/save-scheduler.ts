/**
 * SaveScheduler debounces saves: a burst of changes is saved once it has been quiet for
 * `delayMs`, and a stream of changes that never goes quiet is still saved every `maxWaitMs`.
 */

/** Timers abstracts setTimeout so tests can drive time. */
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
  now(): number;
}

/** browserTimers are the real setTimeout and clock. */
export const browserTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

/** SaveScheduler calls `save` after changes settle. */
export class SaveScheduler {
  private handle: unknown;
  private firstChange: number | undefined;
  private lastChange = 0;
  private readonly save: () => void;
  private readonly timers: Timers;
  private readonly delayMs: number;
  private readonly maxWaitMs: number;

  constructor(save: () => void, opts: { delayMs?: number; maxWaitMs?: number; timers?: Timers } = {}) {
    this.save = save;
    this.timers = opts.timers ?? browserTimers;
    this.delayMs = opts.delayMs ?? 1000;
    this.maxWaitMs = opts.maxWaitMs ?? 5000;
  }

  /** pending is true while a save is scheduled. */
  get pending(): boolean {
    return this.firstChange !== undefined;
  }

  /** changed notes a change; cheap enough to call on every store write (no timer churn). */
  changed(): void {
    const now = this.timers.now();
    this.lastChange = now;
    if (this.firstChange !== undefined) return;
    this.firstChange = now;
    this.arm(this.delayMs);
  }

  /** flush saves now if a save is pending. */
  flush(): void {
    if (this.firstChange === undefined) return;
    this.cancel();
    this.save();
  }

  /** cancel drops a pending save. */
  cancel(): void {
    if (this.handle !== undefined) this.timers.clear(this.handle);
    this.handle = undefined;
    this.firstChange = undefined;
  }

  // The timer re-arms itself while changes keep coming, until they go quiet or maxWait is up.
  private arm(ms: number): void {
    this.handle = this.timers.set(() => this.due(), Math.max(0, ms));
  }

  private due(): void {
    this.handle = undefined;
    if (this.firstChange === undefined) return;
    const now = this.timers.now();
    const quietAt = this.lastChange + this.delayMs;
    const deadline = this.firstChange + this.maxWaitMs;
    if (now < quietAt && now < deadline) {
      this.arm(Math.min(quietAt, deadline) - now);
      return;
    }
    this.flush();
  }
}
