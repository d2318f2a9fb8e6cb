/** How much cluster time passes for a sandbox while its page was closed. */

/** MAX_CATCH_UP_MS caps the catch-up at one hour, so a sandbox left for a week holds no surprises. */
export const MAX_CATCH_UP_MS = 3_600_000;

/** catchUpMs is the wall time since the save, capped, and none when the clock was paused or the wall clock went backwards. */
export function catchUpMs(savedAt: number, wallNow: number, speed: number): number {
  if (!(speed > 0)) return 0;
  const elapsed = wallNow - savedAt;
  if (!Number.isFinite(elapsed) || elapsed <= 0) return 0;
  return Math.min(Math.floor(elapsed), MAX_CATCH_UP_MS);
}
