/** What the `kubectl set` subcommands share: finding an object's pod spec and choosing containers by name pattern. */
import type { KubeObject } from '../../api/meta.ts';
import type { Container, PodSpec } from '../../api/pod.ts';
import { resourceForKind } from '../../api/resources.ts';

/** podSpecOf is the pod spec of a pod, or of the template of a Deployment or ReplicaSet; undefined for other kinds. */
export function podSpecOf(obj: KubeObject): PodSpec | undefined {
  const o = obj as KubeObject & { spec?: { template?: { spec?: PodSpec } } & Partial<PodSpec> };
  if (obj.kind === 'Pod') return o.spec as PodSpec;
  if (obj.kind === 'Deployment' || obj.kind === 'ReplicaSet') return o.spec?.template?.spec;
  return undefined;
}

/** notPodTemplate is the error for an object with no pod template. */
export function notPodTemplate(obj: KubeObject): Error {
  const r = resourceForKind(obj.kind);
  return new Error(`error: ${r?.plural ?? obj.kind.toLowerCase()}/${obj.metadata.name} the object is not a pod or does not have a pod template: *v1.${obj.kind}\n`);
}

/** selectContainers is the containers (init containers first) whose names match a `-c` pattern, where `*` matches any run of characters. */
export function selectContainers(spec: PodSpec, pattern: string): Container[] {
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return [...(spec.initContainers ?? []), ...spec.containers].filter((c) => re.test(c.name));
}
