/**
 * The image catalog: the registry the simulated nodes pull from. Each image knows its size,
 * its digest, what its container does when started (run until stopped, or exit), and how it
 * reacts to SIGTERM. Anything not listed here fails to pull, as it would from a registry that
 * doesn't have it.
 */

/** ImageBehaviour is what the image's default entrypoint does. */
export interface ImageBehaviour {
  /** Serves forever (a web server or database) or runs its command and exits. */
  kind: 'server' | 'shell';
  /** Log lines the server writes at start-up. */
  startupLogs?: string[];
  /** Milliseconds the process needs to exit after SIGTERM; undefined means it ignores SIGTERM (PID 1 without a handler). */
  stopMs?: number;
}

/** ImageInfo is one repository:tag in the catalog. */
export interface ImageInfo {
  repository: string;
  tag: string;
  sizeBytes: number;
  digest: string;
  behaviour: ImageBehaviour;
}

const NGINX_LOGS = [
  '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
  '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
  '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
  '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
  '/docker-entrypoint.sh: Configuration complete; ready for start up',
];

const server = (startupLogs: string[] = [], stopMs = 150): ImageBehaviour => ({ kind: 'server', startupLogs, stopMs });
const shell: ImageBehaviour = { kind: 'shell' };

function entries(repository: string, tags: string[], sizeBytes: number, behaviour: ImageBehaviour, digestSeed: string): ImageInfo[] {
  return tags.map((tag, i) => ({
    repository,
    tag,
    sizeBytes: sizeBytes + i * 1_048_573,
    digest: `sha256:${fakeDigest(`${digestSeed}:${tag}`)}`,
    behaviour,
  }));
}

/** CATALOG lists every image the simulated registry serves. */
export const CATALOG: readonly ImageInfo[] = [
  ...entries('docker.io/library/nginx', ['latest', '1.27', '1.27.3', '1.26', '1.26.2', '1.25', '1.25.5', '1.24', '1.23', 'alpine', '1.27-alpine', '1.25-alpine'], 72_955_450, server(NGINX_LOGS), 'nginx'),
  ...entries('docker.io/library/httpd', ['latest', '2.4', '2.4.62', 'alpine'], 58_412_311, server([], 1100), 'httpd'),
  ...entries('docker.io/library/redis', ['latest', '7', '7.4', '7.2', 'alpine'], 45_923_771, server([], 300), 'redis'),
  ...entries('docker.io/library/busybox', ['latest', '1.36', '1.37', 'stable'], 2_155_426, shell, 'busybox'),
  ...entries('docker.io/library/alpine', ['latest', '3.20', '3.21'], 3_651_542, shell, 'alpine'),
  ...entries('docker.io/wheelhouse/hello', ['v1', 'v2', 'v3', 'latest'], 6_318_004, server(['hello: listening on :8080']), 'hello'),
  ...entries('registry.k8s.io/pause', ['3.10'], 320_368, server([]), 'pause'),
  ...entries('registry.k8s.io/etcd', ['3.5.16-0'], 57_680_541, server([], 400), 'etcd'),
  ...entries('registry.k8s.io/kube-apiserver', ['v1.32.2'], 28_670_731, server([], 400), 'kube-apiserver'),
  ...entries('registry.k8s.io/kube-controller-manager', ['v1.32.2'], 26_259_392, server([], 400), 'kube-controller-manager'),
  ...entries('registry.k8s.io/kube-scheduler', ['v1.32.2'], 20_657_536, server([], 400), 'kube-scheduler'),
  ...entries('registry.k8s.io/kube-proxy', ['v1.32.2'], 30_908_485, server([], 400), 'kube-proxy'),
  ...entries('registry.k8s.io/coredns/coredns', ['v1.11.3'], 18_562_039, server([], 400), 'coredns'),
];

/** ImageRef is a parsed image reference. */
export interface ImageRef {
  /** Normalised repository, e.g. docker.io/library/nginx. */
  repository: string;
  tag: string;
  /** The full normalised reference, e.g. docker.io/library/nginx:1.25. */
  normalized: string;
}

/** parseImage normalises a reference the way containerd does (`nginx` → `docker.io/library/nginx:latest`); undefined means InvalidImageName. */
export function parseImage(image: string): ImageRef | undefined {
  // Every status report reads every container's image: parse each reference once.
  if (parsedRefs.has(image)) return parsedRefs.get(image);
  if (parsedRefs.size >= PARSED_LIMIT) parsedRefs.clear();
  const ref = parseReference(image);
  parsedRefs.set(image, ref && Object.freeze(ref));
  return ref;
}

const PARSED_LIMIT = 1024;
const parsedRefs = new Map<string, ImageRef | undefined>();

function parseReference(image: string): ImageRef | undefined {
  if (!/^[a-z0-9]([a-z0-9._\-/:]*[a-z0-9])?(@sha256:[a-f0-9]{64})?$/.test(image)) return undefined;
  let rest = image.split('@')[0]!;
  let tag = 'latest';
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.indexOf(':', lastSlash + 1);
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const parts = rest.split('/');
  const hasRegistry = parts.length > 1 && (parts[0]!.includes('.') || parts[0]!.includes(':') || parts[0] === 'localhost');
  let repository = rest;
  if (!hasRegistry) repository = parts.length === 1 ? `docker.io/library/${rest}` : `docker.io/${rest}`;
  return { repository, tag, normalized: `${repository}:${tag}` };
}

/** findImage looks a reference up in the catalog. */
export function findImage(ref: ImageRef): ImageInfo | undefined {
  // `normalized` is `repository:tag`, the catalog's key, already built once per reference.
  return byReference.get(ref.normalized);
}

/** imageID is the imageID a container status shows for a catalog image: its repository and digest. */
export function imageID(info: ImageInfo): string {
  return imageIDs.get(info) ?? `${info.repository}@${info.digest}`;
}

// Every status report of every running container shows its image ID: each is built once.
const imageIDs = new Map<ImageInfo, string>(CATALOG.map((i) => [i, `${i.repository}@${i.digest}`]));

const byReference = new Map<string, ImageInfo>();
// The first entry for a reference wins, as a search of the catalog in order would find it.
for (const i of CATALOG) if (!byReference.has(`${i.repository}:${i.tag}`)) byReference.set(`${i.repository}:${i.tag}`, i);

function fakeDigest(seed: string): string {
  // A fixed, reproducible stand-in for a manifest digest: FNV-1a, widened to 64 hex digits.
  let out = '';
  let h = 0x811c9dc5;
  for (let round = 0; out.length < 64; round++) {
    for (const ch of `${seed}#${round}`) {
      h ^= ch.charCodeAt(0);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 64);
}
