import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCourseExercises } from '../src/content/exercise-sources.ts';
import { lessonSchema } from '../src/content/schemas/lesson.ts';
import { parseYaml } from '@wheelhouse/sim-engine/validate';
import { checkExercise } from './lib/check-exercise.ts';
import { runNewLesson, scaffoldLesson } from './new-lesson.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** copyOfContent is a throwaway copy of the real course. */
function copyOfContent(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wheelhouse-new-lesson-'));
  dirs.push(dir);
  cpSync('content', dir, { recursive: true });
  return dir;
}

/** nextNumber is the number new:lesson gives the next lesson of a chapter: "07". */
function nextNumber(content: string, chapter: string): string {
  return String(readdirSync(join(content, chapter)).filter((f) => /^\d\d-.*\.mdx$/.test(f)).length + 1).padStart(2, '0');
}

function run(...argv: string[]): { status: number; out: string } {
  let out = '';
  const status = runNewLesson(argv, { write: (t) => (out += t) });
  return { status, out };
}

describe('new:lesson', () => {
  it('scaffolds the next lesson and an exercise that passes check:content', async () => {
    const content = copyOfContent();
    const before = readdirSync(join(content, '03-pods')).filter((f) => f.endsWith('.mdx')).length;
    const { status, out } = run('pods', 'pod-labels', '--content', content);
    expect(status).toBe(0);
    const n = String(before + 1).padStart(2, '0');
    expect(out).toContain(`created `);
    expect(out).toContain(`03-pods/${n}-pod-labels.mdx\n`);
    const mdx = readFileSync(join(content, '03-pods', `${n}-pod-labels.mdx`), 'utf8');
    expect(mdx).toContain('title: Pod labels\n');
    expect(mdx).toContain('```bash\nkubectl run hello --image=nginx:1.25\n```');
    const front = parseYaml(mdx.split('---')[1]!, 'lesson.mdx');
    expect(lessonSchema.safeParse(front).success).toBe(true);

    const lesson = loadCourseExercises(content).find((l) => l.lesson === `03-pods/${n}-pod-labels`)!;
    expect(lesson.data.exercises.map((e) => e.id)).toEqual(['pod-labels']);
    expect(lesson.data.quiz).toHaveLength(1);
    const verdict = await checkExercise(`03-pods/${n}-pod-labels/pod-labels`, lesson.data.exercises[0]!);
    expect(verdict.problems).toEqual([]);
    expect(verdict.ok).toBe(true);
  });

  it('takes the chapter as folder, number or slug', () => {
    const content = copyOfContent();
    const n = nextNumber(content, '06-deployments');
    for (const chapter of ['06-deployments', '6', '06', 'deployments']) {
      const files = scaffoldLesson({ contentDir: content, chapter, slug: 'canary-drills', dryRun: true });
      expect(files.map((f) => f.path)).toEqual([join(content, '06-deployments', `${n}-canary-drills.mdx`), join(content, '06-deployments', `${n}-canary-drills.exercise.yaml`)]);
    }
  });

  it('writes nothing on a dry run', () => {
    const content = copyOfContent();
    const n = nextNumber(content, '03-pods');
    const { status, out } = run('03-pods', 'pod-labels', '--dry-run', '--content', content);
    expect(status).toBe(0);
    expect(out).toMatch(new RegExp(`^would create .*03-pods/${n}-pod-labels\\.mdx\nwould create .*03-pods/${n}-pod-labels\\.exercise\\.yaml\n$`));
    expect(existsSync(join(content, '03-pods', `${n}-pod-labels.mdx`))).toBe(false);
  });

  it('refuses to overwrite, and explains bad arguments', () => {
    const content = copyOfContent();
    const n = nextNumber(content, '03-pods');
    expect(run('03-pods', 'pod-labels', '--content', content).status).toBe(0);
    const again = run('03-pods', 'pod-labels', '--content', content);
    expect(again).toEqual({ status: 1, out: `new-lesson: ${join(content, '03-pods', `${n}-pod-labels.mdx`)} already exists; pick another slug (or edit that lesson)\n` });
    expect(run('03-pods', 'your-first-pod', '--content', content).out).toContain('01-your-first-pod.mdx already exists');
    expect(run('pod', 'x', '--content', content)).toEqual({
      status: 1,
      out: 'new-lesson: unknown chapter "pod"; the chapters are: 00-introduction, 01-principles, 02-installing, 03-pods, 04-replicasets, 05-services, 06-deployments\n',
    });
    expect(run('03-pods', 'Pod Labels', '--content', content).out).toBe('new-lesson: slug "Pod Labels" must be lowercase words joined by dashes, such as "pod-labels"\n');
    expect(run('03-pods', '04-labels', '--content', content).out).toContain('give the slug without a number ("labels")');
    expect(run('03-pods', '--content', content)).toMatchObject({ status: 2, out: expect.stringContaining('expected a chapter and a slug') });
  });
});
