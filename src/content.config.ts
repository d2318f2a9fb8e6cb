import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { chapterSchema } from './content/schemas/chapter';
import { lessonSchema } from './content/schemas/lesson';

/** Course content lives in the top-level `content/` folder, one folder per chapter. */
const base = './content';

/** `content/03-pods/chapter.yaml` → id `03-pods`. */
const chapters = defineCollection({
  loader: glob({
    base,
    pattern: '*/chapter.yaml',
    generateId: ({ entry }) => entry.replace(/\/chapter\.yaml$/, ''),
  }),
  schema: chapterSchema,
});

/** `content/03-pods/01-your-first-pod.mdx` → id `03-pods/01-your-first-pod` (also its URL). */
const lessons = defineCollection({
  loader: glob({
    base,
    pattern: '*/[0-9][0-9]-*.mdx',
    generateId: ({ entry }) => entry.replace(/\.mdx$/, ''),
  }),
  schema: lessonSchema,
});

export const collections = { chapters, lessons };
