import { describe, expect, it } from 'vitest';
import type { Namespace } from '../api/namespace.ts';
import type { Pod } from '../api/pod.ts';
import type { Service } from '../api/service.ts';
import { Cluster } from '../cluster.ts';
import { makePod, makeService, pod } from '../controllers/endpoints/testing.ts';
import { defaultCluster } from '../scenario/default-cluster.ts';
import { resolvConf, resolvConfText } from './dns.ts';
import type { HttpResult, NetError } from './network.ts';
import { NGINX_WELCOME } from './servers.ts';

/** cluster with a client pod (busybox, sleeping) and two nginx pods behind the Service `web`. */
function withWeb(seed: number): { c: Cluster; client: () => Pod; svc: Service } {
  const c = defaultCluster({ seed });
  makePod(c, 'client', { app: 'client' }, { image: 'busybox:1.36', command: ['sleep', '3600'] });
  makePod(c, 'web-1', { app: 'web' });
  makePod(c, 'web-2', { app: 'web' });
  const svc = makeService(c, 'web', { app: 'web' }, [{ port: 80 }], { type: 'NodePort' });
  c.advance(20_000);
  return { c, client: () => pod(c, 'client')!, svc: c.api.get<Service>('Service', 'default', svc.metadata.name!) };
}

function ok(r: HttpResult | NetError): HttpResult {
  if (!r.ok) throw new Error(`request failed: ${r.error}`);
  return r;
}

describe('network: DNS', () => {
  it('resolves a Service by every name form, through the pod’s search path', () => {
    const { c, client, svc } = withWeb(1);
    for (const name of ['web', 'web.default', 'web.default.svc', 'web.default.svc.cluster.local', 'web.default.svc.cluster.local.']) {
      expect(c.network.resolve(client(), name), name).toEqual({ ok: true, server: '10.96.0.10', name: 'web.default.svc.cluster.local', addresses: [svc.spec.clusterIP] });
    }
    expect(c.network.resolve(client(), 'kubernetes')).toMatchObject({ ok: true, addresses: ['10.96.0.1'] });
    expect(c.network.resolve(client(), 'kube-dns.kube-system')).toMatchObject({ ok: true, name: 'kube-dns.kube-system.svc.cluster.local', addresses: ['10.96.0.10'] });
    expect(c.network.resolve(client(), '10-244-1-7.default.pod.cluster.local')).toMatchObject({ ok: true, addresses: ['10.244.1.7'] });
  });

  it('answers NXDOMAIN for names nobody has, after trying every search domain', () => {
    const { c, client } = withWeb(2);
    expect(c.network.resolve(client(), 'nope')).toEqual({
      ok: false,
      error: 'nxdomain',
      server: '10.96.0.10',
      name: 'nope',
      tried: ['nope.default.svc.cluster.local', 'nope.svc.cluster.local', 'nope.cluster.local', 'nope'],
      message: [
        "** server can't find nope.default.svc.cluster.local: NXDOMAIN",
        "** server can't find nope.svc.cluster.local: NXDOMAIN",
        "** server can't find nope.cluster.local: NXDOMAIN",
        "** server can't find nope: NXDOMAIN",
      ].join('\n\n'),
    });
    expect(c.network.resolve(client(), 'example.com')).toMatchObject({ ok: false, error: 'nxdomain' });
  });

  it('searches the pod’s own namespace first', () => {
    const { c } = withWeb(3);
    c.api.create<Namespace>({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } }, 'test');
    const other = makePod(c, 'probe', {}, { image: 'busybox:1.36', command: ['sleep', '3600'] }, {}, 'dev');
    c.advance(10_000);
    expect(c.network.resolve(pod(c, 'probe', 'dev')!, 'web')).toMatchObject({ ok: false, error: 'nxdomain' });
    expect(c.network.resolve(pod(c, 'probe', 'dev')!, 'web.default')).toMatchObject({ ok: true });
    expect(resolvConfText(resolvConf(other))).toBe('search dev.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
  });

  it('times out when cluster DNS has no ready endpoints', () => {
    const { c, client } = withWeb(4);
    const dns = c.api.get<Service>('Service', 'kube-system', 'kube-dns');
    c.api.update<Service>({ ...dns, spec: { ...dns.spec, selector: { 'k8s-app': 'nobody' } } }, 'test');
    c.drain();
    expect(c.network.resolve(client(), 'web')).toMatchObject({ ok: false, error: 'timeout', server: '10.96.0.10', message: ';; connection timed out; no servers could be reached' });
    expect(c.network.request(client(), 'http://web')).toMatchObject({ ok: false, error: 'timeout' });
    // An IP needs no DNS.
    expect(ok(c.network.request(client(), `http://${pod(c, 'web-1')!.status!.podIP}`)).status).toBe(200);
  });
});

describe('network: Services', () => {
  it('balances a ClusterIP round-robin over the ready endpoints, and each nginx logs what it served', () => {
    const { c, client } = withWeb(5);
    const served = Array.from({ length: 4 }, () => ok(c.network.request(client(), 'http://web')));
    const names = served.map((r) => r.target.pod.name);
    // Two backends alternate.
    expect(new Set(names)).toEqual(new Set(['web-1', 'web-2']));
    expect([names[2], names[3]]).toEqual([names[0], names[1]]);
    expect(names[0]).not.toBe(names[1]);
    expect(served[0]).toMatchObject({ status: 200, statusText: 'OK', body: NGINX_WELCOME });
    expect(served[0]!.body).toContain('<title>Welcome to nginx!</title>');
    expect(served[0]!.body.length).toBe(615);
    expect(served[0]!.headers).toContainEqual(['Server', 'nginx/1.25.5']);
    expect(served[0]!.target.service).toEqual({ namespace: 'default', name: 'web' });
    const p = pod(c, 'web-1')!;
    const log = c.kubeletFor(p.spec.nodeName!)!.logs(p.metadata.uid!, 'web')!;
    expect(log.at(-1)).toMatch(new RegExp(`^${client().status!.podIP!.replaceAll('.', '\\.')} - - \\[12/Jan/2026:09:00:\\d\\d \\+0000\\] "GET / HTTP/1\\.1" 200 615 "-" "Wget" "-"$`));
    expect(log.filter((l) => l.includes('"GET /')).length).toBe(2);
  });

  it('takes traffic off a pod that is not Ready, and refuses when no endpoint is left', () => {
    const { c, client } = withWeb(6);
    c.api.delete('Pod', 'default', 'web-1', 'test');
    c.drain();
    const names = Array.from({ length: 3 }, () => ok(c.network.request(client(), 'web')).target.pod.name);
    expect(names).toEqual(['web-2', 'web-2', 'web-2']);
    c.api.delete('Pod', 'default', 'web-2', 'test');
    c.drain();
    expect(c.network.request(client(), 'web')).toMatchObject({ ok: false, error: 'refused', port: 80 });
  });

  it('opens a NodePort on every node', () => {
    const { c, client, svc } = withWeb(7);
    const nodePort = svc.spec.ports![0]!.nodePort!;
    for (const ip of ['172.18.0.2', '172.18.0.3', '172.18.0.4', '172.18.0.5']) {
      expect(ok(c.network.request(client(), `http://${ip}:${nodePort}/`)).status, ip).toBe(200);
    }
    expect(ok(c.network.request({ node: 'node-3' }, `172.18.0.2:${nodePort}`)).status).toBe(200);
    expect(c.network.request(client(), 'http://172.18.0.3:31999')).toMatchObject({ ok: false, error: 'refused' });
  });

  it('gives a Service port nobody asked for no answer at all', () => {
    const { c, client } = withWeb(8);
    expect(c.network.request(client(), 'http://web:8080')).toMatchObject({ ok: false, error: 'timeout', port: 8080 });
  });

  it('keeps the round-robin position in snapshots', () => {
    const { c, client } = withWeb(9);
    ok(c.network.request(client(), 'web'));
    const restored = Cluster.restore(JSON.parse(JSON.stringify(c.snapshot())));
    const next = ok(c.network.request(client(), 'web')).target.pod.name;
    expect(ok(restored.network.request(pod(restored, 'client')!, 'web')).target.pod.name).toBe(next);
  });
});

describe('network: pods', () => {
  it('reaches a pod IP directly; refuses closed ports; times out on addresses nobody has', () => {
    const { c, client } = withWeb(10);
    const ip = pod(c, 'web-1')!.status!.podIP!;
    expect(ok(c.network.request(client(), `http://${ip}/`)).target).toMatchObject({ ip, port: 80, container: 'web', pod: { name: 'web-1' } });
    expect(c.network.request(client(), `http://${ip}/missing`)).toMatchObject({ ok: true, status: 404 });
    expect(c.network.request(client(), `http://${ip}:8080/`)).toMatchObject({ ok: false, error: 'refused', ip, port: 8080 });
    expect(c.network.request(client(), 'http://10.244.3.250/')).toMatchObject({ ok: false, error: 'timeout' });
    // The busybox client serves nothing.
    expect(c.network.request(pod(c, 'web-1')!, `http://${client().status!.podIP}`)).toMatchObject({ ok: false, error: 'refused' });
  });

  it('shares one network namespace between a pod’s containers: localhost reaches the sidecar', () => {
    const c = defaultCluster({ seed: 11 });
    c.api.create<Pod>(
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'duo' },
        spec: { containers: [{ name: 'web', image: 'nginx:1.25' }, { name: 'shell', image: 'busybox:1.36', command: ['sleep', '3600'] }] },
      },
      'test',
    );
    c.advance(20_000);
    const r = ok(c.network.request(pod(c, 'duo')!, 'http://localhost'));
    expect(r.target).toMatchObject({ container: 'web', pod: { name: 'duo' } });
    const p = pod(c, 'duo')!;
    expect(c.kubeletFor(p.spec.nodeName!)!.logs(p.metadata.uid!, 'web')!.at(-1)).toMatch(/^127\.0\.0\.1 - - /);
    expect(c.network.request(pod(c, 'duo')!, 'localhost:6379')).toMatchObject({ ok: false, error: 'refused' });
  });

  it('answers as each image does: httpd, wheelhouse/hello, redis, the API server', () => {
    const c = defaultCluster({ seed: 12 });
    makePod(c, 'client', {}, { image: 'busybox:1.36', command: ['sleep', '3600'] });
    makePod(c, 'apache', {}, { image: 'httpd:2.4' });
    makePod(c, 'hello-a', { app: 'hello' }, { image: 'wheelhouse/hello:v2' });
    makePod(c, 'hello-b', { app: 'hello' }, { image: 'wheelhouse/hello:v2' });
    makePod(c, 'cache', {}, { image: 'redis:7' });
    makePod(c, 'not-nginx', {}, { image: 'nginx:1.25', command: ['sleep', '3600'] });
    makeService(c, 'hello', { app: 'hello' }, [{ port: 80, targetPort: 8080 }]);
    c.advance(30_000);
    const from = pod(c, 'client')!;
    expect(ok(c.network.request(from, pod(c, 'apache')!.status!.podIP!)).body).toBe('<html><body><h1>It works!</h1></body></html>\n');
    const bodies = [ok(c.network.request(from, 'hello')).body, ok(c.network.request(from, 'hello')).body].sort();
    expect(bodies).toEqual(['hello from hello-a (v2)\n', 'hello from hello-b (v2)\n']);
    const helloIP = pod(c, 'hello-a')!.status!.podIP!;
    expect(ok(c.network.request(from, `${helloIP}:8080/healthz`))).toMatchObject({ status: 200, body: 'ok\n' });
    expect(ok(c.network.request(from, `${helloIP}:8080/?name=x`)).body).toBe('hello from hello-a (v2)\n');
    expect(ok(c.network.request(from, `${helloIP}:8080/ready`))).toMatchObject({ status: 404, body: '404 page not found\n' });
    expect(c.network.request(from, `${pod(c, 'cache')!.status!.podIP}:6379`)).toMatchObject({ ok: false, error: 'reset' });
    expect(c.network.request(from, `http://${pod(c, 'not-nginx')!.status!.podIP}`)).toMatchObject({ ok: false, error: 'refused' });
    const api = ok(c.network.request(from, 'https://kubernetes'));
    expect(api.status).toBe(403);
    expect(api.body).toContain('"message": "forbidden: User \\"system:anonymous\\" cannot get path \\"/\\""');
    expect(c.network.connect(from, 'cache', 6379)).toMatchObject({ ok: false, error: 'nxdomain' });
  });

  it('still answers from a stopped node’s containers, but its Service stops sending traffic there', () => {
    const c = defaultCluster({ seed: 13 });
    const on = (n: string) => ({ nodeSelector: { 'kubernetes.io/hostname': n } });
    makePod(c, 'client', {}, { image: 'busybox:1.36', command: ['sleep', '3600'] }, on('node-3'));
    makePod(c, 'web-1', { app: 'web' }, {}, on('node-1'));
    makePod(c, 'web-2', { app: 'web' }, {}, on('node-2'));
    makeService(c, 'web', { app: 'web' });
    c.advance(20_000);
    const client = () => pod(c, 'client')!;
    const victim = pod(c, 'web-1')!;
    c.stopNode('node-1');
    c.advance(60_000);
    expect(ok(c.network.request(client(), `http://${victim.status!.podIP}`)).status).toBe(200);
    const names = Array.from({ length: 4 }, () => ok(c.network.request(client(), 'web')).target.pod.name);
    expect(new Set(names)).toEqual(new Set(['web-2']));
  });
});
