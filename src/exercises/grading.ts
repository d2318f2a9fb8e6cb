/**
 * The glue between an exercise's tasks and the engine's checks: each task is done when all its
 * checks pass; otherwise it shows the first failing check's plain-words message.
 */
import type { Check, CheckReport } from '@wheelhouse/sim-engine/grading';

/** ExerciseData is what the page embeds for the script: the parsed exercise, trimmed. */
export interface ExerciseData {
  /** Full id: `03-pods/01-your-first-pod/run-a-pod`. */
  id: string;
  title: string;
  points: number;
  /** The start scenario; `{}` is the default cluster. */
  scenario: Record<string, unknown>;
  tasks: { title: string; points: number; checks: Check[] }[];
  solution: string;
}

export interface TaskGrade {
  done: boolean;
  points: number;
  /** The first failing check's message; undefined when the task is done. */
  message?: string;
}

export interface ExerciseGrade {
  tasks: TaskGrade[];
  /** Points of the tasks done now. */
  score: number;
  total: number;
  done: boolean;
}

/** gradeTasks grades every task with `evaluate` (evaluateChecks bound to a cluster and its history). */
export function gradeTasks(exercise: Pick<ExerciseData, 'points' | 'tasks'>, evaluate: (checks: Check[]) => CheckReport): ExerciseGrade {
  const tasks = exercise.tasks.map((task): TaskGrade => {
    let report: CheckReport;
    try {
      report = evaluate(task.checks);
    } catch (e) {
      return { done: false, points: task.points, message: `This task could not be checked: ${e instanceof Error ? e.message : String(e)}` };
    }
    if (report.passed) return { done: true, points: task.points };
    const failing = report.results.find((r) => !r.passed);
    return { done: false, points: task.points, message: failing?.message ?? 'Not done yet.' };
  });
  const done = tasks.length > 0 && tasks.every((t) => t.done);
  const score = done ? exercise.points : tasks.filter((t) => t.done).reduce((n, t) => n + t.points, 0);
  return { tasks, score, total: exercise.points, done };
}

/** firstCommand is the first command of a solution script, for typing at the prompt. */
export function firstCommand(solution: string, split: (script: string) => string[]): string {
  return split(solution).map((c) => c.trim()).find((c) => c !== '' && !c.startsWith('#')) ?? '';
}

/** throttle calls `fn` at most once per `ms`, always running a trailing call after the last request. */
export function throttle(fn: () => void, ms: number, timers: { setTimeout: (f: () => void, ms: number) => unknown } = globalThis): () => void {
  let last = -Infinity;
  let pending = false;
  return () => {
    if (pending) return;
    const wait = Math.max(0, last + ms - Date.now());
    pending = true;
    timers.setTimeout(() => {
      pending = false;
      last = Date.now();
      fn();
    }, wait);
  };
}
