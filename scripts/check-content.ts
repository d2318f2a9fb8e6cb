/**
 * npm run check:content — proves every exercise in the course: each check must fail on the
 * start state and pass after the reference solution (see scripts/lib/check-exercise.ts).
 * Content errors (a bad field, an unknown check type, a missing scenario file) are reported
 * with the file, the field and what was expected. Exits 1 on any failure.
 *
 *   npm run check:content -- [--content DIR] [--seed N] [--verbose] [FILTER…]
 *
 * FILTER keeps the exercises whose full id (`03-pods/01-your-first-pod/run-a-pod`) contains it.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadCourseExercises } from '../src/content/exercise-sources.ts';
import { checkExercise } from './lib/check-exercise.ts';
import { checkLessonScenarios } from './lib/check-lesson-scenarios.ts';

const USAGE = 'usage: check-content [--content DIR] [--seed N] [--verbose] [FILTER...]\n';

/** Out is where the report goes. */
export interface Out {
  write(text: string): void;
}

/** runCheckContent checks the course's exercises and returns the exit status. */
export async function runCheckContent(argv: string[], out: Out = process.stdout): Promise<number> {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { content: { type: 'string', default: 'content' }, seed: { type: 'string', default: '1' }, verbose: { type: 'boolean', short: 'v' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (e) {
    out.write(`check-content: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    out.write(USAGE);
    return 0;
  }
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) {
    out.write('check-content: --seed must be an integer\n');
    return 2;
  }

  let lessons;
  try {
    lessons = loadCourseExercises(values.content);
  } catch (e) {
    out.write(`✗ content errors:\n${(e as Error).message.replace(/^/gm, '  ')}\n`);
    return 1;
  }

  const scenarios = checkLessonScenarios(values.content);
  for (const p of scenarios.problems) out.write(`✗ ${p}\n`);

  let checked = 0;
  let failed = scenarios.problems.length;
  let questions = 0;
  for (const lesson of lessons) {
    questions += lesson.data.quiz.length;
    for (const exercise of lesson.data.exercises) {
      const id = `${lesson.lesson}/${exercise.id}`;
      if (positionals.length && !positionals.some((f) => id.includes(f))) continue;
      checked++;
      const v = await checkExercise(id, exercise, { seed });
      if (v.ok) {
        const guards = v.guards ? `; ${v.guards} ${v.guards === 1 ? 'guard holds' : 'guards hold'} throughout` : '';
        out.write(`✓ ${id}: ${v.checks} ${v.checks === 1 ? 'check fails' : 'checks fail'} before, pass after${guards}\n`);
      } else {
        failed++;
        for (const p of v.problems) out.write(`✗ ${id}: ${p}\n`);
      }
      if (values.verbose || (!v.ok && v.problems.some((p) => p.startsWith('solution command')))) {
        out.write(`  solution transcript:\n${v.transcript.replace(/^/gm, '    ').trimEnd()}\n`);
      }
    }
  }
  const lessonScenarios = scenarios.checked ? `; ${scenarios.checked} lesson ${scenarios.checked === 1 ? 'scenario' : 'scenarios'} built` : '';
  const summary = `${checked} ${checked === 1 ? 'exercise' : 'exercises'} checked, ${failed} failed; ${questions} quiz ${questions === 1 ? 'question' : 'questions'} valid${lessonScenarios}\n`;
  out.write(failed ? `\n✗ ${summary}` : `\n${summary}`);
  return failed ? 1 : 0;
}

if (process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))) {
  process.exitCode = await runCheckContent(process.argv.slice(2));
}
