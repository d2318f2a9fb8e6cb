/** Outcome is what evaluating one check gives: whether it holds, and a plain-words message pointing at the object. */
import type { Cluster } from '../../cluster.ts';

/** Outcome is one check's verdict. */
export interface Outcome {
  passed: boolean;
  message: string;
}

/** pass and fail build outcomes. */
export const pass = (message: string): Outcome => ({ passed: true, message });
/** fail builds a failing outcome. */
export const fail = (message: string): Outcome => ({ passed: false, message });

/** View is the read-only part of a cluster the evaluators use. */
export type View = Pick<Cluster, 'api' | 'now'>;
