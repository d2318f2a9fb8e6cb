/**
 * The content loader of the `exercises` collection: one entry per lesson that has exercises or
 * a quiz, with id = the lesson's id (`03-pods/01-your-first-pod`). It reads the lesson's
 * `.exercise.yaml` and frontmatter (see exercise-sources.ts), inlines scenario files, and fails
 * the build with every problem listed as `<file>: <field path>: <what was expected>`.
 */
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { loadCourseExercises } from './exercise-sources.ts';

/** exerciseLoader loads the exercises and quizzes under `base` (relative to the project root). */
export function exerciseLoader(opts: { base: string }): Loader {
  return {
    name: 'wheelhouse-exercises',
    async load({ config, store, parseData, generateDigest, watcher, logger }) {
      const projectRoot = fileURLToPath(config.root);
      const contentDir = fileURLToPath(new URL(opts.base.replace(/\/?$/, '/'), config.root));
      const sync = async () => {
        const lessons = loadCourseExercises(contentDir, { displayRoot: projectRoot });
        store.clear();
        for (const l of lessons) {
          const filePath = l.sources[0]!.file;
          const data = await parseData({ id: l.lesson, data: l.raw, filePath });
          store.set({ id: l.lesson, data, filePath, digest: generateDigest(data) });
        }
      };
      await sync();
      const relevant = (p: string) => p.startsWith(contentDir) && /\.(ya?ml|mdx)$/.test(p);
      for (const event of ['add', 'change', 'unlink'] as const) {
        watcher?.on(event, (p: string) => {
          if (!relevant(p)) return;
          sync().catch((e: unknown) => logger.error((e as Error).message));
        });
      }
    },
  };
}
