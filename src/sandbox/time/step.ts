/** Stepping: jump cluster time straight to the next piece of scheduled work. */

/** Schedule is the part of a cluster that knows what is due next. */
export interface Schedule {
  now(): number;
  nextTimerAt(): number | undefined;
}

/** Stepper moves time by a given amount (LiveClock.step). */
export interface Stepper {
  step(ms: number): void;
}

/** StepResult is how far a step went, or that nothing was scheduled. */
export type StepResult = { stepped: true; from: number; to: number } | { stepped: false; at: number };

/** stepToNextEvent advances the clock to `cluster.nextTimerAt()`, firing what is due there. */
export function stepToNextEvent(cluster: Schedule, clock: Stepper): StepResult {
  const from = cluster.now();
  const next = cluster.nextTimerAt();
  if (next === undefined) return { stepped: false, at: from };
  clock.step(Math.max(0, next - from));
  return { stepped: true, from, to: cluster.now() };
}
