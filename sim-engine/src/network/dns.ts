/**
 * Cluster DNS as CoreDNS (kubeadm's Corefile: `kubernetes cluster.local`, `pods insecure`)
 * answers it, and the resolver a pod runs it through: /etc/resolv.conf with the namespace's
 * search path and `ndots:5`, so a short name is tried with each search domain before as is.
 */
import type { EndpointSlice, Endpoints } from '../api/endpoints.ts';
import type { Pod } from '../api/pod.ts';
import type { Service } from '../api/service.ts';
import type { ApiServer } from '../apiserver/apiserver.ts';

/** CLUSTER_DOMAIN is the cluster's DNS domain. */
export const CLUSTER_DOMAIN = 'cluster.local';
/** CLUSTER_DNS_IP is the kube-dns Service's ClusterIP, every ClusterFirst pod's nameserver. */
export const CLUSTER_DNS_IP = '10.96.0.10';
/** NODE_DNS_IP is what a node (and a pod on the host network) resolves through: the docker network's resolver. */
export const NODE_DNS_IP = '172.18.0.1';

const NDOTS = 5;

/** ResolvConf is a pod's /etc/resolv.conf. */
export interface ResolvConf {
  search: string[];
  nameserver: string;
  ndots: number;
}

/**
 * DnsAnswer is what a lookup finds: the name that answered and its addresses, or why nothing
 * did, with busybox nslookup's wording of the failure (one `** server can't find` paragraph
 * per name it tried).
 */
export type DnsAnswer =
  /** An ExternalName Service answers with `cname`, its externalName; `addresses` are the target's, empty when the sandbox cannot resolve it (it has no upstream DNS). */
  | { ok: true; server: string; name: string; addresses: string[]; cname?: string }
  | { ok: false; error: 'nxdomain' | 'timeout'; server: string; name: string; tried: string[]; message: string };

/** dnsFailure builds a failed answer with busybox's wording. */
export function dnsFailure(error: 'nxdomain' | 'timeout', server: string, name: string, tried: string[]): DnsAnswer {
  const message = error === 'timeout' ? ';; connection timed out; no servers could be reached' : tried.map((t) => `** server can't find ${t}: NXDOMAIN`).join('\n\n');
  return { ok: false, error, server, name, tried, message };
}

/** resolvConf is the resolver configuration the kubelet writes for a pod (dnsPolicy ClusterFirst unless it says otherwise). */
export function resolvConf(pod: Pod | undefined): ResolvConf {
  const policy = pod?.spec.dnsPolicy ?? 'ClusterFirst';
  const clusterFirst = pod && (policy === 'ClusterFirstWithHostNet' || (policy === 'ClusterFirst' && !pod.spec.hostNetwork));
  if (!clusterFirst) return { search: [], nameserver: NODE_DNS_IP, ndots: 1 };
  const ns = pod.metadata.namespace ?? 'default';
  return { search: [`${ns}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN], nameserver: CLUSTER_DNS_IP, ndots: NDOTS };
}

/** resolvConfText renders /etc/resolv.conf as the kubelet writes it. */
export function resolvConfText(conf: ResolvConf): string {
  const search = conf.search.length ? `search ${conf.search.join(' ')}\n` : '';
  return `${search}nameserver ${conf.nameserver}\noptions ndots:${conf.ndots}\n`;
}

/** candidates are the names the resolver asks for, in order (search domains first when the name has fewer than ndots dots). */
export function candidates(name: string, conf: ResolvConf): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const searched = conf.search.map((d) => `${name}.${d}`);
  const dots = name.split('.').length - 1;
  return dots >= conf.ndots ? [name, ...searched] : [...searched, name];
}

/** lookup asks cluster DNS for A records of a fully qualified name. */
export function lookup(api: ApiServer, fqdn: string): string[] | undefined {
  const name = fqdn.toLowerCase().replace(/\.$/, '');
  const labels = name.split('.');
  const svcZone = `.svc.${CLUSTER_DOMAIN}`;
  if (name.endsWith(svcZone) && labels.length === 5) {
    const [svcName, namespace] = labels as [string, string];
    const svc = api.tryGet<Service>('Service', namespace, svcName);
    if (!svc || svc.spec.type === 'ExternalName') return undefined;
    if (svc.spec.clusterIP && svc.spec.clusterIP !== 'None') return [svc.spec.clusterIP];
    // Headless: the ready pods themselves.
    const ips = readyEndpoints(api, svc).map((e) => e.ip);
    return ips.length ? [...new Set(ips)].sort() : undefined;
  }
  if (name.endsWith(`.pod.${CLUSTER_DOMAIN}`) && labels.length === 5) {
    // `pods insecure`: any dashed address answers with itself.
    const ip = labels[0]!.replaceAll('-', '.');
    return isIPv4(ip) ? [ip] : undefined;
  }
  return undefined;
}

/** externalNameOf is the CNAME cluster DNS answers for an ExternalName Service's name, if `fqdn` names one. */
export function externalNameOf(api: ApiServer, fqdn: string): string | undefined {
  const labels = fqdn.toLowerCase().replace(/\.$/, '').split('.');
  if (labels.length !== 5 || labels.slice(2).join('.') !== `svc.${CLUSTER_DOMAIN}`) return undefined;
  const svc = api.tryGet<Service>('Service', labels[1]!, labels[0]!);
  return svc?.spec.type === 'ExternalName' && svc.spec.externalName ? svc.spec.externalName.replace(/\.$/, '') : undefined;
}

/** ReadyEndpoint is one address:port kube-proxy may send a Service's traffic to. */
export interface ReadyEndpoint {
  ip: string;
  /** The endpoint port per Service port name. */
  ports: Record<string, number>;
}

/**
 * readyEndpoints is kube-proxy's view of a Service: the ready endpoints of its
 * EndpointSlices, or of its Endpoints object when it has no slices (hand-written endpoints
 * of a selectorless Service), ordered by address.
 */
export function readyEndpoints(api: ApiServer, svc: Service): ReadyEndpoint[] {
  const ns = svc.metadata.namespace;
  const slices = api.list<EndpointSlice>('EndpointSlice', ns).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name);
  const out: ReadyEndpoint[] = [];
  if (slices.length) {
    for (const s of slices) {
      const ports = Object.fromEntries((s.ports ?? []).filter((p) => p.port !== undefined).map((p) => [p.name ?? '', p.port!]));
      for (const e of s.endpoints ?? []) if (e.conditions.ready !== false) for (const ip of e.addresses) out.push({ ip, ports });
    }
  } else {
    const ep = api.tryGet<Endpoints>('Endpoints', ns ?? '', svc.metadata.name!);
    for (const ss of ep?.subsets ?? []) {
      const ports = Object.fromEntries((ss.ports ?? []).map((p) => [p.name ?? '', p.port]));
      for (const a of ss.addresses ?? []) out.push({ ip: a.ip, ports });
    }
  }
  return out.sort((a, b) => compareIP(a.ip, b.ip));
}

/** isIPv4 tells whether a string is a dotted-quad address. */
export function isIPv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

function compareIP(a: string, b: string): number {
  const n = (s: string) => s.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
  return n(a) - n(b);
}
