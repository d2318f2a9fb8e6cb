/**
 * A lesson's side sandbox may start from a scenario of its own (frontmatter `scenario:`), given
 * inline or as a file beside the lesson. It is resolved and proven buildable when the site
 * builds, so a mistake fails the build with the file and the field, never a learner's page.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { ContentError } from '@wheelhouse/sim-engine';
import { parseYaml, startSession } from '@wheelhouse/sim-engine/validate';

/** lessonScenario returns the lesson's scenario as data (a path read from beside `lessonFile`), after building it once. */
export function lessonScenario(scenario: string | Record<string, unknown> | undefined, lessonFile: string, root = process.cwd()): Record<string, unknown> | undefined {
  if (scenario === undefined) return undefined;
  const show = (p: string) => relative(root, p).split('\\').join('/');
  let data: unknown = scenario;
  let file = `${show(resolve(root, lessonFile))}: scenario`;
  if (typeof scenario === 'string') {
    const target = resolve(root, dirname(lessonFile), scenario);
    if (!existsSync(target) || !statSync(target).isFile()) {
      throw new ContentError(show(resolve(root, lessonFile)), `${file}: expected a scenario file at ${show(target)}, but there is none`);
    }
    file = show(target);
    data = parseYaml(readFileSync(target, 'utf8'), file) ?? {};
  }
  // Building it validates every field and every object, exactly as the browser will.
  startSession(data as Record<string, unknown>, { file });
  return data as Record<string, unknown>;
}
