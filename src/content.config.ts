import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { chapterSchema } from './content/schemas/chapter';
import { lessonSchema } from './content/schemas/lesson';
import { exerciseLoader } from './content/exercise-loader';
import { exerciseSchema } from './content/schemas/exercise';
import { exerciseFileSchema } from './content/schemas/exercise-file';
import { quizQuestionSchema } from './content/schemas/quiz';

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
  // A lesson may keep its exercises and quiz in its frontmatter instead of an .exercise.yaml file.
  schema: lessonSchema.extend({
    exercises: z.array(exerciseSchema).optional().describe('Exercises, as in an .exercise.yaml file (see docs/authoring.md).'),
    quiz: z.array(quizQuestionSchema).optional().describe('Quiz questions, as in an .exercise.yaml file.'),
  }),
});

/**
 * A lesson's exercises and quiz, from `content/03-pods/01-your-first-pod.exercise.yaml` and/or
 * its frontmatter → id `03-pods/01-your-first-pod` (the lesson's id). Scenario files are inlined.
 */
const exercises = defineCollection({
  loader: exerciseLoader({ base }),
  schema: exerciseFileSchema,
});

export const collections = { chapters, lessons, exercises };
