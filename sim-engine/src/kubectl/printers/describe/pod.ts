/** describePod renders `kubectl describe pod` in describe.go's line order. */
import type { Event } from '../../../api/event.ts';
import type { Pod } from '../../../api/pod.ts';
import { humanDuration } from '../../../util/duration.ts';
import { parseTime, rfc1123z } from '../../../util/time.ts';
import { PrefixWriter, printAnnotationsMultiline, printLabelsMultiline } from '../prefix-writer.ts';
import { describeContainers, describeTolerations } from './containers.ts';
import { describeEvents } from './events.ts';
import { describeVolumes } from './volumes.ts';

/** describePod returns the full description of one pod, events included. */
export function describePod(pod: Pod, events: readonly Event[], now: number): string {
  const w = new PrefixWriter();
  const s = pod.status ?? {};
  w.write(0, `Name:\t${pod.metadata.name}\n`);
  w.write(0, `Namespace:\t${pod.metadata.namespace}\n`);
  if (pod.spec.priority !== undefined) w.write(0, `Priority:\t${pod.spec.priority}\n`);
  if (pod.spec.priorityClassName) w.write(0, `Priority Class Name:\t${pod.spec.priorityClassName}\n`);
  w.write(0, `Service Account:\t${pod.spec.serviceAccountName ?? ''}\n`);
  w.write(0, pod.spec.nodeName ? `Node:\t${pod.spec.nodeName}/${s.hostIP ?? ''}\n` : 'Node:\t<none>\n');
  const start = parseTime(s.startTime);
  if (start !== undefined) w.write(0, `Start Time:\t${rfc1123z(start)}\n`);
  printLabelsMultiline(w, 'Labels', pod.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', pod.metadata.annotations);
  if (pod.metadata.deletionTimestamp && s.phase !== 'Failed' && s.phase !== 'Succeeded') {
    // kubectl measures "since" a deletion time that lies in the future, hence <invalid> during the grace period.
    w.write(0, `Status:\tTerminating (lasts ${humanDuration(now - (parseTime(pod.metadata.deletionTimestamp) ?? now))})\n`);
    w.write(0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
  } else {
    w.write(0, `Status:\t${s.phase ?? ''}\n`);
  }
  if (s.reason) w.write(0, `Reason:\t${s.reason}\n`);
  if (s.message) w.write(0, `Message:\t${s.message}\n`);
  w.write(0, `IP:\t${s.podIP ?? ''}\n`);
  if (!s.podIPs?.length) w.write(0, 'IPs:\t<none>\n');
  else {
    w.write(0, 'IPs:\n');
    for (const ip of s.podIPs) w.write(1, `IP:\t${ip.ip}\n`);
  }
  const owner = pod.metadata.ownerReferences?.find((r) => r.controller);
  if (owner) w.write(0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
  if (s.nominatedNodeName) w.write(0, `NominatedNodeName:\t${s.nominatedNodeName}\n`);
  // EnvValueRetriever: a fieldRef shows the field's value (fieldpath.ExtractFieldPathAsString's common paths).
  const fieldValue = (path: string): string =>
    ({ 'metadata.name': pod.metadata.name, 'metadata.namespace': pod.metadata.namespace, 'metadata.uid': pod.metadata.uid, 'spec.nodeName': pod.spec.nodeName, 'spec.serviceAccountName': pod.spec.serviceAccountName, 'status.hostIP': s.hostIP, 'status.podIP': s.podIP })[path] ?? '';
  if (pod.spec.initContainers?.length) describeContainers(w, 'Init Containers', pod.spec.initContainers, s.initContainerStatuses, '', fieldValue);
  describeContainers(w, 'Containers', pod.spec.containers, s.containerStatuses, '', fieldValue);
  if (s.conditions?.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const c of s.conditions) w.write(1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(w, pod.spec.volumes);
  w.write(0, `QoS Class:\t${s.qosClass ?? ''}\n`);
  printLabelsMultiline(w, 'Node-Selectors', pod.spec.nodeSelector);
  describeTolerations(w, 'Tolerations', pod.spec.tolerations);
  return describeEvents(w, events, now);
}
