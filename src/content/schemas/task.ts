import { z } from 'astro/zod';
import { checkSchema, strictObject } from '@wheelhouse/sim-engine/validate';

/** One task of an exercise: what to do, the checks that grade it, and hints revealed one at a time. */
export const taskSchema = strictObject({
  title: z.string().min(1).describe('What the learner must do, as one instruction: "Run a pod named web from nginx:1.25".'),
  checks: z
    .array(checkSchema)
    .min(1, { error: 'expected at least one check: a task is graded by its checks' })
    .describe('The checks that must all pass for the task to be done (see the check types in docs/authoring.md).'),
  hints: z
    .array(z.string().min(1))
    .default([])
    .describe('Hints in Markdown, revealed one at a time, from a gentle nudge to nearly the answer.'),
  points: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe("Points for this task; the exercise's remaining points are shared evenly among tasks without them."),
}).describe('One task of an exercise.');

/** Task is a parsed task. */
export type Task = z.output<typeof taskSchema>;
