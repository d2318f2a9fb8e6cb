/** The schema of a scenario's `clock`: when the cluster's clock starts and how fast it runs in the browser. */
import { z } from 'zod';
import { strictObject } from './strict.ts';

/** clockSchema sets the start time (relative to the course's fixed start) and the live speed. */
export const clockSchema = strictObject({
  startOffsetSeconds: z
    .number()
    .int()
    .default(0)
    .describe('Seconds added to the course\'s fixed start time (12 Jan 2026 09:00 UTC); negative moves it earlier.'),
  speed: z
    .number()
    .min(0)
    .max(100)
    .default(1)
    .describe('Cluster seconds per real second in the browser sandbox: 1 is real time, 0 starts paused.'),
}).describe('When the cluster clock starts and how fast it runs.');

/** ScenarioClock is a parsed `clock` section. */
export type ScenarioClock = z.output<typeof clockSchema>;
