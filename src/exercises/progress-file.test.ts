import { describe, expect, it } from 'vitest';
import { exportProgress, importProgress, progressFileName } from './progress-file.ts';
import { emptyProgress, type Progress } from './progress.ts';

const NOW = new Date('2026-11-25T20:30:00Z');
const mine: Progress = {
  schema: 2,
  exercises: { 'a/b/x': { done: false, score: 4, attempts: 2, hintsUsed: 1, updatedAt: 100 } },
  quizzes: { 'a/b': { answers: { q1: { picks: [0], correct: false } }, updatedAt: 100 } },
};

describe('progress files', () => {
  it('round-trips: an export imported into an empty browser is the same record', () => {
    const r = importProgress(exportProgress(mine, NOW), emptyProgress());
    expect(r).toEqual({ ok: true, progress: mine, message: 'Imported 1 exercise and 1 quiz.' });
    expect(progressFileName(NOW)).toBe('wheelhouse-progress-2026-11-25.json');
  });

  it('merges the best of both records, and the latest quiz answers', () => {
    const theirs: Progress = {
      schema: 2,
      exercises: { 'a/b/x': { done: true, score: 10, attempts: 1, hintsUsed: 0, updatedAt: 50 }, 'c/d/y': { done: true, score: 5, attempts: 1, hintsUsed: 0 } },
      quizzes: { 'a/b': { answers: { q1: { picks: [1], correct: true } }, updatedAt: 200 } },
    };
    const r = importProgress(exportProgress(theirs, NOW), mine);
    if (!r.ok) throw new Error(r.message);
    expect(r.progress.exercises['a/b/x']).toEqual({ done: true, score: 10, attempts: 2, hintsUsed: 1, updatedAt: 100 });
    expect(r.progress.exercises['c/d/y']).toMatchObject({ done: true, score: 5 });
    expect(r.progress.quizzes['a/b']!.answers.q1).toEqual({ picks: [1], correct: true });
    expect(r.message).toBe('Imported 2 exercises and 1 quiz.');
  });

  it('migrates a file exported from schema 1', () => {
    const v1 = JSON.stringify({ format: 'wheelhouse-progress', exportedAt: 'x', progress: { schema: 1, exercises: {}, quizzes: { l: { score: 1, answers: { q: { picks: [0], correct: true } } } } } });
    const r = importProgress(v1, emptyProgress());
    expect(r.ok && r.progress.quizzes.l).toEqual({ answers: { q: { picks: [0], correct: true } } });
  });

  it('skips damaged entries and says how many', () => {
    const text = JSON.stringify({ format: 'wheelhouse-progress', progress: { schema: 2, exercises: { ok: { done: true, score: 1, attempts: 1, hintsUsed: 0 }, bad: { done: 'yes' } } } });
    const r = importProgress(text, emptyProgress());
    expect(r).toMatchObject({ ok: true, message: 'Imported 1 exercise and 0 quizzes. 1 damaged entry was skipped.' });
  });

  it.each([
    ['not JSON', 'PK\u0003\u0004', 'This file is not a Wheelhouse progress file: it is not JSON.'],
    ['someone else\'s JSON', '{"name":"package"}', 'This file is not a Wheelhouse progress file.'],
    ['no record inside', '{"format":"wheelhouse-progress"}', 'This file is not a Wheelhouse progress file: it holds no progress.'],
    ['a newer schema', '{"format":"wheelhouse-progress","progress":{"schema":7}}', "This progress file can't be read: it was saved by a newer version of Wheelhouse (schema 7; this page reads up to 2)."],
  ])('refuses %s with a message, leaving the record alone', (_, text, message) => {
    expect(importProgress(text, mine)).toEqual({ ok: false, message });
  });
});
