/** The DaemonSet describer, in describe.go's line order (describeDaemonSet). */
import type { DaemonSet } from '../../../api/apps.ts';
import type { Event } from '../../../api/event.ts';
import type { Cluster } from '../../../cluster.ts';
import { formatLabels, formatLabelSelector } from '../labels.ts';
import { PrefixWriter, printAnnotationsMultiline, printLabelsMultiline } from '../prefix-writer.ts';
import { describeEvents } from './events.ts';
import { describePodTemplate } from './pod-template.ts';
import { podsStatus } from './workloads.ts';

/** describeDaemonSet returns `kubectl describe daemonset` for one DaemonSet. */
export function describeDaemonSet(ds: DaemonSet, cluster: Cluster, events: readonly Event[] | undefined): string {
  const w = new PrefixWriter();
  const s = ds.status;
  w.write(0, `Name:\t${ds.metadata.name}\n`);
  w.write(0, `Namespace:\t${ds.metadata.namespace}\n`);
  w.write(0, `Selector:\t${formatLabelSelector(ds.spec.selector)}\n`);
  w.write(0, `Node-Selector:\t${formatLabels(ds.spec.template?.spec?.nodeSelector)}\n`);
  printLabelsMultiline(w, 'Labels', ds.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', ds.metadata.annotations);
  w.write(0, `Desired Number of Nodes Scheduled: ${s?.desiredNumberScheduled ?? 0}\n`);
  w.write(0, `Current Number of Nodes Scheduled: ${s?.currentNumberScheduled ?? 0}\n`);
  w.write(0, `Number of Nodes Scheduled with Up-to-date Pods: ${s?.updatedNumberScheduled ?? 0}\n`);
  w.write(0, `Number of Nodes Scheduled with Available Pods: ${s?.numberAvailable ?? 0}\n`);
  w.write(0, `Number of Nodes Misscheduled: ${s?.numberMisscheduled ?? 0}\n`);
  w.write(0, `Pods Status:\t${podsStatus(cluster, ds)}\n`);
  describePodTemplate(w, ds.spec.template);
  return events ? describeEvents(w, events, cluster.now()) : w.flush();
}
