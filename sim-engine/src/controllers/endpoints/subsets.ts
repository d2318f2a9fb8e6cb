/**
 * The subsets of an Endpoints object: endpoints.RepackSubsets over a Service's address entries,
 * then the controller's cap of 1,000 addresses (truncateEndpoints), which marks the object with
 * the over-capacity annotation. EndpointSlices, a hundred endpoints each, are what scale.
 */
import type { EndpointAddress, Endpoints } from '../../api/endpoints.ts';
import type { Service, ServicePort } from '../../api/service.ts';
import { compareAddress, type AddressEntry } from './address-book.ts';

/** Subset is one `subsets[]` entry: addresses that offer the same ports. */
export type Subset = NonNullable<Endpoints['subsets']>[number];
type EndpointPort = NonNullable<Subset['ports']>[number];

/** MAX_CAPACITY is how many addresses one Endpoints object lists at most. */
export const MAX_CAPACITY = 1000;
/** OVER_CAPACITY_ANNOTATION marks an Endpoints object whose addresses were cut to MAX_CAPACITY. */
export const OVER_CAPACITY_ANNOTATION = 'endpoints.kubernetes.io/over-capacity';

/**
 * desiredSubsets is every (pod, resolvable Service port) pair, regrouped so that ports offered by
 * the same set of addresses share a subset; `entries` come in address order, so every group does.
 * `commonPorts`, when given, are the ports every entry reaches (AddressBook.commonPorts).
 */
export function desiredSubsets(svc: Service, entries: readonly AddressEntry[], commonPorts?: readonly (number | undefined)[]): Subset[] {
  const servicePorts = svc.spec.ports ?? [];
  // Most Services have one port that reaches the same port on every pod: one group of them all.
  if (servicePorts.length === 1 && commonPorts?.[0] !== undefined) return [subsetOf(servicePorts[0]!, commonPorts[0], entries)];
  // Per Service port, the groups of entries by the port number it reaches on them (a named
  // targetPort may resolve differently from pod to pod). No two Service ports share a name.
  const byPort = servicePorts.map(() => new Map<number, { port: EndpointPort; members: AddressEntry[] }>());
  for (const entry of entries) {
    for (let j = 0; j < servicePorts.length; j++) {
      const port = entry.ports[j];
      if (port === undefined) continue;
      let group = byPort[j]!.get(port);
      if (!group) byPort[j]!.set(port, (group = { port: endpointPort(servicePorts[j]!, port), members: [] }));
      group.members.push(entry);
    }
  }
  // Ports whose groups hold the very same entries share a subset.
  const subsets: { ports: EndpointPort[]; members: readonly AddressEntry[] }[] = [];
  for (const { port, members } of byPort.flatMap((groups) => [...groups.values()])) {
    const same = subsets.find((s) => sameMembers(s.members, members));
    if (same) same.ports.push(port);
    else subsets.push({ ports: [port], members });
  }
  return subsets
    .map(({ ports, members }) => {
      ports.sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '') || a.port - b.port);
      return split(members, ports);
    })
    .sort((a, b) => compareAddress(firstAddress(a), firstAddress(b)));
}

function subsetOf(sp: ServicePort, port: number, members: readonly AddressEntry[]): Subset {
  return split(members, [endpointPort(sp, port)]);
}

/** split lists the members under `addresses` when ready and `notReadyAddresses` when not. */
function split(members: readonly AddressEntry[], ports: EndpointPort[]): Subset {
  const addresses: EndpointAddress[] = [];
  const notReadyAddresses: EndpointAddress[] = [];
  for (const m of members) (m.ready ? addresses : notReadyAddresses).push(m.addr);
  return { ...(addresses.length ? { addresses } : {}), ...(notReadyAddresses.length ? { notReadyAddresses } : {}), ports };
}

function endpointPort(sp: ServicePort, port: number): EndpointPort {
  return { ...(sp.name ? { name: sp.name } : {}), port, protocol: sp.protocol ?? 'TCP' };
}

/**
 * truncateSubsets is truncateEndpoints: past MAX_CAPACITY addresses, each subset keeps its share
 * (rounded up) of the room, ready addresses first; it returns undefined when nothing is cut.
 */
export function truncateSubsets(subsets: Subset[]): Subset[] | undefined {
  let totalReady = 0;
  let totalNotReady = 0;
  for (const s of subsets) {
    totalReady += s.addresses?.length ?? 0;
    totalNotReady += s.notReadyAddresses?.length ?? 0;
  }
  if (totalReady + totalNotReady <= MAX_CAPACITY) return undefined;
  const truncateReady = totalReady > MAX_CAPACITY;
  const max = truncateReady ? MAX_CAPACITY : MAX_CAPACITY - totalReady;
  const total = truncateReady ? totalReady : totalNotReady;
  let room = max;
  return subsets.map((s) => {
    const inSubset = (truncateReady ? s.addresses?.length : s.notReadyAddresses?.length) ?? 0;
    const share = Math.min(Math.ceil((inSubset / total) * max), room);
    if (truncateReady) {
      const addresses = (s.addresses ?? []).slice(0, share);
      room -= addresses.length;
      return { ...(addresses.length ? { addresses } : {}), ports: s.ports };
    }
    const notReadyAddresses = (s.notReadyAddresses ?? []).slice(0, share);
    room -= notReadyAddresses.length;
    return { ...(s.addresses ? { addresses: s.addresses } : {}), ...(notReadyAddresses.length ? { notReadyAddresses } : {}), ports: s.ports };
  });
}

function sameMembers(a: readonly AddressEntry[], b: readonly AddressEntry[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function firstAddress(s: Subset): EndpointAddress {
  return s.addresses?.[0] ?? s.notReadyAddresses?.[0] ?? { ip: '' };
}
