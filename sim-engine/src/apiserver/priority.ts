/**
 * The Priority admission plugin: a pod's priorityClassName decides its priority. A kubeadm
 * cluster has only the two built-in classes (and no global default, so a pod without a class
 * gets 0); naming another class, or writing a priority of one's own that differs from the
 * class's, is forbidden.
 */
import type { Pod } from '../api/pod.ts';
import { forbidden } from './errors.ts';

/** SYSTEM_PRIORITY_CLASSES are the classes every cluster has, with their values. */
export const SYSTEM_PRIORITY_CLASSES: Readonly<Record<string, number>> = {
  'system-cluster-critical': 2_000_000_000,
  'system-node-critical': 2_000_001_000,
};

/** admitPriority sets the pod's priority from its class, or throws the plugin's Forbidden error. */
export function admitPriority(pod: Pod): Pod {
  const className = pod.spec.priorityClassName;
  const forbid = (why: string) => forbidden(`pods "${pod.metadata.name ?? ''}" is forbidden: ${why}`);
  let priority = 0;
  if (className) {
    if (!Object.hasOwn(SYSTEM_PRIORITY_CLASSES, className)) throw forbid(`no PriorityClass with name ${className} was found`);
    priority = SYSTEM_PRIORITY_CLASSES[className]!;
  }
  const given = pod.spec.priority;
  if (given !== undefined && given !== priority) {
    throw forbid(`the integer value of priority (${given}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`);
  }
  return given === priority ? pod : { ...pod, spec: { ...pod.spec, priority } };
}
