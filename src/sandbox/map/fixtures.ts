/** Test fixtures: a real simulated cluster caught in the middle of a rolling update. */
import { defaultCluster, type Cluster, type Deployment, type Service } from '@wheelhouse/sim-engine';

/**
 * clusterWithWeb builds the default cluster with deployment `web` (3 replicas of nginx) and
 * Service `web`, lets it settle, then changes the image: revision 2's first pod is starting
 * while revision 1's three pods still serve.
 */
export function clusterWithWeb(): Cluster {
  const cluster = defaultCluster({ seed: 7 });
  const labels = { app: 'web' };
  cluster.api.create<Deployment>(
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { replicas: 3, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
    },
    'test',
  );
  cluster.api.create<Service>({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: labels, ports: [{ port: 80 }] } }, 'test');
  cluster.advance(30_000);
  const d = cluster.api.get<Deployment>('Deployment', 'default', 'web');
  const template = { ...d.spec.template, spec: { ...d.spec.template.spec, containers: [{ name: 'nginx', image: 'nginx:1.27' }] } };
  cluster.api.update<Deployment>({ ...d, spec: { ...d.spec, template } }, 'test');
  cluster.drain();
  return cluster;
}
