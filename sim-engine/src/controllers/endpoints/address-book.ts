/**
 * AddressBook is the Endpoints controller's view of one Service's pods: an entry per pod that
 * may carry traffic, kept in the order Endpoints list addresses (by IP, then pod uid) as pods
 * change, so a sync walks a ready-made list instead of sorting the Service's pods again. Entry
 * addresses are frozen and reused while the pod's address fields stay the same, so an
 * unchanged address is the very object already stored and compares by identity.
 */
import type { EndpointAddress } from '../../api/endpoints.ts';
import type { Pod } from '../../api/pod.ts';
import type { Service } from '../../api/service.ts';
import { freezeOwned } from '../../util/stored.ts';
import { isPodReady, podRef, resolveTargetPort, shouldPodBeInEndpoints } from './pods.ts';

/** AddressEntry is one pod as the Endpoints controller lists it. */
export interface AddressEntry {
  name: string;
  addr: EndpointAddress;
  ready: boolean;
  /** The port each of the Service's ports reaches on this pod (undefined: a named port it lacks). */
  ports: (number | undefined)[];
  /** `ports` as text, to count the pods that agree on them. */
  portsKey: string;
}

/** AddressBook keeps a Service's address entries in address order. */
export class AddressBook {
  private readonly entries: AddressEntry[] = [];
  private readonly byName = new Map<string, AddressEntry>();
  private readonly portsKeys = new Map<string, number>();

  /** sorted lists the entries by IP, then pod uid. */
  get sorted(): readonly AddressEntry[] {
    return this.entries;
  }

  /** commonPorts is the ports every entry reaches, when they all agree (undefined when they don't, or there are none). */
  get commonPorts(): readonly (number | undefined)[] | undefined {
    return this.portsKeys.size === 1 ? this.entries[0]!.ports : undefined;
  }

  /** update recomputes one pod's entry (`pod` undefined: no longer selected). */
  update(svc: Service, name: string, pod: Pod | undefined): void {
    const previous = this.byName.get(name);
    const next = pod && shouldPodBeInEndpoints(pod, false) ? entryFor(svc, pod, previous) : undefined;
    const at = previous ? this.indexOf(previous) : -1;
    // Most changes are a pod turning ready: same address, same place in the list.
    if (next && previous && next.addr === previous.addr && next.portsKey === previous.portsKey && at >= 0) {
      this.entries[at] = next;
      this.byName.set(name, next);
      return;
    }
    if (at >= 0) this.entries.splice(at, 1);
    if (previous) count(this.portsKeys, previous.portsKey, -1);
    if (!next) {
      this.byName.delete(name);
      return;
    }
    count(this.portsKeys, next.portsKey, 1);
    this.byName.set(name, next);
    this.entries.splice(this.insertionPoint(next.addr), 0, next);
  }

  private indexOf(entry: AddressEntry): number {
    const i = this.insertionPoint(entry.addr);
    // Equal keys (two versions of one address) sit together: step to the very entry.
    for (let j = i; j < this.entries.length; j++) if (this.entries[j] === entry) return j;
    for (let j = i - 1; j >= 0; j--) if (this.entries[j] === entry) return j;
    return -1;
  }

  private insertionPoint(addr: EndpointAddress): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareAddress(this.entries[mid]!.addr, addr) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function entryFor(svc: Service, pod: Pod, previous: AddressEntry | undefined): AddressEntry {
  const ip = pod.status!.podIP!;
  const nodeName = pod.spec.nodeName;
  const uid = pod.metadata.uid;
  const old = previous?.addr;
  const addr =
    old && old.ip === ip && old.nodeName === nodeName && old.targetRef?.uid === uid
      ? old
      : freezeOwned<EndpointAddress>({ ip, ...(nodeName ? { nodeName } : {}), targetRef: podRef(pod) });
  const ports = (svc.spec.ports ?? []).map((sp) => resolveTargetPort(pod, sp));
  return { name: pod.metadata.name!, addr, ready: isPodReady(pod), ports, portsKey: ports.join(',') };
}

function count(counts: Map<string, number>, key: string, by: number): void {
  const n = (counts.get(key) ?? 0) + by;
  if (n > 0) counts.set(key, n);
  else counts.delete(key);
}

/** compareAddress orders addresses as endpoints.RepackSubsets does: by IP (byte order), then pod uid. */
export function compareAddress(a: EndpointAddress, b: EndpointAddress): number {
  if (a.ip !== b.ip) return a.ip < b.ip ? -1 : 1;
  const ua = a.targetRef?.uid ?? '';
  const ub = b.targetRef?.uid ?? '';
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}
