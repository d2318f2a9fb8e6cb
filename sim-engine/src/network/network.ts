/**
 * Network answers what a connection from a pod reaches, for the tools run inside containers
 * (wget, curl, nslookup, nc): names go through the pod's resolver and cluster DNS; a Service's
 * ClusterIP (or a NodePort on any node) goes to one of its ready endpoints, chosen round-robin
 * per Service so load balancing shows; a pod IP goes to the pod; localhost stays inside the
 * pod, whose containers share one IP. A port nobody listens on refuses the connection, an
 * address nobody has times out. Served requests land in the serving container's log.
 * The round-robin positions are plain data, kept in snapshots.
 */
import type { Node } from '../api/node.ts';
import type { Pod } from '../api/pod.ts';
import type { Service } from '../api/service.ts';
import type { ApiServer } from '../apiserver/apiserver.ts';
import type { Clock, Timer } from '../clock.ts';
import type { Component } from '../component.ts';
import type { Kubelet } from '../kubelet/kubelet.ts';
import { CLUSTER_DNS_IP, candidates, dnsFailure, externalNameOf, isIPv4, lookup, readyEndpoints, resolvConf, type DnsAnswer } from './dns.ts';
import { listenersOf, type HttpResponse, type Listener } from './servers.ts';

/** Client is where a connection starts: a pod, or a node (its host network) by name. */
export type Client = Pod | { node: string };

/** RequestOptions shape the HTTP request a tool sends. */
export interface RequestOptions {
  method?: 'GET' | 'HEAD';
  /** User-Agent: busybox wget sends `Wget`, curl `curl/<version>`. */
  userAgent?: string;
}

/** Target is what accepted a connection: a container of a pod on some IP:port, and the Service it came through. */
export interface Target {
  ok: true;
  ip: string;
  port: number;
  pod: { namespace: string; name: string; uid: string; node: string };
  container: string;
  service?: { namespace: string; name: string };
}

/** NetError says why a connection or request failed. */
export interface NetError {
  ok: false;
  /** nxdomain: the name doesn't resolve; timeout: no host (or no DNS server) answers; refused: nothing listens; reset: not an HTTP server; bad-url: unparsable. */
  error: 'nxdomain' | 'timeout' | 'refused' | 'reset' | 'bad-url';
  host: string;
  ip?: string;
  port?: number;
  /** What a non-HTTP server sent before closing (for `reset`). */
  raw?: string;
}

/** HttpResult is an HTTP response and who sent it. */
export interface HttpResult extends HttpResponse {
  ok: true;
  target: Target;
}

/** NetworkState is the network's plain-data state: round-robin positions and ClientIP affinities. */
interface NetworkState {
  rr: Record<string, number>;
  affinity: Record<string, string>;
}

/** NetworkDeps is what the network reads: the API (pods, services, endpoints) and the kubelets (running containers, logs). */
export interface NetworkDeps {
  api: ApiServer;
  clock: Clock;
  kubelet(node: string): Kubelet | undefined;
}

/** Network is the cluster's pod network and kube-proxy. */
export class Network implements Component {
  readonly name = 'network';
  private state: NetworkState = { rr: {}, affinity: {} };
  private readonly deps: NetworkDeps;

  constructor(deps: NetworkDeps) {
    this.deps = deps;
  }

  processQueue(): boolean {
    return false;
  }

  onTimer(_action: Timer['action']): void {}

  snapshot(): unknown {
    return { rr: { ...this.state.rr }, affinity: { ...this.state.affinity } };
  }

  restore(s: unknown): void {
    const snap = s as NetworkState;
    this.state = { rr: { ...snap.rr }, affinity: { ...snap.affinity } };
  }

  /** resolve looks a name up the way a process in `from` would (its /etc/hosts, then DNS with its search path). */
  resolve(from: Client, name: string): DnsAnswer {
    const pod = isPod(from) ? from : undefined;
    const conf = resolvConf(pod);
    const bare = name.replace(/\.$/, '');
    if (isIPv4(bare)) return { ok: true, server: conf.nameserver, name: bare, addresses: [bare] };
    if (bare === 'localhost') return { ok: true, server: conf.nameserver, name: bare, addresses: ['127.0.0.1'] };
    if (pod && bare === hostnameOf(pod) && pod.status?.podIP) return { ok: true, server: conf.nameserver, name: bare, addresses: [pod.status.podIP] };
    const tried = candidates(name, conf);
    if (conf.nameserver !== CLUSTER_DNS_IP) return dnsFailure('nxdomain', conf.nameserver, bare, tried);
    if (!this.dnsAnswers()) return dnsFailure('timeout', conf.nameserver, bare, tried);
    for (const fqdn of tried) {
      // CoreDNS answers an ExternalName Service with a CNAME and chases it; only in-cluster targets resolve here.
      const cname = externalNameOf(this.deps.api, fqdn);
      if (cname !== undefined) return { ok: true, server: conf.nameserver, name: fqdn, cname, addresses: lookup(this.deps.api, cname) ?? [] };
      const addresses = lookup(this.deps.api, fqdn);
      if (addresses) return { ok: true, server: conf.nameserver, name: fqdn, addresses };
    }
    return dnsFailure('nxdomain', conf.nameserver, bare, tried);
  }

  /**
   * echoReply tells whether an ICMP echo from `from` to `ip` is answered: loopback, running pods
   * and nodes answer; a Service's virtual IP does not (kube-proxy's rules match TCP/UDP ports
   * only, so nothing owns the address), nor does an unused one. `sameNode` says the reply never
   * left the node.
   */
  echoReply(from: Client, ip: string): { ok: boolean; sameNode: boolean } {
    if (ip.startsWith('127.')) return { ok: true, sameNode: true };
    const pod = this.podWithIP(ip);
    const node = pod?.spec.nodeName ?? this.nodeWithIP(ip)?.metadata.name;
    return { ok: node !== undefined, sameNode: node === nodeOf(from) };
  }

  /** connect opens a TCP connection from `from` to host:port and says which container accepted it. */
  connect(from: Client, host: string, port: number): Target | NetError {
    const answer = this.resolve(from, host);
    if (!answer.ok) return { ok: false, error: answer.error, host, port };
    if (answer.addresses.length === 0) return { ok: false, error: 'nxdomain', host, port };
    const ip = answer.addresses[0]!;
    const fail = (error: NetError['error']): NetError => ({ ok: false, error, host, ip, port });
    if (ip.startsWith('127.')) {
      const local = isPod(from) && !from.spec.hostNetwork ? from : undefined;
      if (local) return this.deliver(local, ip, port) ?? fail('refused');
      return this.onHost(nodeOf(from), ip, port) ?? fail('refused');
    }
    const svc = this.deps.api.list<Service>('Service').find((s) => s.spec.clusterIP === ip && ip !== 'None');
    if (svc) {
      const sp = svc.spec.ports?.find((p) => p.port === port && (p.protocol ?? 'TCP') === 'TCP');
      // No rule for that port: the virtual IP answers nothing.
      if (!sp) return fail('timeout');
      return this.viaService(from, svc, sp.name ?? '', host, port);
    }
    if (this.nodeWithIP(ip)) {
      const np = this.deps.api.list<Service>('Service').flatMap((s) => (s.spec.ports ?? []).filter((p) => p.nodePort === port).map((p) => ({ s, p })))[0];
      if (np) return this.viaService(from, np.s, np.p.name ?? '', host, port);
    }
    const target = this.direct(ip, port);
    return target.ok ? target : fail(target.error);
  }

  /** request sends an HTTP request from `from` to a URL (`http://web`, `web.dev:8080/path`, `10.244.1.3`). */
  request(from: Client, url: string, opts: RequestOptions = {}): HttpResult | NetError {
    const m = /^(?:(https?):\/\/)?([^/:?#\s]+)(?::(\d+))?([/?][^#\s]*)?$/i.exec(url.trim());
    if (!m) return { ok: false, error: 'bad-url', host: url };
    const scheme = (m[1]?.toLowerCase() ?? 'http') as 'http' | 'https';
    const host = m[2]!;
    const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
    const path = !m[4] ? '/' : m[4].startsWith('?') ? `/${m[4]}` : m[4];
    const target = this.connect(from, host, port);
    if (!target.ok) return target;
    const kubelet = this.deps.kubelet(target.pod.node);
    const pod = this.deps.api.tryGet<Pod>('Pod', target.pod.namespace, target.pod.name);
    const listener = this.listener(pod, target.container, target.port);
    if (!pod || !listener) return { ok: false, error: 'refused', host, ip: target.ip, port };
    const served = listener.serve({
      method: opts.method ?? 'GET',
      path,
      host,
      scheme,
      userAgent: opts.userAgent ?? 'Wget',
      clientIP: this.clientIP(from, target),
      hostname: hostnameOf(pod),
      now: this.deps.clock.now(),
    });
    if (served.log) kubelet?.appendLog(target.pod.uid, target.container, served.log);
    if (!served.response) return { ok: false, error: 'reset', host, ip: target.ip, port, ...(served.raw ? { raw: served.raw } : {}) };
    return { ok: true, ...served.response, target };
  }

  /** viaService is kube-proxy: a ready endpoint, round-robin per Service (or sticky per client with ClientIP affinity). */
  private viaService(from: Client, svc: Service, portName: string, host: string, port: number): Target | NetError {
    const key = `${svc.metadata.namespace}/${svc.metadata.name}`;
    const ready = readyEndpoints(this.deps.api, svc).filter((e) => e.ports[portName] !== undefined);
    // kube-proxy rejects connections to a Service without endpoints.
    if (ready.length === 0) return { ok: false, error: 'refused', host, ip: svc.spec.clusterIP, port };
    const client = isPod(from) ? (from.status?.podIP ?? '') : from.node;
    const sticky = svc.spec.sessionAffinity === 'ClientIP' ? `${key}|${client}` : undefined;
    let chosen = sticky ? ready.find((e) => e.ip === this.state.affinity[sticky]) : undefined;
    if (!chosen) {
      const n = this.state.rr[key] ?? 0;
      chosen = ready[n % ready.length]!;
      this.state.rr[key] = n + 1;
      if (sticky) this.state.affinity[sticky] = chosen.ip;
    }
    const targetPort = chosen.ports[portName]!;
    const target = this.direct(chosen.ip, targetPort);
    if (!target.ok) return { ...target, host };
    return { ...target, service: { namespace: svc.metadata.namespace!, name: svc.metadata.name! } };
  }

  /** direct delivers to an endpoint address as is: a pod's, or a node's (its host-network pods). */
  private direct(ip: string, port: number): Target | NetError {
    const node = this.nodeWithIP(ip);
    const target = node ? this.onHost(node.metadata.name!, ip, port) : this.podAt(ip, port);
    if (target) return target;
    return { ok: false, error: node || this.podWithIP(ip) ? 'refused' : 'timeout', host: ip, ip, port };
  }

  private podAt(ip: string, port: number): Target | undefined {
    const pod = this.podWithIP(ip);
    return pod && this.deliver(pod, ip, port);
  }

  private nodeWithIP(ip: string): Node | undefined {
    return this.deps.api.list<Node>('Node').find((n) => n.status?.addresses?.some((a) => a.type === 'InternalIP' && a.address === ip));
  }

  /** deliver hands a connection to the pod container listening on the port, if one is. */
  private deliver(pod: Pod, ip: string, port: number): Target | undefined {
    for (const c of pod.spec.containers) {
      if (this.listener(pod, c.name, port)) {
        return { ok: true, ip, port, pod: { namespace: pod.metadata.namespace!, name: pod.metadata.name!, uid: pod.metadata.uid!, node: pod.spec.nodeName! }, container: c.name };
      }
    }
    return undefined;
  }

  /** onHost finds a host-network pod on the node listening on the port (the API server on 6443, for one). */
  private onHost(node: string, ip: string, port: number): Target | undefined {
    const pods = this.deps.api.list<Pod>('Pod').filter((p) => p.spec.nodeName === node && p.spec.hostNetwork);
    for (const p of pods) {
      const t = this.deliver(p, ip, port);
      if (t) return t;
    }
    return undefined;
  }

  /** listener is the running container's server on the port, as its kubelet knows it (a stopped node's containers still run). */
  private listener(pod: Pod | undefined, container: string, port: number): Listener | undefined {
    if (!pod?.spec.nodeName) return undefined;
    const rt = this.deps.kubelet(pod.spec.nodeName)?.runtime(pod.metadata.uid!);
    const c = rt?.containers.find((x) => x.name === container);
    const spec = pod.spec.containers.find((x) => x.name === container);
    if (!c || !spec || c.state !== 'running' || rt?.terminating) return undefined;
    return listenersOf(c.image, spec.command).find((l) => l.port === port);
  }

  private podWithIP(ip: string): Pod | undefined {
    return this.deps.api
      .list<Pod>('Pod')
      .find((p) => p.status?.podIP === ip && !p.spec.hostNetwork && p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed' && !!p.spec.nodeName && !!this.deps.kubelet(p.spec.nodeName)?.runtime(p.metadata.uid!));
  }

  /** clientIP is the source address the server sees: the pod's own IP (containers share it), or the node's. */
  private clientIP(from: Client, target: Target): string {
    if (isPod(from)) return target.ip.startsWith('127.') ? '127.0.0.1' : (from.status?.podIP ?? '');
    const node = this.deps.api.tryGet<Node>('Node', '', from.node);
    return node?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
  }

  /** dnsAnswers tells whether cluster DNS is up: no kube-dns Service (a cluster without one) counts as up, one without ready endpoints as down. */
  private dnsAnswers(): boolean {
    const svc = this.deps.api.list<Service>('Service', 'kube-system').find((s) => s.spec.clusterIP === CLUSTER_DNS_IP);
    return !svc || readyEndpoints(this.deps.api, svc).length > 0;
  }
}

function isPod(c: Client): c is Pod {
  return (c as Pod).kind === 'Pod';
}

function nodeOf(c: Client): string {
  return isPod(c) ? (c.spec.nodeName ?? '') : c.node;
}

/** hostnameOf is what `hostname` prints in a pod: spec.hostname, else the pod's name (the node's on the host network). */
export function hostnameOf(pod: Pod): string {
  if (pod.spec.hostNetwork) return pod.spec.nodeName ?? pod.metadata.name!;
  return pod.spec.hostname ?? pod.metadata.name!;
}
