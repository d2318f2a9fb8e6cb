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
  scenario: z
    .union([z.string().min(1), z.record(z.string(), z.unknown())])
    .optional()
    .describe("Where the side sandbox starts and Reset returns: a scenario file's path relative to the lesson (scenarios/x.yaml), or a scenario written inline. The default cluster when absent."),
  chaos: z
    .union([
      z.boolean(),
      z.strictObject({
        deletePod: z.boolean().optional().describe('Offer "delete a pod".'),
        stopNode: z.boolean().optional().describe('Offer "stop a node" and "start a node".'),
        breakImage: z.boolean().optional().describe("Offer \"break an image\" (a Deployment's image becomes one that cannot be pulled)."),
      }),
    ])
    .optional()
    .describe("Which chaos controls the side sandbox offers: true for all of them, or some by name. The scenario's own chaos section when absent."),
});

export type LessonData = z.infer<typeof lessonSchema>;
