/** The Service, Endpoints and EndpointSlice describers, in describe.go's line order. */
import type { EndpointSlice, Endpoints } from '../../../api/endpoints.ts';
import type { Event } from '../../../api/event.ts';
import type { Service } from '../../../api/service.ts';
import { formatLabels } from '../labels.ts';
import { PrefixWriter, printAnnotationsMultiline, printLabelsMultiline } from '../prefix-writer.ts';
import { joinHostPort } from '../tables/endpoints.ts';
import { describeEvents } from './events.ts';

const MAX = 3;

// Quirks kept from describe.go: the "more" flag is raised by any endpoint met after the third,
// ready or not; an existing slice with nothing ready gives an empty value, no slices `<none>`.
/** formatEndpointSlices is the `Endpoints:` value of a service port: ready addresses of the slices' matching ports, at most three. */
export function formatEndpointSlices(slices: readonly EndpointSlice[], portName: string | undefined): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  const visit = (endpoints: EndpointSlice['endpoints'], render: (addr: string) => string) => {
    for (const e of endpoints ?? []) {
      if (list.length === MAX) more = true;
      if (e.conditions?.ready === false) continue;
      if (!more) list.push(render(e.addresses[0]!));
      count++;
    }
  };
  for (const slice of slices) {
    if (!slice.ports?.length) {
      visit(slice.endpoints, (a) => a);
      continue;
    }
    for (const port of slice.ports) {
      if (portName !== undefined && (port.name ?? '') !== portName) continue;
      visit(slice.endpoints, (a) => joinHostPort(a, port.port ?? 0));
    }
  }
  const joined = list.join(',');
  return more ? `${joined} + ${count - MAX} more...` : joined;
}

function finish(w: PrefixWriter, events: readonly Event[] | undefined, now: number): string {
  return events ? describeEvents(w, events, now) : w.flush();
}

/** describeService returns `kubectl describe service`, with endpoints taken from the Service's EndpointSlices. */
export function describeService(svc: Service, slices: readonly EndpointSlice[], events: readonly Event[] | undefined, now: number): string {
  const w = new PrefixWriter();
  const spec = svc.spec;
  w.write(0, `Name:\t${svc.metadata.name}\n`);
  w.write(0, `Namespace:\t${svc.metadata.namespace}\n`);
  printLabelsMultiline(w, 'Labels', svc.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', svc.metadata.annotations);
  w.write(0, `Selector:\t${formatLabels(spec.selector)}\n`);
  w.write(0, `Type:\t${spec.type ?? 'ClusterIP'}\n`);
  if (spec.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  w.write(0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}\n`);
  w.write(0, `IP:\t${spec.clusterIP ?? ''}\n`);
  w.write(0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>'}\n`);
  if (spec.externalIPs?.length) w.write(0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
  const ext = spec as { externalName?: string; loadBalancerIP?: string };
  if (ext.loadBalancerIP) w.write(0, `Desired LoadBalancer IP:\t${ext.loadBalancerIP}\n`);
  if (ext.externalName) w.write(0, `External Name:\t${ext.externalName}\n`);
  const ingress = (svc.status?.loadBalancer as { ingress?: { ip?: string; hostname?: string }[] } | undefined)?.ingress ?? [];
  if (ingress.length) w.write(0, `LoadBalancer Ingress:\t${ingress.map((i) => i.ip || i.hostname || '').join(', ')}\n`);
  for (const p of spec.ports ?? []) {
    const name = p.name || '<unset>';
    const proto = p.protocol ?? 'TCP';
    w.write(0, `Port:\t${name}\t${p.port}/${proto}\n`);
    w.write(0, `TargetPort:\t${p.targetPort ?? p.port}/${proto}\n`);
    if (p.nodePort) w.write(0, `NodePort:\t${name}\t${p.nodePort}/${proto}\n`);
    w.write(0, `Endpoints:\t${formatEndpointSlices(slices, p.name ?? '')}\n`);
  }
  w.write(0, `Session Affinity:\t${spec.sessionAffinity ?? 'None'}\n`);
  if (spec.externalTrafficPolicy) w.write(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (spec.internalTrafficPolicy) w.write(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  return finish(w, events, now);
}

/** describeEndpoints returns `kubectl describe endpoints`: each subset's addresses and ports. */
export function describeEndpoints(ep: Endpoints, events: readonly Event[] | undefined, now: number): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${ep.metadata.name}\n`);
  w.write(0, `Namespace:\t${ep.metadata.namespace}\n`);
  printLabelsMultiline(w, 'Labels', ep.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', ep.metadata.annotations);
  w.write(0, 'Subsets:\n');
  for (const ss of ep.subsets ?? []) {
    w.write(1, `Addresses:\t${(ss.addresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
    w.write(1, `NotReadyAddresses:\t${(ss.notReadyAddresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
    if (ss.ports?.length) {
      w.write(1, 'Ports:\n');
      w.write(2, 'Name\tPort\tProtocol\n');
      w.write(2, '----\t----\t--------\n');
      for (const port of ss.ports) w.write(2, `${port.name || '<unset>'}\t${port.port}\t${port.protocol ?? 'TCP'}\n`);
    }
    w.write(0, '\n');
  }
  return finish(w, events, now);
}

/** describeEndpointSlice returns `kubectl describe endpointslice`. */
export function describeEndpointSlice(eps: EndpointSlice, events: readonly Event[] | undefined, now: number): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${eps.metadata.name}\n`);
  w.write(0, `Namespace:\t${eps.metadata.namespace}\n`);
  printLabelsMultiline(w, 'Labels', eps.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', eps.metadata.annotations);
  w.write(0, `AddressType:\t${eps.addressType}\n`);
  if (!eps.ports?.length) w.write(0, 'Ports: <unset>\n');
  else {
    w.write(0, 'Ports:\n');
    w.write(1, 'Name\tPort\tProtocol\n');
    w.write(1, '----\t----\t--------\n');
    for (const p of eps.ports) w.write(1, `${p.name || '<unset>'}\t${p.port ?? '<unset>'}\t${p.protocol ?? 'TCP'}\n`);
  }
  if (!eps.endpoints?.length) w.write(0, 'Endpoints: <none>\n');
  else {
    w.write(0, 'Endpoints:\n');
    for (const e of eps.endpoints) {
      w.write(1, `- Addresses:\t${e.addresses.join(', ') || '<none>'}\n`);
      w.write(2, 'Conditions:\n');
      w.write(3, `Ready:\t${e.conditions?.ready === undefined ? '<unset>' : String(e.conditions.ready)}\n`);
      w.write(2, `Hostname:\t${(e as { hostname?: string }).hostname ?? '<unset>'}\n`);
      if (e.targetRef) w.write(2, `TargetRef:\t${e.targetRef.kind}/${e.targetRef.name}\n`);
      w.write(2, `NodeName:\t${e.nodeName ?? '<unset>'}\n`);
      w.write(2, `Zone:\t${(e as { zone?: string }).zone ?? '<unset>'}\n`);
    }
  }
  return finish(w, events, now);
}
