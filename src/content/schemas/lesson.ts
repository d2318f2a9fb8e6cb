import { z } from 'astro/zod';

/** Frontmatter of a lesson: one `content/<NN-chapter>/<NN-slug>.mdx`. */
export const lessonSchema = z.object({
  title: z.string().min(1).describe('Lesson title, used for the page heading, <title> and navigation.'),
  description: z
    .string()
    .min(1)
    .describe('One or two sentences on what the lesson covers; the page lede and meta description.'),
  sandbox: z
    .boolean()
    .default(true)
    .describe('Whether the lesson shows an interactive sandbox in its side panel.'),
});

export type LessonData = z.infer<typeof lessonSchema>;
