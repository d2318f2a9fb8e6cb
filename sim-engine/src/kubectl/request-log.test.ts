import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/pod.ts';
import { defaultCluster } from '../scenario/default-cluster.ts';
import { Klog, loggedCluster, requestLogOf, resourcePath } from './request-log.ts';

describe('the -v=6 request log', () => {
  it('names API calls as kubectl’s requests, with klog headers from the cluster clock', () => {
    const c = defaultCluster({ seed: 1 });
    let out = '';
    const logged = loggedCluster(c, new Klog(Date.UTC(2026, 10, 25, 20, 41, 2), (t) => (out += t)), { server: 'https://172.18.0.2:6443', listQuery: '?limit=500', fieldManager: 'kubectl-run' });
    logged.api.list('Pod', 'default');
    logged.api.tryGet('Pod', 'default', 'nope');
    logged.api.tryGet('Pod', 'default', 'nope');
    logged.api.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { containers: [{ name: 'web', image: 'nginx' }] } }, 'kubectl');
    expect(() => logged.api.get('Deployment', 'default', 'nope')).toThrow();
    requestLogOf(logged)!('GET', '/healthz', 200);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    for (const l of lines) expect(l).toMatch(/^I1125 20:41:02\.\d{6}   24187 round_trippers\.go:560\] /);
    expect(lines.map((l) => l.slice(l.indexOf('] ') + 2).replace(/ in \d+ milliseconds$/, ''))).toEqual([
      'GET https://172.18.0.2:6443/api/v1/namespaces/default/pods?limit=500 200 OK',
      // A repeated poll is one line, as kubectl waits with one watch.
      'GET https://172.18.0.2:6443/api/v1/namespaces/default/pods/nope 404 Not Found',
      'POST https://172.18.0.2:6443/api/v1/namespaces/default/pods?fieldManager=kubectl-run 201 Created',
      'GET https://172.18.0.2:6443/apis/apps/v1/namespaces/default/deployments/nope 404 Not Found',
      'GET https://172.18.0.2:6443/healthz 200 OK',
    ]);
  });

  it('builds REST paths for namespaced and cluster-scoped kinds', () => {
    expect(resourcePath('Node', 'default', 'node-1')).toBe('/api/v1/nodes/node-1');
    expect(resourcePath('EndpointSlice', 'dev')).toBe('/apis/discovery.k8s.io/v1/namespaces/dev/endpointslices');
    expect(resourcePath('Pod', undefined)).toBe('/api/v1/pods');
  });
});
