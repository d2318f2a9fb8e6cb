/**
 * A container as `kubectl exec` sees it: its filesystem (the image's files plus what the
 * kubelet mounts: /etc/hosts, /etc/hostname, /etc/resolv.conf and the service account token),
 * its environment (image ENV, the pod spec's env, Service links, HOSTNAME and HOME) and where
 * it starts.
 */
import type { Node } from '../../../api/node.ts';
import type { Container, Pod } from '../../../api/pod.ts';
import type { Service } from '../../../api/service.ts';
import type { Cluster } from '../../../cluster.ts';
import { parseImage } from '../../../kubelet/images.ts';
import { imageProfile, type ImageProfile } from './image-files.ts';

/** ContainerView is everything a command run in the container can see. */
export interface ContainerView {
  pod: Pod;
  container: Container;
  profile: ImageProfile;
  hostname: string;
  env: [string, string][];
  files: Map<string, string>;
  dirs: Set<string>;
  cwd: string;
  /** The node's kernel, for uname. */
  kernel: string;
}

const SA_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

/** envName is makeEnvVariableName: upper case, `-` becomes `_`. */
export function envName(s: string): string {
  return s.toUpperCase().replaceAll('-', '_');
}

/** serviceEnv is the kubelet's Service links for one Service: `<SVC>_SERVICE_HOST`, `<SVC>_PORT_80_TCP` and friends. */
export function serviceEnv(svc: Service): [string, string][] {
  const ip = svc.spec.clusterIP;
  const ports = svc.spec.ports ?? [];
  if (!ip || ip === 'None' || ports.length === 0) return [];
  const prefix = envName(svc.metadata.name!);
  const out: [string, string][] = [
    [`${prefix}_SERVICE_HOST`, ip],
    [`${prefix}_SERVICE_PORT`, String(ports[0]!.port)],
  ];
  for (const p of ports) if (p.name) out.push([`${prefix}_SERVICE_PORT_${envName(p.name)}`, String(p.port)]);
  ports.forEach((p, i) => {
    const proto = (p.protocol ?? 'TCP').toLowerCase();
    const url = `${proto}://${ip.includes(':') ? `[${ip}]` : ip}:${p.port}`;
    if (i === 0) out.push([`${prefix}_PORT`, url]);
    const pp = `${prefix}_PORT_${p.port}_${proto.toUpperCase()}`;
    out.push([pp, url], [`${pp}_PROTO`, proto], [`${pp}_PORT`, String(p.port)], [`${pp}_ADDR`, ip]);
  });
  return out;
}

/** hostsFile is the kubelet-managed /etc/hosts. */
export function hostsFile(pod: Pod, hostname: string): string {
  let out = '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n';
  const ip = pod.status?.podIP;
  if (ip) out += `${ip}\t${hostname}\n`;
  return out;
}

/** resolvConf is a ClusterFirst pod's /etc/resolv.conf. */
export function resolvConf(namespace: string): string {
  return `search ${namespace}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n`;
}

/** containerView assembles what the container sees, at the moment it started (for its Service links). */
export function containerView(cluster: Cluster, pod: Pod, container: Container): ContainerView {
  const ref = parseImage(container.image ?? '');
  const profile = imageProfile(ref?.repository ?? '', ref?.tag ?? 'latest');
  const hostname = pod.spec.hostname ?? pod.metadata.name!;
  const ns = pod.metadata.namespace!;
  const started = Date.parse(pod.status?.containerStatuses?.find((c) => c.name === container.name)?.state.running?.startedAt ?? '') || cluster.now();
  const visible = cluster.api
    .list<Service>('Service')
    .filter((s) => (s.metadata.namespace === ns && pod.spec.enableServiceLinks !== false) || (s.metadata.namespace === 'default' && s.metadata.name === 'kubernetes'))
    .filter((s) => (Date.parse(s.metadata.creationTimestamp ?? '') || 0) <= started)
    .sort((a, b) => (a.metadata.name === 'kubernetes' ? -1 : b.metadata.name === 'kubernetes' ? 1 : a.metadata.name! < b.metadata.name! ? -1 : 1));
  const env = new Map<string, string>();
  const [path, ...imageEnv] = profile.env;
  env.set(path![0], path![1]);
  env.set('HOSTNAME', hostname);
  for (const [k, v] of imageEnv) env.set(k, v);
  for (const e of container.env ?? []) env.set(e.name, e.value ?? '');
  for (const svc of visible) for (const [k, v] of serviceEnv(svc)) if (!env.has(k)) env.set(k, v);
  if (!env.has('HOME')) env.set('HOME', '/root');
  const files = new Map(Object.entries(profile.files));
  files.set('/etc/hosts', pod.spec.hostNetwork ? '127.0.0.1\tlocalhost\n' : hostsFile(pod, hostname));
  files.set('/etc/hostname', `${hostname}\n`);
  files.set('/etc/resolv.conf', resolvConf(ns));
  files.set('/dev/termination-log', '');
  const dirs = new Set(profile.dirs);
  if (pod.spec.volumes?.some((v) => v.projected)) {
    files.set(`${SA_DIR}/namespace`, ns);
    files.set(`${SA_DIR}/ca.crt`, '-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgIIW2hlZWxob3VzZTANBgkqhkiG9w0BAQsFADAVMRMwEQYD\n-----END CERTIFICATE-----\n');
    files.set(`${SA_DIR}/token`, 'eyJhbGciOiJSUzI1NiIsImtpZCI6IndoZWVsaG91c2UifQ.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQifQ.c2FuZGJveA');
  }
  // Every parent of a file or directory is a directory.
  for (const p of [...files.keys(), ...dirs]) for (let d = parent(p); d !== '/'; d = parent(d)) dirs.add(d);
  dirs.add('/');
  const kernel = cluster.api.tryGet<Node>('Node', '', pod.spec.nodeName ?? '')?.status?.nodeInfo?.kernelVersion ?? '6.8.0-51-generic';
  return { pod, container, profile, hostname, env: [...env], files, dirs, cwd: profile.workdir, kernel };
}

/** parent is the directory holding a path. */
export function parent(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}
