/** Component is a control loop of the simulated cluster: a controller, the scheduler or a kubelet. */
import type { Timer } from './clock.ts';

/** Component reacts to watch events through its work queue and to its own timers. */
export interface Component {
  /** name identifies the component as a timer owner and as the actor in the audit log. */
  readonly name: string;
  /** processQueue reconciles every queued key; it returns false when there was nothing to do. */
  processQueue(): boolean;
  /** onTimer handles one of the component's timers when it comes due. */
  onTimer(action: Timer['action']): void;
  /** snapshot returns the component's own plain-data state. */
  snapshot(): unknown;
  /** restore resumes from a snapshot's state. */
  restore(state: unknown): void;
}
