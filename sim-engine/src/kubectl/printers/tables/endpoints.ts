/** The endpoints and endpointslices tables, with formatEndpoints' and listWithMoreString's `+ n more...` rules. */
import type { EndpointSlice, Endpoints } from '../../../api/endpoints.ts';
import { age } from './pod.ts';
import type { TableDef } from './table.ts';

const MAX = 3;

/** formatEndpoints is the ENDPOINTS cell of an Endpoints object: `ip:port` of ready addresses, at most three. */
export function formatEndpoints(ep: Endpoints, portNames?: ReadonlySet<string>): string {
  if (!ep.subsets?.length) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ss of ep.subsets) {
    const addresses = ss.addresses ?? [];
    if (!ss.ports?.length) {
      // Headless services may have no ports: then only the IPs are listed.
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === MAX) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      continue;
    }
    for (const port of ss.ports) {
      if (portNames && !portNames.has(port.name ?? '')) continue;
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === MAX) {
          more = true;
          break;
        }
        list.push(joinHostPort(a.ip, port.port));
      }
    }
  }
  const joined = list.join(',');
  return more ? `${joined} + ${count - MAX} more...` : joined;
}

/** joinHostPort is net.JoinHostPort: IPv6 addresses go in brackets. */
export function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** listWithMore joins up to three items and counts the rest; an empty list is `<unset>`. */
export function listWithMore(items: readonly string[]): string {
  const joined = items.slice(0, MAX).join(',');
  if (items.length > MAX) return `${joined} + ${items.length - MAX} more...`;
  return joined === '' ? '<unset>' : joined;
}

/** endpointsTable is `kubectl get endpoints`. */
export const endpointsTable: TableDef<Endpoints> = {
  columns: [{ name: 'NAME' }, { name: 'ENDPOINTS' }, { name: 'AGE' }],
  row(ep, now) {
    return [ep.metadata.name!, formatEndpoints(ep), age(ep.metadata.creationTimestamp, now)];
  },
};

/** endpointSliceTable is `kubectl get endpointslices`: ports (number, else name, else `*`) and every address. */
export const endpointSliceTable: TableDef<EndpointSlice> = {
  columns: [{ name: 'NAME' }, { name: 'ADDRESSTYPE' }, { name: 'PORTS' }, { name: 'ENDPOINTS' }, { name: 'AGE' }],
  row(slice, now) {
    const ports = (slice.ports ?? []).map((p) => (p.port !== undefined && p.port !== null ? String(p.port) : (p.name ?? '*')));
    const addresses = (slice.endpoints ?? []).flatMap((e) => e.addresses ?? []);
    return [slice.metadata.name!, slice.addressType, listWithMore(ports), listWithMore(addresses), age(slice.metadata.creationTimestamp, now)];
  },
};
