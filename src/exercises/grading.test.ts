import { describe, expect, it } from 'vitest';
import { Session, splitCommands } from '@wheelhouse/sim-engine';
import { CheckHistory, evaluateChecks, type Check, type CheckReport } from '@wheelhouse/sim-engine/grading';
import { firstCommand, gradeTasks, type ExerciseData } from './grading.ts';
import { inlineMarkdown } from './inline-md.ts';

const exists: Check = { type: 'exists', kind: 'Pod', name: 'web', namespace: 'default' } as Check;
const ready: Check = { type: 'podsReady', pod: 'web', namespace: 'default' } as Check;

const exercise: Pick<ExerciseData, 'points' | 'tasks'> = {
  points: 10,
  tasks: [
    { title: 'Run it', points: 4, checks: [exists] },
    { title: 'Keep it ready', points: 6, checks: [ready] },
  ],
};

const report = (passed: boolean[]): CheckReport => ({
  passed: passed.every(Boolean),
  results: passed.map((p, i) => ({ id: `c${i}`, passed: p, message: p ? `ok ${i}` : `failing ${i}` })),
});

describe('gradeTasks', () => {
  it('ticks a task when all its checks pass and shows the first failing message otherwise', () => {
    const g = gradeTasks(exercise, (checks) => (checks[0] === exists ? report([true]) : report([true, false, false])));
    expect(g.tasks).toEqual([
      { done: true, points: 4 },
      { done: false, points: 6, message: 'failing 1' },
    ]);
    expect(g.score).toBe(4);
    expect(g.done).toBe(false);
  });

  it('gives the exercise points when every task is done', () => {
    const g = gradeTasks(exercise, () => report([true]));
    expect(g).toMatchObject({ done: true, score: 10, total: 10 });
  });

  it('turns an evaluation error into a message, not a crash', () => {
    const g = gradeTasks(exercise, () => {
      throw new Error('boom');
    });
    expect(g.tasks[0]!.message).toContain('boom');
    expect(g.done).toBe(false);
  });

  it('grades a real cluster through evaluateChecks and CheckHistory', async () => {
    const session = new Session({ startTime: Date.UTC(2026, 0, 1) });
    const history = new CheckHistory(session.cluster, { checks: [exists, ready] });
    const grade = () => gradeTasks(exercise, (checks) => evaluateChecks(session.cluster, checks, history));
    const before = grade();
    expect(before.tasks.every((t) => !t.done)).toBe(true);
    expect(before.tasks[0]!.message).toMatch(/web/);
    await session.run('kubectl run web --image=nginx:1.25', { stdout: () => {}, stderr: () => {} });
    session.cluster.advance(60_000);
    session.cluster.drain();
    expect(grade()).toMatchObject({ done: true, score: 10 });
    history.dispose();
  });
});

describe('helpers', () => {
  it('finds the first command of a solution', () => {
    const session = new Session({ startTime: Date.UTC(2026, 0, 1) });
    expect(firstCommand('# note\nkubectl run web --image=nginx:1.25\nsleep 5\n', (s) => splitCommands(s, session))).toBe('kubectl run web --image=nginx:1.25');
  });

  it('renders inline Markdown safely', () => {
    expect(inlineMarkdown('Run `kubectl get <x>` **now** <b>')).toBe('Run <code>kubectl get &lt;x&gt;</code> <strong>now</strong> &lt;b&gt;');
  });
});
