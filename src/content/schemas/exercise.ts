import { z } from 'astro/zod';
import { checkIds } from '@wheelhouse/sim-engine/grading';
import { scenarioSchema, strictObject } from '@wheelhouse/sim-engine/validate';
import { taskSchema } from './task.ts';

/** An exercise: a start scenario, tasks graded by checks, and a reference solution that `npm run check:content` replays. */
export const exerciseSchema = strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, { error: 'expected a lowercase id of letters, digits and dashes, such as "run-a-pod"' })
    .describe('Id of the exercise, unique within the lesson; with the lesson it makes the full id "03-pods/01-your-first-pod/run-a-pod".'),
  title: z.string().min(1).describe('Title shown above the tasks: "Run a pod and keep it running".'),
  description: z.string().min(1).optional().describe('An introduction shown under the title, in Markdown.'),
  points: z.number().int().min(0).default(10).describe('What the whole exercise is worth; 10 when absent.'),
  scenario: z
    .union([scenarioSchema, z.string().min(1)])
    .prefault({})
    .describe('Where the sandbox starts: a scenario written inline, or the path of a scenario file relative to this file. The default cluster when absent.'),
  scenarioFile: z
    .string()
    .optional()
    .describe('Filled in by the content loader when `scenario` named a file: that file, relative to content/. Do not write it yourself.'),
  tasks: z.array(taskSchema).min(1, { error: 'expected at least one task' }).describe('The tasks, in the order the learner should do them.'),
  solution: z
    .string()
    .min(1)
    .describe('The reference solution: a shell script the sandbox can run (kubectl, sleep, …). check:content replays it and all checks must then pass.'),
})
  .superRefine((ex, ctx) => {
    const seen = new Map<string, string>();
    ex.tasks.forEach((t, ti) =>
      t.checks.forEach((c, ci) => {
        if (c.id === undefined) return;
        const where = `tasks[${ti}].checks[${ci}]`;
        const first = seen.get(c.id);
        if (first) ctx.addIssue({ code: 'custom', path: ['tasks', ti, 'checks', ci, 'id'], message: `check id "${c.id}" is already used by ${first}` });
        else seen.set(c.id, where);
      }),
    );
    const given = ex.tasks.filter((t) => t.points !== undefined).reduce((n, t) => n + t.points!, 0);
    const all = ex.tasks.length > 0 && ex.tasks.every((t) => t.points !== undefined);
    if (given > ex.points || (all && given !== ex.points)) {
      ctx.addIssue({ code: 'custom', path: ['points'], message: `the tasks' points add up to ${given}, but the exercise is worth ${ex.points}` });
    }
  })
  .transform((ex) => {
    // Every check gets an id (unique in the exercise) and every task its points, so the UI and reports can name them.
    const ids = checkIds(ex.tasks.flatMap((t) => t.checks));
    let k = 0;
    const open = ex.tasks.filter((t) => t.points === undefined).length;
    const left = ex.points - ex.tasks.reduce((n, t) => n + (t.points ?? 0), 0);
    let shared = 0;
    const tasks = ex.tasks.map((t) => {
      const checks = t.checks.map((c) => ({ ...c, id: ids[k++]! }));
      if (t.points !== undefined) return { ...t, checks, points: t.points };
      const points = Math.floor(left / open) + (shared++ < left % open ? 1 : 0);
      return { ...t, checks, points };
    });
    return { ...ex, tasks };
  })
  .describe('An exercise: a start scenario, tasks graded by checks, and a reference solution.');

/** Exercise is a parsed exercise: every check has an id and every task its points. */
export type Exercise = z.output<typeof exerciseSchema>;
