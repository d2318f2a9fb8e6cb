/**
 * apps/v1 defaulting (SetDefaults_Deployment, SetDefaults_ReplicaSet), plus the pod-template
 * defaults both share. Zero values that Go omits (`minReadySeconds: 0`, `paused: false`,
 * a nil `rollingUpdate`) are dropped so stored objects print as a real server's do.
 */
import type { Deployment, PodTemplateSpec, ReplicaSet } from '../../api/apps.ts';
import { defaultPodTemplateSpec } from './pod.ts';

/** defaultPodTemplate defaults a template's pod spec and gives its metadata the zero `creationTimestamp: null`. */
export function defaultPodTemplate(t: PodTemplateSpec | undefined): PodTemplateSpec {
  const template = (isObject(t) ? t : {}) as PodTemplateSpec;
  const metadata = isObject(template.metadata) ? template.metadata : {};
  const spec = isObject(template.spec) && Array.isArray(template.spec.containers) && template.spec.containers.every(isObject)
    ? defaultPodTemplateSpec(template.spec)
    : template.spec;
  return { ...template, metadata: { ...metadata, creationTimestamp: metadata.creationTimestamp ?? null }, spec };
}

/** defaultDeployment applies apps/v1 Deployment defaults: 1 replica, RollingUpdate 25%/25%, history 10, deadline 600 s. */
export function defaultDeployment(d: Deployment): Deployment {
  const spec = (isObject(d.spec) ? d.spec : {}) as Partial<Deployment['spec']>;
  const given = isObject(spec.strategy) ? spec.strategy : {};
  const type = given.type || 'RollingUpdate';
  const { rollingUpdate: ru, ...rest } = given;
  const strategy: NonNullable<Deployment['spec']['strategy']> = { ...rest, type };
  if (type === 'RollingUpdate') {
    const r = isObject(ru) ? ru : {};
    strategy.rollingUpdate = { ...r, maxSurge: r.maxSurge ?? '25%', maxUnavailable: r.maxUnavailable ?? '25%' };
  } else if (ru !== null && ru !== undefined) {
    strategy.rollingUpdate = ru;
  }
  const out = {
    ...spec,
    replicas: spec.replicas ?? 1,
    template: defaultPodTemplate(spec.template),
    strategy,
    revisionHistoryLimit: spec.revisionHistoryLimit ?? 10,
    progressDeadlineSeconds: spec.progressDeadlineSeconds ?? 600,
  } as Deployment['spec'];
  dropZero(out);
  return { ...d, spec: out };
}

/** defaultReplicaSet applies apps/v1 ReplicaSet defaults: 1 replica and a defaulted template. */
export function defaultReplicaSet(rs: ReplicaSet): ReplicaSet {
  const spec = (isObject(rs.spec) ? rs.spec : {}) as Partial<ReplicaSet['spec']>;
  const out = { ...spec, replicas: spec.replicas ?? 1, template: defaultPodTemplate(spec.template) } as ReplicaSet['spec'];
  dropZero(out);
  return { ...rs, spec: out };
}

function dropZero(spec: { minReadySeconds?: number; paused?: boolean }): void {
  if (spec.minReadySeconds === 0 || spec.minReadySeconds === null) delete spec.minReadySeconds;
  if (spec.paused === false || spec.paused === null) delete spec.paused;
}

function isObject<T>(v: T | null | undefined): v is T {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
