/** The pod strategy: admission defaults, validation and the narrow set of fields an update may change. */
import type { Pod } from '../../api/pod.ts';
import { defaultPod } from '../defaults/pod.ts';
import { admitPriority } from '../priority.ts';
import { forbiddenField } from '../validation/field.ts';
import { validatePodSpec } from '../validation/pod.ts';
import type { Strategy } from './strategy.ts';

/** podStrategy admits pods the way the API server and its admission plugins do. */
export const podStrategy: Strategy<Pod> = {
  prepareForCreate(pod, ctx) {
    const defaulted = defaultPod(admitPriority(pod), ctx.random);
    return { ...defaulted, status: { phase: 'Pending', qosClass: qosClass(defaulted) } };
  },
  validate(pod) {
    return validatePodSpec(pod.spec, 'spec');
  },
  validateUpdate(pod, old) {
    const strip = (p: Pod) =>
      JSON.stringify({ ...p.spec, containers: (p.spec.containers ?? []).map((c) => ({ ...c, image: '' })), nodeName: undefined, tolerations: undefined, activeDeadlineSeconds: undefined });
    if (strip(pod) !== strip(old) || (old.spec.nodeName && pod.spec.nodeName !== old.spec.nodeName)) {
      return [
        forbiddenField(
          'spec',
          'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
        ),
      ];
    }
    return [];
  },
};

/** qosClass is BestEffort without requests or limits, Guaranteed when every container's requests equal its limits. */
export function qosClass(pod: Pod): 'BestEffort' | 'Burstable' | 'Guaranteed' {
  const containers = pod.spec.containers;
  const any = containers.some((c) => Object.keys(c.resources?.requests ?? {}).length || Object.keys(c.resources?.limits ?? {}).length);
  if (!any) return 'BestEffort';
  const guaranteed = containers.every((c) => {
    const l = c.resources?.limits ?? {};
    const r = { ...l, ...(c.resources?.requests ?? {}) };
    return ['cpu', 'memory'].every((k) => l[k] !== undefined && r[k] === l[k]);
  });
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
