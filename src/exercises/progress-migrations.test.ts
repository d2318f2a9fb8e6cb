import { describe, expect, it } from 'vitest';
import { migrateProgress } from './progress-migrations.ts';
import { parseProgress, quizScore } from './progress.ts';

describe('migrateProgress', () => {
  it('lifts schema 1 to 2: quiz scores are dropped, counted from the answers instead', () => {
    const v1 = { schema: 1, exercises: { 'a/b/c': { done: true, score: 10, attempts: 1, hintsUsed: 0 } }, quizzes: { 'a/b': { score: 1, answers: { q1: { picks: [0], correct: true }, q2: { picks: [1], correct: false } } } } };
    const r = migrateProgress(v1, 2);
    expect(r).toEqual({ ok: true, value: { schema: 2, exercises: v1.exercises, quizzes: { 'a/b': { answers: v1.quizzes['a/b'].answers } } } });
  });

  it("keeps a learner's schema-1 record through parseProgress", () => {
    const { progress, problems } = parseProgress({ schema: 1, exercises: { x: { done: true, score: 7, attempts: 3, hintsUsed: 2 } }, quizzes: { l: { score: 2, answers: { q: { picks: [1], correct: true } } } } });
    expect(problems).toEqual([]);
    expect(progress.exercises.x).toEqual({ done: true, score: 7, attempts: 3, hintsUsed: 2 });
    expect(quizScore(progress.quizzes.l!)).toBe(1);
  });

  it('refuses a newer schema and a missing one, saying which', () => {
    expect(migrateProgress({ schema: 9 }, 2)).toEqual({ ok: false, reason: 'was saved by a newer version of Wheelhouse (schema 9; this page reads up to 2)' });
    expect(migrateProgress({}, 2)).toEqual({ ok: false, reason: 'has no valid schema version (undefined)' });
    expect(migrateProgress({ schema: 0 }, 2)).toMatchObject({ ok: false });
  });
});
