import { z } from 'astro/zod';
import { strictObject } from '@wheelhouse/sim-engine/validate';

/** A quiz question: one in a lesson's `quiz` list (in its `.exercise.yaml` or its frontmatter). */
export const quizQuestionSchema = strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, { error: 'expected a lowercase id of letters, digits and dashes, such as "what-is-a-pod"' })
    .optional()
    .describe('Id of the question, unique within the lesson; its position ("q1", "q2", …) when absent.'),
  question: z.string().min(1).describe('The question, in Markdown.'),
  choices: z.array(z.string().min(1)).min(2, { error: 'expected at least 2 choices' }).describe('The possible answers, in Markdown, shown in this order.'),
  correct: z
    .union([z.number().int().min(0), z.array(z.number().int().min(0)).min(1)], {
      error: 'expected the index of the right choice (counting from 0), or a list of indices',
    })
    .describe('Which choices are right, counting from 0: one index, or a list when several are (the learner must pick all of them).'),
  explanation: z.string().min(1).describe('Shown once the learner has answered: why the right answer is right, in Markdown.'),
})
  .superRefine((q, ctx) => {
    const picks = Array.isArray(q.correct) ? q.correct : [q.correct];
    for (const i of picks) {
      if (i >= q.choices.length) {
        ctx.addIssue({ code: 'custom', path: ['correct'], message: `there is no choice ${i}: the ${q.choices.length} choices are numbered 0 to ${q.choices.length - 1}` });
      }
    }
    if (new Set(picks).size !== picks.length) ctx.addIssue({ code: 'custom', path: ['correct'], message: 'expected each index once' });
  })
  .describe('A multiple-choice question with an explanation.');

/** QuizQuestion is a parsed quiz question. */
export type QuizQuestion = z.output<typeof quizQuestionSchema>;
