/**
 * The saved form of one sandbox, as stored in localStorage: a versioned envelope around the
 * session snapshot, the terminal's history and scrollback, and the clock's speed.
 */
import type { ScenarioInput, SessionSnapshot } from '@wheelhouse/sim-engine';

/** SAVE_SCHEMA changes whenever the envelope's shape does; other versions are discarded. */
export const SAVE_SCHEMA = 1;

/** SavedSandbox is the envelope `wheelhouse:sandbox:<page>#<id>` holds. */
export interface SavedSandbox {
  schema: typeof SAVE_SCHEMA;
  /** Wall time of the save, in ms since the epoch. */
  savedAt: number;
  session: SessionSnapshot;
  terminal: {
    /** Up-arrow history, oldest first. */
    history: string[];
    /** The terminal's text above the prompt, lines joined with '\n'. */
    scrollback: string;
  };
  /** The clock's speed (0 = paused); 1× when absent. */
  clock?: { speed: number };
  /** The start Reset returns to when it is not the lesson's own (an exercise's scenario). */
  start?: ScenarioInput;
}

/** Validation is either a usable envelope or why it is not. */
export type Validation = { ok: true; value: SavedSandbox } | { ok: false; reason: string };

/** MAX_SPEED bounds a restored clock speed. */
export const MAX_SPEED = 100;

/** validateEnvelope checks parsed JSON against the envelope's shape (not the snapshot's insides). */
export function validateEnvelope(data: unknown): Validation {
  if (!isRecord(data)) return fail('The saved data is not an object.');
  if (data.schema !== SAVE_SCHEMA) {
    return fail(`It was saved in another format (version ${describe(data.schema)}; this page reads version ${SAVE_SCHEMA}).`);
  }
  if (!isFiniteNumber(data.savedAt) || data.savedAt < 0) return fail('Its save time is missing.');
  const session = data.session;
  if (!isRecord(session)) return fail('The saved cluster is missing.');
  if (!isFiniteNumber(session.version)) return fail('The saved cluster has no version.');
  for (const part of ['cluster', 'shell', 'context'] as const) {
    if (!isRecord(session[part])) return fail(`The saved cluster has no ${part} state.`);
  }
  const terminal = data.terminal;
  if (!isRecord(terminal)) return fail('The saved terminal is missing.');
  if (!Array.isArray(terminal.history) || !terminal.history.every((h) => typeof h === 'string')) {
    return fail('The saved command history is not a list of commands.');
  }
  if (typeof terminal.scrollback !== 'string') return fail('The saved terminal text is missing.');
  if (data.clock !== undefined) {
    if (!isRecord(data.clock) || !isFiniteNumber(data.clock.speed) || data.clock.speed < 0 || data.clock.speed > MAX_SPEED) {
      return fail('The saved clock speed is not valid.');
    }
  }
  if (data.start !== undefined && !isRecord(data.start)) return fail('The saved starting cluster is not valid.');
  return { ok: true, value: data as unknown as SavedSandbox };
}

/** parseEnvelope parses stored text and validates it. */
export function parseEnvelope(text: string): Validation {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail('The saved data is not valid JSON.');
  }
  return validateEnvelope(data);
}

function fail(reason: string): Validation {
  return { ok: false, reason };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isFiniteNumber(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

function describe(x: unknown): string {
  return x === undefined ? 'unknown' : JSON.stringify(x).slice(0, 20);
}
