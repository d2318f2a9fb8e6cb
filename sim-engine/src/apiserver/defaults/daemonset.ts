/**
 * apps/v1 DaemonSet defaulting (SetDefaults_DaemonSet): a RollingUpdate strategy with
 * maxUnavailable 1 and maxSurge 0, a history limit of 10, and the pod-template defaults
 * Deployments and ReplicaSets share. A zero `minReadySeconds` is dropped, as Go omits it.
 */
import type { DaemonSet, DaemonSetUpdateStrategy } from '../../api/apps.ts';
import { defaultPodTemplate } from './apps.ts';

/** defaultDaemonSet applies the apps/v1 DaemonSet defaults. */
export function defaultDaemonSet(ds: DaemonSet): DaemonSet {
  const spec = (isObject(ds.spec) ? ds.spec : {}) as Partial<DaemonSet['spec']>;
  const out = {
    ...spec,
    template: defaultPodTemplate(spec.template),
    updateStrategy: defaultUpdateStrategy(spec.updateStrategy),
    revisionHistoryLimit: spec.revisionHistoryLimit ?? 10,
  } as DaemonSet['spec'];
  if (out.minReadySeconds === 0 || out.minReadySeconds === null) delete out.minReadySeconds;
  return { ...ds, spec: out };
}

function defaultUpdateStrategy(given: DaemonSetUpdateStrategy | undefined): DaemonSetUpdateStrategy {
  const s = isObject(given) ? given : {};
  const type = s.type || 'RollingUpdate';
  if (type !== 'RollingUpdate') return { ...s, type };
  const ru = isObject(s.rollingUpdate) ? s.rollingUpdate : {};
  return { ...s, type, rollingUpdate: { ...ru, maxUnavailable: ru.maxUnavailable ?? 1, maxSurge: ru.maxSurge ?? 0 } };
}

function isObject<T>(v: T | null | undefined): v is T {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
