/**
 * Progress files: a learner's record exported to a JSON file and imported again, on another
 * browser or after clearing this one. Importing merges (the best of both records), migrates
 * older schemas, and refuses anything that is not a Wheelhouse progress file with a message.
 */
import { parseProgress, type ExerciseProgress, type Progress, type QuizProgress } from './progress.ts';

/** PROGRESS_FILE_FORMAT marks an exported file as ours. */
export const PROGRESS_FILE_FORMAT = 'wheelhouse-progress';

/** exportProgress is the text of a progress file. */
export function exportProgress(progress: Progress, now: Date): string {
  return `${JSON.stringify({ format: PROGRESS_FILE_FORMAT, exportedAt: now.toISOString(), progress }, null, 2)}\n`;
}

/** progressFileName names an export after its day: wheelhouse-progress-2026-11-25.json. */
export function progressFileName(now: Date): string {
  return `${PROGRESS_FILE_FORMAT}-${now.toISOString().slice(0, 10)}.json`;
}

/** ImportResult is the merged record and what to tell the learner, or why the file was refused. */
export type ImportResult = { ok: true; progress: Progress; message: string } | { ok: false; message: string };

const NOT_OURS = 'This file is not a Wheelhouse progress file';
const WHOLE = 'saved progress that ';

/** importProgress merges a progress file's record into `current`. */
export function importProgress(text: string, current: Progress): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: `${NOT_OURS}: it is not JSON.` };
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== PROGRESS_FILE_FORMAT) {
    return { ok: false, message: `${NOT_OURS}.` };
  }
  const raw = (data as { progress?: unknown }).progress;
  if (typeof raw !== 'object' || raw === null) return { ok: false, message: `${NOT_OURS}: it holds no progress.` };
  const { progress: incoming, problems } = parseProgress(raw);
  // parseProgress refuses a whole record (an unknown schema) with one "saved progress that …" problem.
  const whole = problems.find((p) => p.startsWith(WHOLE));
  if (whole) return { ok: false, message: `This progress file can't be read: it ${whole.slice(WHOLE.length)}.` };

  const merged: Progress = { ...current, exercises: { ...current.exercises }, quizzes: { ...current.quizzes } };
  for (const [id, e] of Object.entries(incoming.exercises)) merged.exercises[id] = mergeExercise(merged.exercises[id], e);
  for (const [id, q] of Object.entries(incoming.quizzes)) merged.quizzes[id] = newerQuiz(merged.quizzes[id], q);
  const n = Object.keys(incoming.exercises).length;
  const m = Object.keys(incoming.quizzes).length;
  const skipped = problems.length ? ` ${problems.length} damaged ${problems.length === 1 ? 'entry was' : 'entries were'} skipped.` : '';
  return { ok: true, progress: merged, message: `Imported ${n} ${n === 1 ? 'exercise' : 'exercises'} and ${m} ${m === 1 ? 'quiz' : 'quizzes'}.${skipped}` };
}

// The best of both: done if either is, the higher score, the larger counts.
function mergeExercise(a: ExerciseProgress | undefined, b: ExerciseProgress): ExerciseProgress {
  if (!a) return b;
  const updatedAt = Math.max(a.updatedAt ?? 0, b.updatedAt ?? 0);
  return {
    done: a.done || b.done,
    score: Math.max(a.score, b.score),
    attempts: Math.max(a.attempts, b.attempts),
    hintsUsed: Math.max(a.hintsUsed, b.hintsUsed),
    ...(updatedAt ? { updatedAt } : {}),
  };
}

// Quiz answers are the learner's latest: the more recently answered record wins.
function newerQuiz(a: QuizProgress | undefined, b: QuizProgress): QuizProgress {
  if (!a) return b;
  return (b.updatedAt ?? 0) > (a.updatedAt ?? 0) ? b : a;
}
