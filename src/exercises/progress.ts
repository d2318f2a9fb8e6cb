/**
 * The learner's progress through exercises and quizzes, kept in localStorage under
 * `wheelhouse:progress` as `{ schema: 2, exercises: { [id]: {...} }, quizzes: { [id]: {...} } }`.
 * Older schemas are migrated (progress-migrations.ts); everything read back is validated, and
 * bad data is dropped with a console warning, never thrown.
 */
import { migrateProgress } from './progress-migrations.ts';

/** PROGRESS_KEY is the localStorage key. */
export const PROGRESS_KEY = 'wheelhouse:progress';
/** PROGRESS_SCHEMA is the version this code writes; older ones are migrated on read. */
export const PROGRESS_SCHEMA = 2;

/** ExerciseProgress is one exercise's record. */
export interface ExerciseProgress {
  done: boolean;
  /** Best score reached, in points. */
  score: number;
  /** How many times the learner pressed Start. */
  attempts: number;
  /** How many hints the learner has revealed (all tasks together). */
  hintsUsed: number;
  /** When the learner last worked on it (ms since the epoch); unknown for records from schema 1. */
  updatedAt?: number;
}

/** QuizAnswer is the learner's last answer to one question. */
export interface QuizAnswer {
  picks: number[];
  correct: boolean;
}

/** QuizProgress is one lesson's quiz: the last answer to each question. */
export interface QuizProgress {
  answers: Record<string, QuizAnswer>;
  /** When the learner last answered (ms since the epoch); unknown for records from schema 1. */
  updatedAt?: number;
}

/** Progress is everything stored under PROGRESS_KEY. */
export interface Progress {
  schema: typeof PROGRESS_SCHEMA;
  exercises: Record<string, ExerciseProgress>;
  quizzes: Record<string, QuizProgress>;
}

/** emptyProgress is a learner's record before anything is done. */
export function emptyProgress(): Progress {
  return { schema: PROGRESS_SCHEMA, exercises: {}, quizzes: {} };
}

/** quizScore counts a quiz's questions answered right. */
export function quizScore(q: QuizProgress): number {
  return Object.values(q.answers).filter((a) => a.correct).length;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function validExercise(v: unknown): ExerciseProgress | undefined {
  if (!isRecord(v)) return undefined;
  const { done, score, attempts, hintsUsed, updatedAt } = v;
  if (typeof done !== 'boolean' || !isCount(score) || !isCount(attempts) || !isCount(hintsUsed)) return undefined;
  if (updatedAt !== undefined && !isCount(updatedAt)) return undefined;
  return { done, score, attempts, hintsUsed, ...(updatedAt !== undefined ? { updatedAt } : {}) };
}

function validQuiz(v: unknown): QuizProgress | undefined {
  if (!isRecord(v) || !isRecord(v.answers)) return undefined;
  if (v.updatedAt !== undefined && !isCount(v.updatedAt)) return undefined;
  const answers: Record<string, QuizAnswer> = {};
  for (const [id, a] of Object.entries(v.answers)) {
    if (!isRecord(a) || typeof a.correct !== 'boolean' || !Array.isArray(a.picks) || !a.picks.every(isCount)) return undefined;
    answers[id] = { picks: [...(a.picks as number[])], correct: a.correct };
  }
  return { answers, ...(v.updatedAt !== undefined ? { updatedAt: v.updatedAt } : {}) };
}

/** parseProgress validates stored progress; `problems` lists what was dropped (empty when all was fine). */
export function parseProgress(input: unknown): { progress: Progress; problems: string[] } {
  const progress = emptyProgress();
  if (input === null || input === undefined) return { progress, problems: [] };
  if (!isRecord(input)) return { progress, problems: ['saved progress is not an object'] };
  const migrated = migrateProgress(input, PROGRESS_SCHEMA);
  if (!migrated.ok) return { progress, problems: [`saved progress that ${migrated.reason}`] };
  const raw = migrated.value;
  const problems: string[] = [];
  if (raw.exercises !== undefined && !isRecord(raw.exercises)) problems.push('saved progress: "exercises" is not an object');
  if (isRecord(raw.exercises)) {
    for (const [id, entry] of Object.entries(raw.exercises)) {
      const ok = validExercise(entry);
      if (ok) progress.exercises[id] = ok;
      else problems.push(`saved progress for exercise "${id}" is malformed`);
    }
  }
  if (raw.quizzes !== undefined && !isRecord(raw.quizzes)) problems.push('saved progress: "quizzes" is not an object');
  if (isRecord(raw.quizzes)) {
    for (const [id, entry] of Object.entries(raw.quizzes)) {
      const ok = validQuiz(entry);
      if (ok) progress.quizzes[id] = ok;
      else problems.push(`saved progress for quiz "${id}" is malformed`);
    }
  }
  return { progress, problems };
}

/** StorageLike is the slice of localStorage the store uses. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function defaultStorage(): StorageLike | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/** loadProgress reads and validates the progress; it never throws. */
export function loadProgress(storage: StorageLike | undefined = defaultStorage(), warn: (msg: string) => void = (m) => console.warn(m)): Progress {
  if (!storage) return emptyProgress();
  let raw: unknown;
  try {
    const text = storage.getItem(PROGRESS_KEY);
    raw = text === null ? undefined : JSON.parse(text);
  } catch (e) {
    warn(`Wheelhouse: ignoring saved progress that is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
    return emptyProgress();
  }
  const { progress, problems } = parseProgress(raw);
  for (const p of problems) warn(`Wheelhouse: ignoring ${p}`);
  return progress;
}

/** updateProgress reads the progress, applies `change`, and writes it back; storage errors are only warned about. */
export function updateProgress(change: (p: Progress) => void, storage: StorageLike | undefined = defaultStorage(), warn: (msg: string) => void = (m) => console.warn(m)): Progress {
  const progress = loadProgress(storage, warn);
  change(progress);
  try {
    storage?.setItem(PROGRESS_KEY, JSON.stringify(progress));
  } catch (e) {
    warn(`Wheelhouse: could not save progress (${e instanceof Error ? e.message : String(e)})`);
  }
  return progress;
}
