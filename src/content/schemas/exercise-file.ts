import { z } from 'astro/zod';
import { strictObject } from '@wheelhouse/sim-engine/validate';
import { exerciseSchema } from './exercise.ts';
import { quizQuestionSchema } from './quiz.ts';

/** A lesson's exercises and quiz: `content/<chapter>/<NN-slug>.exercise.yaml`, or the same two fields in the lesson's frontmatter. */
export const exerciseFileSchema = strictObject({
  exercises: z.array(exerciseSchema).default([]).describe('The lesson\'s exercises, in order.'),
  quiz: z.array(quizQuestionSchema).default([]).describe('The lesson\'s quiz questions, in order.'),
})
  .superRefine((f, ctx) => {
    const ids = new Set<string>();
    f.exercises.forEach((e, i) => {
      if (ids.has(e.id)) ctx.addIssue({ code: 'custom', path: ['exercises', i, 'id'], message: `exercise id "${e.id}" is used twice in this lesson` });
      ids.add(e.id);
    });
    const qids = new Set<string>();
    f.quiz.forEach((q, i) => {
      if (q.id === undefined) return;
      if (qids.has(q.id)) ctx.addIssue({ code: 'custom', path: ['quiz', i, 'id'], message: `quiz id "${q.id}" is used twice in this lesson` });
      qids.add(q.id);
    });
  })
  .transform((f) => ({ ...f, quiz: f.quiz.map((q, i) => ({ ...q, id: q.id ?? `q${i + 1}` })) }))
  .describe("A lesson's exercises and quiz.");

/** ExerciseFile is a parsed exercise file: exercises with check ids and task points filled in, quiz questions with ids. */
export type ExerciseFile = z.output<typeof exerciseFileSchema>;
