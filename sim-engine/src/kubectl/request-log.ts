/**
 * kubectl's request log at `-v=6`: klog lines on stderr for the kubeconfig it loaded and for
 * each request it sends (`GET https://…/api/v1/namespaces/default/pods?limit=500 200 OK in 5
 * milliseconds`). The sandbox's verbs call the API server directly, so the log is made by
 * watching those calls and naming them as the HTTP requests kubectl sends: reads are GETs,
 * writes POST, PATCH (kubectl changes objects with patches) and DELETE. Timestamps come from
 * the cluster clock and the process id is fixed, so transcripts stay deterministic.
 */
import type { KubeObject } from '../api/meta.ts';
import { resourceForKind } from '../api/resources.ts';
import type { ApiServer } from '../apiserver/apiserver.ts';
import { StatusError } from '../apiserver/errors.ts';
import type { Cluster } from '../cluster.ts';

/** KUBECTL_PID is the process id the log lines show. */
export const KUBECTL_PID = 24187;

const STATUS_TEXT: Record<number, string> = { 200: 'OK', 201: 'Created', 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 422: 'Unprocessable Entity', 500: 'Internal Server Error' };

/** Klog writes klog's header-prefixed info lines, stamped from the cluster clock. */
export class Klog {
  private micros: number;
  private readonly write: (text: string) => void;

  constructor(now: number, write: (text: string) => void) {
    this.micros = now * 1000;
    this.write = write;
  }

  /** info writes one `I` line from `file:line`, `elapsedMicros` after the previous one. */
  info(source: string, message: string, elapsedMicros: number): void {
    this.micros += elapsedMicros;
    const d = new Date(Math.floor(this.micros / 1000));
    const two = (n: number) => String(n).padStart(2, '0');
    const stamp = `${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${String(this.micros % 1_000_000).padStart(6, '0')}`;
    this.write(`I${stamp} ${String(KUBECTL_PID).padStart(7)} ${source}] ${message}\n`);
  }
}

/** resourcePath is the REST path of a kind's collection or object: /api/v1/namespaces/dev/pods/web. */
export function resourcePath(kind: string, namespace: string | undefined, name?: string): string {
  const r = resourceForKind(kind);
  const plural = r?.plural ?? `${kind.toLowerCase()}s`;
  const prefix = r?.group ? `/apis/${r.group}/${r.version}` : `/api/${r?.version ?? 'v1'}`;
  const ns = r?.namespaced !== false && namespace ? `/namespaces/${namespace}` : '';
  return `${prefix}${ns}/${plural}${name ? `/${name}` : ''}`;
}

// A deterministic, plausible round-trip time for a request.
function millis(url: string): number {
  let h = 0;
  for (const c of url) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return 2 + (h % 9);
}

const logs = new WeakMap<Cluster, (verb: string, path: string, code: number) => void>();

/** requestLogOf is the request log of a cluster made by loggedCluster, for requests that are no API server call (`get --raw`). */
export function requestLogOf(cluster: Cluster): ((verb: string, path: string, code: number) => void) | undefined {
  return logs.get(cluster);
}

/** RequestLogOptions say where requests go and what a list request asks for (`limit=500` and selectors for get). */
export interface RequestLogOptions {
  server: string;
  listQuery: string;
  /** The verb's field manager (`kubectl-run`), for writes the sandbox makes as plain `kubectl`. */
  fieldManager: string;
}

/**
 * loggedCluster is the cluster as a verb sees it with the request log on: its API server logs
 * each call as a request. A poll that repeats the same GET (a wait) is logged once, as kubectl
 * waits with one watch instead.
 */
export function loggedCluster(cluster: Cluster, klog: Klog, opts: RequestLogOptions): Cluster {
  const api = cluster.api;
  let last = '';
  const request = (verb: string, path: string, code: number) => {
    const url = `${opts.server}${path}`;
    const line = `${verb} ${url} ${code} ${STATUS_TEXT[code] ?? ''} in ${millis(url)} milliseconds`;
    if (verb === 'GET' && line === last) return;
    last = line;
    klog.info('round_trippers.go:560', line, millis(url) * 1000 + 187);
  };
  const logged = <T>(verb: string, path: string, ok: number, call: () => T): T => {
    try {
      const result = call();
      request(verb, path, verb === 'GET' && result === undefined ? 404 : ok);
      return result;
    } catch (e) {
      request(verb, path, e instanceof StatusError ? e.code : 500);
      throw e;
    }
  };
  const nsOf = (o: KubeObject) => o.metadata.namespace || 'default';
  // url.Values.Encode sorts the parameters by name.
  const writeQuery = (actor: string, dryRun: boolean | undefined) => {
    const manager = actor === 'kubectl' ? opts.fieldManager : actor;
    const params = [...(dryRun ? ['dryRun=All'] : []), ...(manager.startsWith('kubectl-') ? [`fieldManager=${manager}`] : [])];
    return params.length ? `?${params.join('&')}` : '';
  };
  const calls: Partial<ApiServer> = {
    get: (kind: string, ns: string, name: string) => logged('GET', resourcePath(kind, ns, name), 200, () => api.get(kind, ns, name)),
    tryGet: (kind: string, ns: string, name: string) => logged('GET', resourcePath(kind, ns, name), 200, () => api.tryGet(kind, ns, name)),
    list: (kind: string, ns?: string, o?: Parameters<ApiServer['list']>[2]) => logged('GET', `${resourcePath(kind, ns)}${opts.listQuery}`, 200, () => api.list(kind, ns, o)),
    create: (obj: KubeObject, actor: string, o?: { dryRun?: boolean }) => logged('POST', `${resourcePath(obj.kind, nsOf(obj))}${writeQuery(actor, o?.dryRun)}`, 201, () => api.create(obj, actor, o)),
    update: (obj: KubeObject, actor: string, o?: { dryRun?: boolean }) => logged('PATCH', `${resourcePath(obj.kind, nsOf(obj), obj.metadata.name)}${writeQuery(actor, o?.dryRun)}`, 200, () => api.update(obj, actor, o)),
    delete: (kind: string, ns: string, name: string, actor: string, o?: Parameters<ApiServer['delete']>[4]) => logged('DELETE', resourcePath(kind, ns, name), 200, () => api.delete(kind, ns, name, actor, o)),
  } as Partial<ApiServer>;
  const apiProxy = new Proxy(api, {
    get(target, prop) {
      if (typeof prop === 'string' && prop in calls) return calls[prop as keyof ApiServer];
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  const proxy = new Proxy(cluster, {
    get(target, prop) {
      if (prop === 'api') return apiProxy;
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  logs.set(proxy, request);
  return proxy;
}
