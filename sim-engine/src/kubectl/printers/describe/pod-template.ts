/** DescribePodTemplate: the `Pod Template:` section of deployments, replicasets and `rollout history --revision`. */
import type { PodTemplateSpec } from '../../../api/apps.ts';
import type { TabWriter } from '../tabwriter.ts';
import { PrefixWriter, printAnnotationsMultiline, printLabelsMultiline } from '../prefix-writer.ts';
import { describeContainers, describeTolerations } from './containers.ts';
import { describeVolumes } from './volumes.ts';

/** describePodTemplate writes `Pod Template:` with labels, containers (names at three spaces), volumes, node selectors and tolerations. */
export function describePodTemplate(w: PrefixWriter, template: PodTemplateSpec | undefined): void {
  w.write(0, 'Pod Template:\n');
  if (!template) {
    w.write(1, '<unset>');
    return;
  }
  const spec = template.spec ?? { containers: [] };
  printLabelsMultiline(w, '  Labels', template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) printAnnotationsMultiline(w, '  Annotations', template.metadata?.annotations);
  if (spec.serviceAccountName) w.write(1, `Service Account:\t${spec.serviceAccountName}\n`);
  if (spec.initContainers?.length) describeContainers(w, 'Init Containers', spec.initContainers, undefined, '  ');
  describeContainers(w, 'Containers', spec.containers ?? [], undefined, '  ');
  describeVolumes(w, spec.volumes, '  ');
  if (spec.priorityClassName) w.write(1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabelsMultiline(w, '  Node-Selectors', spec.nodeSelector);
  describeTolerations(w, '  Tolerations', spec.tolerations);
}

/** rawPodTemplate is printTemplate: the same section written straight out, tabs and all, as `rollout history --revision` prints it. */
export function rawPodTemplate(template: PodTemplateSpec | undefined): string {
  let buf = '';
  const raw = {
    write(text: string) {
      buf += text;
    },
    flush() {
      const out = buf;
      buf = '';
      return out;
    },
  } as unknown as TabWriter;
  const w = new PrefixWriter(raw);
  describePodTemplate(w, template);
  return w.flush();
}
