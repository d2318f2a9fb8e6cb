/**
 * LiveClock drives a cluster's virtual clock from wall time in the browser: each tick moves
 * cluster time forward by the real time elapsed × the speed (0 = paused), firing the
 * cluster's timers, and wakes the programs sleeping in cluster time.
 */

/** Advancer is the part of the cluster the clock drives. */
export interface Advancer {
  now(): number;
  advanceTo(t: number): void;
}

/** Ticker abstracts the browser's timer so tests can drive the clock by hand. */
export interface Ticker {
  start(tick: () => void): () => void;
  wallNow(): number;
}

interface Sleeper {
  at: number;
  resolve: () => void;
}

/** LiveClock advances cluster time with wall time and resolves cluster-time sleeps. */
export class LiveClock {
  private speed = 1;
  private lastWall: number;
  /** Fractions of a millisecond not yet applied; cluster time moves in whole milliseconds. */
  private carry = 0;
  private sleepers: Sleeper[] = [];
  private stop: (() => void) | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly cluster: Advancer;
  private readonly ticker: Ticker;

  constructor(cluster: Advancer, ticker: Ticker) {
    this.cluster = cluster;
    this.ticker = ticker;
    this.lastWall = ticker.wallNow();
  }

  /** start begins following wall time. */
  start(): void {
    this.lastWall = this.ticker.wallNow();
    this.stop ??= this.ticker.start(() => this.tick());
  }

  /** dispose stops the clock; pending sleeps never resolve. */
  dispose(): void {
    this.stop?.();
    this.stop = undefined;
  }

  /** setSpeed sets how many cluster seconds pass per real second (0 pauses). */
  setSpeed(speed: number): void {
    this.tick();
    this.speed = speed;
    this.emit();
  }

  /** getSpeed returns the current speed. */
  getSpeed(): number {
    return this.speed;
  }

  /** sleep resolves once cluster time has moved `ms` forward. */
  sleep(ms: number): Promise<void> {
    const at = this.cluster.now() + Math.ceil(Math.max(0, ms));
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => this.sleepers.push({ at, resolve }));
  }

  /** step jumps cluster time by `ms` at once (the "step" control and tests). */
  step(ms: number): void {
    this.advanceTo(this.cluster.now() + Math.round(ms));
  }

  /** onChange subscribes to ticks that moved time; returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** tick advances cluster time by the wall time elapsed since the previous tick. */
  tick(): void {
    const wall = this.ticker.wallNow();
    const elapsed = Math.max(0, wall - this.lastWall);
    this.lastWall = wall;
    if (this.speed <= 0 || elapsed <= 0) return;
    this.carry += elapsed * this.speed;
    const whole = Math.floor(this.carry);
    this.carry -= whole;
    if (whole > 0) this.advanceTo(this.cluster.now() + whole);
  }

  private advanceTo(target: number): void {
    // Stop at each sleeper's instant so a program wakes exactly when it asked to.
    for (;;) {
      this.sleepers.sort((a, b) => a.at - b.at);
      const next = this.sleepers[0];
      if (!next || next.at > target) break;
      this.cluster.advanceTo(next.at);
      this.sleepers.shift();
      next.resolve();
    }
    this.cluster.advanceTo(target);
    this.emit();
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}

/** animationTicker ticks on every animation frame (about 60 times a second while the page is visible). */
export function animationTicker(): Ticker {
  return {
    wallNow: () => performance.now(),
    start(tick) {
      let id = 0;
      const loop = () => {
        tick();
        id = requestAnimationFrame(loop);
      };
      id = requestAnimationFrame(loop);
      return () => cancelAnimationFrame(id);
    },
  };
}
