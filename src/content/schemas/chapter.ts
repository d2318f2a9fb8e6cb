import { z } from 'astro/zod';

/** A chapter of the course: one `content/<NN-slug>/chapter.yaml`. */
export const chapterSchema = z.object({
  title: z.string().min(1).describe('Chapter title as shown in the course outline, e.g. "Working with pods".'),
  number: z
    .number()
    .int()
    .nonnegative()
    .describe('Position in the course; 0 is the introduction. Chapters are listed in this order.'),
  summary: z.string().min(1).describe('One sentence saying what the chapter teaches, shown on the home page.'),
});

export type ChapterData = z.infer<typeof chapterSchema>;
