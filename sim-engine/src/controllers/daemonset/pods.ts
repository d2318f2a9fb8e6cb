/**
 * The pods a DaemonSet creates (util.CreatePodTemplate, ReplaceDaemonSetPodNodeNameNodeAffinity,
 * GetPodFromTemplate): the template with the daemon tolerations, the `controller-revision-hash`
 * and `pod-template-generation` labels, a required node affinity on `metadata.name` for the one
 * node it is meant for (the default scheduler binds it there), and a controller reference.
 */
import { DAEMONSET_TEMPLATE_GENERATION as TEMPLATE_GENERATION, type DaemonSet } from '../../api/apps.ts';
import type { Pod, PodSpec } from '../../api/pod.ts';
import { computeHash } from '../deployment/hash.ts';
import { newControllerRef } from '../controller-utils.ts';
import { daemonPodTolerations } from './should-run.ts';

/** REVISION_HASH_LABEL is DefaultDaemonSetUniqueLabelKey: the hash of the template a pod was made from. */
export const REVISION_HASH_LABEL = 'controller-revision-hash';
/** TEMPLATE_GENERATION_LABEL is DaemonSetTemplateGenerationKey: the template generation a pod was made from. */
export const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';

/** templateGeneration is the DaemonSet's template generation (from its apps/v1 annotation). */
export function templateGeneration(ds: DaemonSet): string {
  return ds.metadata.annotations?.[TEMPLATE_GENERATION] ?? '1';
}

/** revisionHash is the hash of the DaemonSet's current template (what its ControllerRevision would be named after). */
export function revisionHash(ds: DaemonSet): string {
  return computeHash(ds.spec.template, ds.status?.collisionCount);
}

/** isPodUpdated is util.IsPodUpdated: the pod carries the current hash or the current template generation. */
export function isPodUpdated(pod: Pod, hash: string, generation: string): boolean {
  const labels = pod.metadata.labels;
  return labels?.[REVISION_HASH_LABEL] === hash || labels?.[TEMPLATE_GENERATION_LABEL] === generation;
}

/** newDaemonPod is the pod the DaemonSet controller creates for `node`. */
export function newDaemonPod(ds: DaemonSet, node: string, hash: string, generation: string): Pod {
  const meta = ds.spec.template.metadata ?? {};
  const spec = ds.spec.template.spec;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${ds.metadata.name}-`,
      namespace: ds.metadata.namespace,
      labels: { ...meta.labels, [TEMPLATE_GENERATION_LABEL]: generation, [REVISION_HASH_LABEL]: hash },
      ...(meta.annotations ? { annotations: { ...meta.annotations } } : {}),
      ...(meta.finalizers ? { finalizers: [...meta.finalizers] } : {}),
      ownerReferences: [newControllerRef(ds)],
    },
    spec: { ...spec, affinity: withNodeNameAffinity(spec.affinity, node), tolerations: daemonPodTolerations(spec) },
  };
}

/** withNodeNameAffinity is ReplaceDaemonSetPodNodeNameNodeAffinity: the required terms become one `metadata.name In [node]` term. */
function withNodeNameAffinity(affinity: PodSpec['affinity'], node: string): PodSpec['affinity'] {
  const required = { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }] };
  const a = (affinity ?? {}) as { nodeAffinity?: Record<string, unknown> };
  const nodeAffinity = a.nodeAffinity ?? {};
  const existing = nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution as Record<string, unknown> | undefined;
  return { ...a, nodeAffinity: { ...nodeAffinity, requiredDuringSchedulingIgnoredDuringExecution: existing ? { ...existing, ...required } : required } };
}
