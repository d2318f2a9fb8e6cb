/**
 * LoopGuard keeps a loop that never waits from freezing the page: the shell runs on the
 * browser's main thread, and a `while true; do echo; done` that never sleeps would never
 * let Ctrl+C through. Loops that sleep or wait for the cluster move the clock and are
 * never stopped; only iterations at one instant of cluster time are counted.
 */

/** BUSY_LOOP_LIMIT is how many loop iterations may run without cluster time moving. */
export const BUSY_LOOP_LIMIT = 10_000;

/** LoopGuard counts iterations without waiting, and holds the "abandon this input" state. */
export class LoopGuard {
  /** halted is set when the rest of the input must not run: a busy loop stopped, or an arithmetic error. */
  halted = false;
  private count = 0;
  private at = Number.NaN;

  /** reset starts a fresh command line. */
  reset(): void {
    this.halted = false;
    this.count = 0;
    this.at = Number.NaN;
  }

  /** step counts one iteration at cluster time `now`; false once the limit is passed, after saying so on `stderr`. */
  step(now: number, stderr: (text: string) => void): boolean {
    if (now !== this.at) {
      this.at = now;
      this.count = 0;
    }
    if (++this.count <= BUSY_LOOP_LIMIT) return true;
    stderr(`bash: loop stopped after ${BUSY_LOOP_LIMIT} iterations without waiting (the sandbox guards against busy loops)\n`);
    this.halted = true;
    return false;
  }
}
