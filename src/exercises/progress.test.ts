import { describe, expect, it, vi } from 'vitest';
import { loadProgress, parseProgress, PROGRESS_KEY, quizScore, updateProgress, type StorageLike } from './progress.ts';

function memory(initial?: string): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  if (initial !== undefined) data.set(PROGRESS_KEY, initial);
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const good = { done: true, score: 10, attempts: 2, hintsUsed: 1 };

describe('parseProgress', () => {
  it('accepts valid progress', () => {
    const raw = { schema: 1, exercises: { 'a/b/c': good }, quizzes: { 'a/b': { score: 1, answers: { q1: { picks: [1], correct: true } } } } };
    const { progress, problems } = parseProgress(raw);
    expect(problems).toEqual([]);
    expect(progress.exercises['a/b/c']).toEqual(good);
    expect(quizScore(progress.quizzes['a/b']!)).toBe(1);
  });

  it('treats nothing saved as empty, without problems', () => {
    expect(parseProgress(undefined)).toEqual({ progress: { schema: 2, exercises: {}, quizzes: {} }, problems: [] });
  });

  it.each([[42], ['text'], [[1, 2]], [{ schema: 3, exercises: {} }], [{ exercises: {} }]])('ignores %j as a whole', (raw) => {
    const { progress, problems } = parseProgress(raw);
    expect(progress.exercises).toEqual({});
    expect(problems.length).toBe(1);
  });

  it('drops only the malformed entries', () => {
    const raw = {
      schema: 1,
      exercises: { ok: good, bad: { done: 'yes', score: 1, attempts: 0, hintsUsed: 0 }, neg: { ...good, score: -1 }, frac: { ...good, attempts: 1.5 } },
      quizzes: { q: { score: 1, answers: { x: { picks: ['a'], correct: true } } } },
    };
    const { progress, problems } = parseProgress(raw);
    expect(Object.keys(progress.exercises)).toEqual(['ok']);
    expect(progress.quizzes).toEqual({});
    expect(problems).toHaveLength(4);
  });
});

describe('loadProgress and updateProgress', () => {
  it('warns and starts empty on invalid JSON, never throwing', () => {
    const warn = vi.fn();
    expect(loadProgress(memory('{not json'), warn).exercises).toEqual({});
    expect(warn).toHaveBeenCalledOnce();
  });

  it('warns about bad data and overwrites it on the next save', () => {
    const warn = vi.fn();
    const store = memory(JSON.stringify({ schema: 1, exercises: { x: null } }));
    updateProgress((p) => (p.exercises.y = good), store, warn);
    expect(warn).toHaveBeenCalled();
    expect(JSON.parse(store.data.get(PROGRESS_KEY)!)).toMatchObject({ schema: 2, exercises: { y: good }, quizzes: {} });
  });

  it('survives a storage that throws', () => {
    const warn = vi.fn();
    const broken: StorageLike = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('full'); } };
    expect(() => updateProgress((p) => (p.exercises.y = good), broken, warn)).not.toThrow();
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('works without storage at all', () => {
    expect(loadProgress(undefined).exercises).toEqual({});
  });
});
