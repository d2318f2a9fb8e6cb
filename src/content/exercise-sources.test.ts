import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCourseExercises } from './exercise-sources.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function course(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'wheelhouse-sources-'));
  dirs.push(root);
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(root, p, '..'), { recursive: true });
    writeFileSync(join(root, p), text);
  }
  return root;
}

const EXERCISE = (id: string) => `
  - id: ${id}
    title: T
    solution: kubectl get pods
    tasks:
      - title: t
        checks: [{ type: exists, kind: Pod, name: web }]
`;
const LESSON = (front = '') => `---\ntitle: L\ndescription: D.\n${front}---\n\nText.\n`;

function problem(root: string): string {
  try {
    loadCourseExercises(root, { displayRoot: root });
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

describe('loadCourseExercises', () => {
  it('merges a lesson\'s exercise file and frontmatter, in that order', () => {
    const root = course({
      '01-a/01-one.mdx': LESSON(`exercises:${EXERCISE('from-frontmatter')}quiz:\n  - { question: Q, choices: [a, b], correct: 0, explanation: E }\n`),
      '01-a/01-one.exercise.yaml': `exercises:${EXERCISE('from-yaml')}`,
      '01-a/02-two.mdx': LESSON(),
    });
    const lessons = loadCourseExercises(root, { displayRoot: root });
    expect(lessons.map((l) => l.lesson)).toEqual(['01-a/01-one']);
    expect(lessons[0]!.sources).toEqual([
      { file: '01-a/01-one.exercise.yaml', origin: 'yaml' },
      { file: '01-a/01-one.mdx', origin: 'frontmatter' },
    ]);
    expect(lessons[0]!.data.exercises.map((e) => e.id)).toEqual(['from-yaml', 'from-frontmatter']);
    expect(lessons[0]!.data.quiz.map((q) => q.id)).toEqual(['q1']);
  });

  it('inlines a scenario file and remembers where it came from', () => {
    const root = course({
      '01-a/01-one.mdx': LESSON(),
      '01-a/01-one.exercise.yaml': `exercises:${EXERCISE('x')}    scenario: scenarios/s.yaml\n`,
      '01-a/scenarios/s.yaml': 'settleSeconds: 7\n',
    });
    const ex = loadCourseExercises(root, { displayRoot: root })[0]!.data.exercises[0]!;
    expect(ex.scenarioFile).toBe('01-a/scenarios/s.yaml');
    expect(ex.scenario).toMatchObject({ settleSeconds: 7, objects: [] });
  });

  it('reports every problem at once, each with its file', () => {
    const root = course({
      '01-a/01-one.mdx': LESSON(`exercises:${EXERCISE('same')}`),
      '01-a/01-one.exercise.yaml': `exercises:${EXERCISE('same')}`,
      '01-a/02-orphan.exercise.yaml': `exercises:${EXERCISE('x')}`,
      '01-a/03-bad.mdx': LESSON('quiz: [\n'),
      '01-a/04-list.mdx': LESSON(),
      '01-a/04-list.exercise.yaml': '- just a list\n',
    });
    expect(problem(root).split('\n')).toEqual([
      '01-a/01-one.mdx: exercises[0].id: exercise id "same" is already used in 01-a/01-one.exercise.yaml',
      '01-a/02-orphan.exercise.yaml: (top level): expected a lesson 01-a/02-orphan.mdx beside it',
      expect.stringMatching(/^01-a\/03-bad\.mdx:4:\d+: invalid YAML: /),
      '01-a/04-list.exercise.yaml: (top level): expected a mapping with "exercises" and/or "quiz"',
    ]);
  });
});
