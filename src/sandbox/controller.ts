/**
 * SandboxController is what a sandbox's panels (terminal, editor, cluster map, event panel,
 * notebook cells) share: the session, its live clock, and ways to run commands visibly.
 * Panels receive it when they mount and never reach into each other.
 */
import type { ScenarioInput, Session } from '@wheelhouse/sim-engine';
import type { LiveClock } from './live-clock.ts';

/** SandboxController is the hub one sandbox's panels talk through. */
export interface SandboxController {
  /** The sandbox's id, unique on the page; it keys saved state. */
  readonly id: string;
  readonly session: Session;
  readonly clock: LiveClock;
  /** runInTerminal types `command` at the terminal's prompt and runs it, as if the learner had typed it. */
  runInTerminal(command: string): Promise<void>;
  /** typeInTerminal puts `command` at the prompt without running it (e.g. "Show solution"). */
  typeInTerminal(command: string): void;
  /** runQuietly runs a command outside the terminal and returns its output (panels); it stays out of the learner's `history` and `$?`. */
  runQuietly(command: string): Promise<{ output: string; status: number }>;
  /** editing is the path of the temp file `kubectl edit` waits on while it waits (the editor shows Save and apply / Cancel for it). */
  readonly editing: string | undefined;
  /** finishEdit ends the wait of `kubectl edit`: `save` hands it the file as it is now, otherwise the edit is cancelled. */
  finishEdit(save: boolean): void;
  /** onChange subscribes to any change of the cluster or clock; it returns the unsubscribe function. */
  onChange(listener: () => void): () => void;
  /** save persists the sandbox now (it also saves by itself after changes). */
  save(): void;
  /** reset returns the sandbox to its start: the lesson's, or the one startFrom() chose. */
  reset(): void;
  /**
   * startFrom resets the sandbox to `scenario` (an exercise's start) and keeps it as the start
   * later resets return to, across reloads; `undefined` goes back to the lesson's own start.
   */
  startFrom(scenario: ScenarioInput | undefined): void;
}
