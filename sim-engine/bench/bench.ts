/**
 * The engine benchmark: how long the simulated cluster takes to settle large Deployments (one
 * behind a Service, so the endpoints controllers' share shows) and roll them, and how fast
 * kubectl answers. Run with `npm run bench`; figures go to stdout.
 */
import { createCluster, Session, type Cluster } from '../src/index.ts';
import type { Deployment } from '../src/api/apps.ts';

const rows: [string, string][] = [];

function workers(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    name: `node-${i + 1}`,
    role: 'worker' as const,
    internalIP: `172.18.${Math.floor((i + 2) / 250)}.${((i + 2) % 250) + 2}`,
    podCIDR: `10.${244 + Math.floor((i + 1) / 256)}.${(i + 1) % 256}.0/24`,
  }));
}

function deployment(replicas: number, image = 'nginx:1.25'): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image }] } },
    },
  };
}

function ready(cluster: Cluster): number {
  return cluster.api.get<Deployment>('Deployment', 'default', 'web').status?.availableReplicas ?? 0;
}

/**
 * scaleUp creates a Deployment at 0 replicas (behind a Service with `service`), scales it to
 * `replicas`, and runs the cluster until every pod is available.
 */
function scaleUp(replicas: number, nodes: number, service = false): { ms: number; cluster: Cluster } {
  const cluster = createCluster(workers(nodes), { seed: 1 });
  cluster.api.create(deployment(0), 'bench');
  if (service) cluster.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } }, 'bench');
  cluster.drain();
  const t0 = performance.now();
  const d = cluster.api.get<Deployment>('Deployment', 'default', 'web');
  cluster.api.update({ ...d, spec: { ...d.spec, replicas } }, 'bench');
  cluster.runUntilIdle(3_600_000);
  const ms = performance.now() - t0;
  if (ready(cluster) !== replicas) throw new Error(`only ${ready(cluster)}/${replicas} available`);
  return { ms, cluster };
}

/** rollingUpdate changes the image and runs until the rollout is complete. */
function rollingUpdate(cluster: Cluster): number {
  const t0 = performance.now();
  const d = cluster.api.get<Deployment>('Deployment', 'default', 'web');
  const template = { ...d.spec.template, spec: { ...d.spec.template.spec, containers: [{ name: 'web', image: 'nginx:1.26' }] } };
  cluster.api.update({ ...d, spec: { ...d.spec, template } }, 'bench');
  cluster.runUntilIdle(3_600_000);
  const after = cluster.api.get<Deployment>('Deployment', 'default', 'web');
  if (after.status?.updatedReplicas !== after.spec.replicas) throw new Error('rollout did not finish');
  return performance.now() - t0;
}

/** getPodsLatency times `kubectl get pods` 50 times after a warm-up: the median, and the 95th percentile (a collection pause shows there). */
async function getPodsLatency(cluster: Cluster): Promise<{ median: number; p95: number }> {
  const session = new Session({ cluster });
  const sink = { stdout() {}, stderr() {} };
  for (let i = 0; i < 3; i++) await session.run('kubectl get pods', sink);
  const times: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t0 = performance.now();
    await session.run('kubectl get pods', sink);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: times[25]!, p95: times[47]! };
}

function latency({ median, p95 }: { median: number; p95: number }, digits: number): string {
  return `${median.toFixed(digits)} ms (p95 ${p95.toFixed(digits)} ms)`;
}

const hundred = scaleUp(100, 10);
const small = scaleUp(1_000, 100);
rows.push(['Deployment 0 → 1,000 pods on 100 nodes', `${small.ms.toFixed(0)} ms`]);
rows.push(['rolling update of 1,000 pods', `${rollingUpdate(small.cluster).toFixed(0)} ms`]);
rows.push(['the same 1,000 pods behind a Service', `${scaleUp(1_000, 100, true).ms.toFixed(0)} ms`]);
const large = scaleUp(10_000, 1_000);
rows.push(['Deployment 0 → 10,000 pods on 1,000 nodes', `${large.ms.toFixed(0)} ms`]);
rows.push(['growth 10k / 1k (target ≤ 12×)', `${(large.ms / small.ms).toFixed(1)}×`]);
rows.push(['heap used with those clusters alive', `${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MiB`]);
rows.push(['kubectl get pods, 100 pods', latency(await getPodsLatency(hundred.cluster), 2)]);
rows.push(['kubectl get pods, 10,000 pods', latency(await getPodsLatency(large.cluster), 1)]);

const width = Math.max(...rows.map(([k]) => k.length));
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
