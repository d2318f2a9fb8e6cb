/**
 * Finding a course's exercises and quizzes (Node only: the content loader and the scripts use it).
 *
 * A lesson's exercises and quiz come from `content/<chapter>/<NN-slug>.exercise.yaml` beside
 * `<NN-slug>.mdx`, from `exercises:` and `quiz:` in the lesson's frontmatter, or both. A
 * `scenario:` that is a path is read relative to the file that names it and written inline, so
 * what the site ships is self-contained. Every problem in every file is reported at once, one
 * line each: `<file>: <field path>: <what was expected>`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ContentError } from '@wheelhouse/sim-engine';
import { formatIssues, parseYaml, validateScenario } from '@wheelhouse/sim-engine/validate';
import { exerciseFileSchema, type ExerciseFile } from './schemas/exercise-file.ts';

/** LESSON_FILE and EXERCISE_FILE are the file names the course is made of. */
export const LESSON_FILE = /^(\d\d-[a-z0-9-]+)\.mdx$/;
/** EXERCISE_FILE is a lesson's exercise file name. */
export const EXERCISE_FILE = /^(\d\d-[a-z0-9-]+)\.exercise\.yaml$/;

/** ExerciseSource is one place a lesson's exercises or quiz were read from. */
export interface ExerciseSource {
  /** The file as reports show it, relative to the display root: `content/03-pods/01-your-first-pod.exercise.yaml`. */
  file: string;
  origin: 'yaml' | 'frontmatter';
}

/** LessonExercises is one lesson's exercises and quiz, validated. */
export interface LessonExercises {
  /** The lesson id, which is also its URL path: `03-pods/01-your-first-pod`. */
  lesson: string;
  sources: ExerciseSource[];
  /** The merged input, scenario paths resolved, before defaults (what Astro's parseData is given). */
  raw: { exercises: unknown[]; quiz: unknown[] };
  /** The parsed exercises and quiz, defaults and generated ids filled in. */
  data: ExerciseFile;
}

/** LoadOptions: what report paths are relative to (the current directory when absent). */
export interface LoadOptions {
  displayRoot?: string;
}

/** loadCourseExercises reads every lesson's exercises and quiz under `contentDir`; any problem throws one ContentError listing them all. */
export function loadCourseExercises(contentDir: string, opts: LoadOptions = {}): LessonExercises[] {
  const root = resolve(contentDir);
  const show = (p: string) => toPosix(relative(opts.displayRoot ?? process.cwd(), p));
  const problems: string[] = [];
  const byLesson = new Map<string, { sources: ExerciseSource[]; exercises: unknown[]; quiz: unknown[]; ids: Map<string, string> }>();

  for (const chapter of readdirSync(root).sort()) {
    const dir = join(root, chapter);
    if (!statSync(dir).isDirectory()) continue;
    const files = readdirSync(dir).sort();
    const lessons = new Set(files.map((f) => LESSON_FILE.exec(f)?.[1]).filter((s): s is string => s !== undefined));
    for (const f of files) {
      const path = join(dir, f);
      const yamlMatch = EXERCISE_FILE.exec(f);
      const mdxMatch = LESSON_FILE.exec(f);
      let raw: unknown;
      let origin: ExerciseSource['origin'];
      let slug: string;
      if (yamlMatch) {
        slug = yamlMatch[1]!;
        origin = 'yaml';
        if (!lessons.has(slug)) {
          problems.push(`${show(path)}: (top level): expected a lesson ${show(join(dir, `${slug}.mdx`))} beside it`);
          continue;
        }
        try {
          raw = parseYaml(readFileSync(path, 'utf8'), show(path)) ?? {};
        } catch (e) {
          problems.push((e as Error).message);
          continue;
        }
      } else if (mdxMatch) {
        slug = mdxMatch[1]!;
        origin = 'frontmatter';
        const fm = frontmatter(readFileSync(path, 'utf8'), show(path));
        if (fm instanceof Error) {
          problems.push(fm.message);
          continue;
        }
        if (!fm || (fm.exercises === undefined && fm.quiz === undefined)) continue;
        raw = { exercises: fm.exercises, quiz: fm.quiz };
      } else continue;

      const file = show(path);
      if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
        problems.push(`${file}: (top level): expected a mapping with "exercises" and/or "quiz"`);
        continue;
      }
      const before = problems.length;
      const input = resolveScenarios(raw as Record<string, unknown>, path, file, root, show, problems);
      const parsed = exerciseFileSchema.safeParse(input);
      if (!parsed.success) problems.push(formatIssues(file, parsed.error.issues));
      if (problems.length > before) continue;

      const lesson = `${chapter}/${slug}`;
      let entry = byLesson.get(lesson);
      if (!entry) byLesson.set(lesson, (entry = { sources: [], exercises: [], quiz: [], ids: new Map() }));
      const ids = parsed.success ? parsed.data.exercises.map((ex) => ex.id) : [];
      ids.forEach((id, i) => {
        const other = entry.ids.get(id);
        if (other) problems.push(`${file}: exercises[${i}].id: exercise id "${id}" is already used in ${other}`);
      });
      if (problems.length > before) continue;
      for (const id of ids) entry.ids.set(id, file);
      entry.sources.push({ file, origin });
      entry.exercises.push(...(((input as Record<string, unknown>).exercises as unknown[] | undefined) ?? []));
      entry.quiz.push(...(((input as Record<string, unknown>).quiz as unknown[] | undefined) ?? []));
    }
  }

  const out: LessonExercises[] = [];
  for (const [lesson, e] of [...byLesson].sort(([a], [b]) => a.localeCompare(b))) {
    const raw = { exercises: e.exercises, quiz: e.quiz };
    const parsed = exerciseFileSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(formatIssues(e.sources.map((s) => s.file).join(' + '), parsed.error.issues));
      continue;
    }
    out.push({ lesson, sources: e.sources, raw, data: parsed.data });
  }
  if (problems.length) throw new ContentError(problems[0]!.split(':')[0]!, problems.join('\n'));
  return out;
}

/** resolveScenarios replaces each exercise's `scenario: <path>` with the file's contents, checking the file on the way. */
function resolveScenarios(
  raw: Record<string, unknown>,
  path: string,
  file: string,
  root: string,
  show: (p: string) => string,
  problems: string[],
): Record<string, unknown> {
  if (!Array.isArray(raw.exercises)) return raw;
  const exercises = raw.exercises.map((ex: unknown, i) => {
    if (ex === null || typeof ex !== 'object' || typeof (ex as { scenario?: unknown }).scenario !== 'string') return ex;
    const rel = (ex as { scenario: string }).scenario;
    const target = resolve(dirname(path), rel);
    if (!existsSync(target) || !statSync(target).isFile()) {
      problems.push(`${file}: exercises[${i}].scenario: expected a scenario file at ${show(target)}, but there is none`);
      return ex;
    }
    try {
      const data = parseYaml(readFileSync(target, 'utf8'), show(target)) ?? {};
      validateScenario(data, show(target));
      return { ...(ex as object), scenario: data, scenarioFile: toPosix(relative(root, target)) };
    } catch (e) {
      problems.push((e as Error).message);
      return ex;
    }
  });
  return { ...raw, exercises };
}

/** frontmatter returns an MDX file's frontmatter (undefined when it has none, an Error when it is not valid YAML). */
export function frontmatter(text: string, file: string): Record<string, unknown> | undefined | Error {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\s*(\r?\n|$)/.exec(text);
  if (!m) return undefined;
  try {
    // The leading newline keeps YAML's line numbers equal to the file's (line 1 is the opening ---).
    const data = parseYaml(`\n${m[1]}`, file);
    return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  } catch (e) {
    return e as Error;
  }
}

function toPosix(p: string): string {
  return p.split('\\').join('/');
}
