/**
 * checkLessonScenarios proves that every lesson whose side sandbox starts from a scenario of its
 * own (frontmatter `scenario:`) can be built, so check:content reports it before the build does.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { frontmatter, LESSON_FILE } from '../../src/content/exercise-sources.ts';
import { lessonScenario } from '../../src/content/lesson-scenario.ts';

/** LessonScenarioReport: how many lessons have a scenario, and one line per problem. */
export interface LessonScenarioReport {
  checked: number;
  problems: string[];
}

/** checkLessonScenarios builds each lesson's scenario under `contentDir`. */
export function checkLessonScenarios(contentDir: string, root = process.cwd()): LessonScenarioReport {
  const report: LessonScenarioReport = { checked: 0, problems: [] };
  for (const chapter of readdirSync(contentDir).sort()) {
    const dir = join(contentDir, chapter);
    if (!statSync(dir).isDirectory()) continue;
    for (const f of readdirSync(dir).sort()) {
      if (!LESSON_FILE.test(f)) continue;
      const file = relative(root, join(dir, f)).split('\\').join('/');
      const data = frontmatter(readFileSync(join(dir, f), 'utf8'), file);
      if (!data || data instanceof Error || data.scenario === undefined) continue;
      report.checked++;
      const scenario = data.scenario;
      if (typeof scenario !== 'string' && (typeof scenario !== 'object' || scenario === null || Array.isArray(scenario))) {
        report.problems.push(`${file}: scenario: expected a scenario file's path or a scenario map`);
        continue;
      }
      try {
        lessonScenario(scenario as string | Record<string, unknown>, file, root);
      } catch (e) {
        report.problems.push((e as Error).message);
      }
    }
  }
  return report;
}
