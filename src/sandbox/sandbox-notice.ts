/**
 * What the learner is told about their saved sandbox when something goes wrong with it, and how
 * old a saved sandbox is, in words.
 */

/** SandboxNotice is something the learner should know about their saved sandbox. */
export interface SandboxNotice {
  kind: 'restore' | 'save' | 'clipboard' | 'scenario';
  /** The first sentence, e.g. "Your saved sandbox could not be restored, so it starts fresh." */
  title: string;
  /** What happened, in plain words. */
  detail: string;
}

/** RESTORE_FAILED is the notice's first sentence when saved state is discarded. */
export const RESTORE_FAILED = 'Your saved sandbox could not be restored, so it starts fresh.';
/** SAVE_FAILED is the notice's first sentence when the sandbox cannot be saved. */
export const SAVE_FAILED = 'Your sandbox could not be saved in this browser, so a reload will start it fresh.';

/** describeAge says how long ago something was, roughly: "a moment ago", "5 minutes ago", "2 days ago". */
export function describeAge(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (!(minutes >= 1)) return 'a moment ago';
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  const days = Math.round(hours / 24);
  return `${days} day${days === 1 ? '' : 's'} ago`;
}
