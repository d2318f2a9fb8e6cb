/**
 * The controller manager: every controller the cluster runs, in the fixed order the
 * deterministic loop drains them. Add a controller here and it runs in every cluster.
 */
import type { ApiServer } from '../apiserver/apiserver.ts';
import type { Clock } from '../clock.ts';
import type { Component } from '../component.ts';
import type { EventRecorder } from '../events/recorder.ts';
import type { Random } from '../random.ts';
import type { Store } from '../store/store.ts';

/** ControllerDeps is what every control loop is built from. */
export interface ControllerDeps {
  api: ApiServer;
  store: Store;
  clock: Clock;
  random: Random;
  recorder: EventRecorder;
}

/** createControllers returns the controller manager's loops, in drain order. */
export function createControllers(deps: ControllerDeps): Component[] {
  void deps;
  return [];
}
