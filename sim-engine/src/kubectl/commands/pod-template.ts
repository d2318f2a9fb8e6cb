/** What the `kubectl set` subcommands share: finding an object's pod spec, choosing containers by name pattern, and writing the changed templates. */
import type { KubeObject } from '../../api/meta.ts';
import type { Container, PodSpec } from '../../api/pod.ts';
import { resourceForKind } from '../../api/resources.ts';
import { clone } from '../../util/clone.ts';
import { jsonEqual } from '../../util/json-equal.ts';
import type { Invocation } from '../command.ts';
import { str } from '../flags.ts';
import type { ResultPrinter } from '../print-result.ts';
import type { DryRunMode } from './dry-run.ts';

/** podSpecOf is the pod spec of a pod, or of the template of a Deployment, ReplicaSet or DaemonSet; undefined for other kinds. */
export function podSpecOf(obj: KubeObject): PodSpec | undefined {
  const o = obj as KubeObject & { spec?: { template?: { spec?: PodSpec } } & Partial<PodSpec> };
  if (obj.kind === 'Pod') return o.spec as PodSpec;
  if (obj.kind === 'Deployment' || obj.kind === 'ReplicaSet' || obj.kind === 'DaemonSet') return o.spec?.template?.spec;
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

/** TemplateUpdate says how one `kubectl set` verb changes the pod templates it selected. */
export interface TemplateUpdate {
  /** The `-c` pattern. */
  pattern: string;
  /** The printer's operation: "env updated", "resource requirements updated". */
  operation: string;
  /** What to do about an object none of whose containers match: an error to report, or undefined to go on. */
  noMatch(obj: KubeObject): Error | undefined;
  /** Changes the selected containers of the (cloned) object in place. */
  change(obj: KubeObject, containers: Container[]): void;
  /** False to change nothing on the server (`set env --list`). */
  write: boolean;
}

/** updatePodTemplates applies `update` to each selected object and writes those whose pod spec changed, as kubectl's set verbs do; it returns the errors to report. */
export function updatePodTemplates(inv: Invocation, items: readonly { obj: KubeObject }[], printer: ResultPrinter, mode: DryRunMode, update: TemplateUpdate): Error[] {
  const errors: Error[] = [];
  for (const { obj } of items) {
    const updated = clone(obj);
    const spec = podSpecOf(updated);
    if (!spec) {
      errors.push(notPodTemplate(obj));
      continue;
    }
    const containers = selectContainers(spec, update.pattern);
    if (containers.length === 0) {
      const error = update.noMatch(obj);
      if (error) {
        errors.push(error);
        continue;
      }
    }
    update.change(obj, containers);
    // An object whose template is unchanged is not written, and kubectl prints nothing for it.
    if (!update.write || jsonEqual(podSpecOf(obj), spec)) continue;
    try {
      const result = mode === 'client' ? updated : inv.cluster.api.update(updated, str(inv.flags, 'field-manager', 'kubectl-set'), { dryRun: mode === 'server' });
      inv.cluster.drain();
      printer.print(result, update.operation, true);
    } catch (e) {
      errors.push(e as Error);
    }
  }
  return errors;
}
