/**
 * A minimal fake Kubernetes API server for differential tests against the real kubectl: legacy
 * discovery for pods, services, namespaces, deployments and replica sets, GET from a preset
 * store, and a log of every write request (the bodies kubectl sends).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** WriteRequest is a non-GET request kubectl made. */
export interface WriteRequest {
  method: string;
  path: string;
  query: string;
  body: string;
}

/** MockApiServer serves a store and records writes. */
export interface MockApiServer {
  url: string;
  /** store maps `resource/namespace/name` to the object GET returns. */
  store: Map<string, unknown>;
  writes: WriteRequest[];
  close(): Promise<void>;
}

const resource = (name: string, kind: string, namespaced: boolean) => ({ name, singularName: kind.toLowerCase(), namespaced, kind, verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'] });
const CORE = { kind: 'APIResourceList', groupVersion: 'v1', resources: [resource('pods', 'Pod', true), resource('services', 'Service', true), resource('namespaces', 'Namespace', false), resource('nodes', 'Node', false)] };
const APPS = { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: 'apps/v1', resources: [resource('deployments', 'Deployment', true), resource('replicasets', 'ReplicaSet', true)] };

/** startMockApiServer listens on a free local port. */
export async function startMockApiServer(): Promise<MockApiServer> {
  const store = new Map<string, unknown>();
  const writes: WriteRequest[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const send = (code: number, obj: unknown) => {
        res.writeHead(code, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(obj));
      };
      const notFound = (message: string) => send(404, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'NotFound', code: 404 });
      const p = url.pathname;
      if (p === '/api') return send(200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }] });
      if (p === '/apis') return send(200, { kind: 'APIGroupList', apiVersion: 'v1', groups: [{ name: 'apps', versions: [{ groupVersion: 'apps/v1', version: 'v1' }], preferredVersion: { groupVersion: 'apps/v1', version: 'v1' } }] });
      if (p === '/api/v1') return send(200, CORE);
      if (p === '/apis/apps/v1') return send(200, APPS);
      const m = /^\/(?:api|apis\/apps)\/v1\/(?:namespaces\/([^/]+)\/)?([a-z]+)(?:\/([^/]+))?$/.exec(p);
      if (!m) return notFound(`the server could not find the requested resource ${p}`);
      const [, ns, kind, name] = m;
      const key = `${kind}/${ns ?? ''}/${name ?? ''}`;
      if (req.method !== 'GET') writes.push({ method: req.method ?? '', path: p, query: url.search, body });
      if (req.method === 'GET') return store.has(key) ? send(200, store.get(key)) : notFound(`${kind} "${name}" not found`);
      if (req.method === 'POST') {
        const obj = JSON.parse(body) as { metadata: Record<string, unknown> };
        obj.metadata = { ...obj.metadata, uid: 'u1', resourceVersion: '1', creationTimestamp: '2025-01-01T00:00:00Z' };
        return send(201, obj);
      }
      return send(200, store.get(key) ?? {});
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, store, writes, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
