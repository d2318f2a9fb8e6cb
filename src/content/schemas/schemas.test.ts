import { describe, expect, it } from 'vitest';
import { formatIssues, undescribed } from './testing.ts';
import { exerciseFileSchema } from './exercise-file.ts';
import { exerciseSchema } from './exercise.ts';
import { quizQuestionSchema } from './quiz.ts';

const ex = (rest: object = {}) => ({
  id: 'run-a-pod',
  title: 'Run a pod',
  solution: 'kubectl run web --image=nginx:1.25',
  tasks: [{ title: 'Run it', checks: [{ type: 'exists', kind: 'Pod', name: 'web' }] }],
  ...rest,
});

function problems(schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, v: unknown): string {
  const r = schema.safeParse(v);
  return r.success ? '' : formatIssues('x.exercise.yaml', r.error!.issues);
}

describe('exercise schemas', () => {
  it('describe every field', () => {
    expect(undescribed(exerciseFileSchema)).toEqual([]);
  });

  it('fill in the default scenario, check ids and task points', () => {
    const e = exerciseSchema.parse(
      ex({
        points: 10,
        tasks: [
          { title: 'a', checks: [{ type: 'exists', kind: 'Pod', name: 'web' }, { type: 'exists', kind: 'Pod', name: 'db' }] },
          { title: 'b', points: 3, checks: [{ type: 'absent', id: 'gone', kind: 'Pod', name: 'x' }] },
          { title: 'c', checks: [{ type: 'exists', kind: 'Pod', name: 'z' }] },
        ],
      }),
    );
    expect(e.scenario).toMatchObject({ objects: [], settleSeconds: 0, clock: { speed: 1 }, chaos: { stopNode: false } });
    expect(e.tasks.map((t) => t.checks.map((c) => c.id))).toEqual([['exists', 'exists-2'], ['gone'], ['exists-3']]);
    expect(e.tasks.map((t) => t.points)).toEqual([4, 3, 3]);
    expect(exerciseSchema.parse(ex({ scenario: 'scenarios/x.yaml' })).scenario).toBe('scenarios/x.yaml');
  });

  it('report clashing ids and points that do not add up', () => {
    expect(
      problems(exerciseSchema, ex({ tasks: [{ title: 'a', checks: [{ type: 'exists', id: 'w', kind: 'Pod', name: 'web' }, { type: 'absent', id: 'w', kind: 'Pod', name: 'web' }] }] })),
    ).toBe('x.exercise.yaml: tasks[0].checks[1].id: check id "w" is already used by tasks[0].checks[0]');
    expect(problems(exerciseSchema, ex({ points: 5, tasks: [{ title: 'a', points: 4, checks: [{ type: 'exists', kind: 'Pod', name: 'web' }] }] }))).toBe(
      "x.exercise.yaml: points: the tasks' points add up to 4, but the exercise is worth 5",
    );
    expect(problems(exerciseFileSchema, { exercises: [ex(), ex()] })).toBe('x.exercise.yaml: exercises[1].id: exercise id "run-a-pod" is used twice in this lesson');
    expect(problems(exerciseSchema, ex({ tasks: [] }))).toBe('x.exercise.yaml: tasks: expected at least one task');
    expect(problems(exerciseSchema, ex({ tasks: [{ title: 'a', checks: [] }] }))).toBe('x.exercise.yaml: tasks[0].checks: expected at least one check: a task is graded by its checks');
    expect(problems(exerciseSchema, ex({ hint: 'x' }))).toContain('x.exercise.yaml: (top level): unknown field "hint"; expected one of: id, title, description, points, scenario, scenarioFile, tasks, solution');
  });

  it('check quiz answers against the choices', () => {
    const q = { question: 'Which?', choices: ['a', 'b', 'c'], correct: 1, explanation: 'Because.' };
    expect(problems(quizQuestionSchema, q)).toBe('');
    expect(problems(quizQuestionSchema, { ...q, correct: [0, 2] })).toBe('');
    expect(problems(quizQuestionSchema, { ...q, correct: 3 })).toBe('x.exercise.yaml: correct: there is no choice 3: the 3 choices are numbered 0 to 2');
    expect(problems(quizQuestionSchema, { ...q, correct: [1, 1] })).toBe('x.exercise.yaml: correct: expected each index once');
    expect(problems(quizQuestionSchema, { ...q, correct: 'b' })).toBe('x.exercise.yaml: correct: expected the index of the right choice (counting from 0), or a list of indices');
    expect(problems(quizQuestionSchema, { ...q, choices: ['only'] })).toContain('x.exercise.yaml: choices: expected at least 2 choices');
    expect(exerciseFileSchema.parse({ quiz: [q, { ...q, id: 'named' }] }).quiz.map((x) => x.id)).toEqual(['q1', 'named']);
  });
});
