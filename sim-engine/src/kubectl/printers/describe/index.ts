/** The describers by kind: each renders one object (with its events) as `kubectl describe` does. */
import type { KubeObject } from '../../../api/meta.ts';
import type { Namespace } from '../../../api/namespace.ts';
import type { Pod } from '../../../api/pod.ts';
import type { Cluster } from '../../../cluster.ts';
import { describeNamespace } from './namespace.ts';
import { describePod } from './pod.ts';

/** Describer renders one object, reading whatever else it needs (events, owned objects) from the cluster. */
export type Describer = (obj: KubeObject, cluster: Cluster) => string;

/** DESCRIBERS maps a kind to its describer; kinds missing here are "not supported in this sandbox yet". */
export const DESCRIBERS: Record<string, Describer> = {
  Pod: (obj, c) => describePod(obj as Pod, c.recorder.eventsFor(obj), c.now()),
  Namespace: (obj) => describeNamespace(obj as Namespace),
};
