/**
 * The engine benchmark: how long the simulated cluster takes to settle large workloads and
 * how fast kubectl answers. Run with `npm run bench`; figures go to stdout as a table.
 */
import { createCluster, Session, type Pod } from '../src/index.ts';

interface Row {
  case: string;
  value: string;
}

const rows: Row[] = [];

function nodes(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    name: `node-${i + 1}`,
    role: 'worker' as const,
    internalIP: `172.18.${Math.floor((i + 2) / 250)}.${((i + 2) % 250) + 2}`,
    podCIDR: `10.${244 + Math.floor((i + 1) / 256)}.${(i + 1) % 256}.0/24`,
  }));
}

function pod(name: string): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels: { app: 'bench' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } };
}

/** settle creates `pods` bare pods on `nodeCount` nodes and runs the cluster until all are Running. */
function settle(podCount: number, nodeCount: number): number {
  const cluster = createCluster(nodes(nodeCount), { seed: 1 });
  const t0 = performance.now();
  for (let i = 0; i < podCount; i++) cluster.api.create(pod(`web-${i}`), 'bench');
  cluster.drain();
  cluster.runUntilIdle(120_000);
  const ms = performance.now() - t0;
  const running = cluster.api.list<Pod>('Pod', 'default').filter((p) => p.status?.phase === 'Running').length;
  if (running !== podCount) throw new Error(`only ${running}/${podCount} pods running`);
  return ms;
}

async function getPodsLatency(podCount: number): Promise<number> {
  const cluster = createCluster(nodes(Math.max(4, Math.ceil(podCount / 100))), { seed: 1 });
  for (let i = 0; i < podCount; i++) cluster.api.create(pod(`web-${i}`), 'bench');
  cluster.runUntilIdle(120_000);
  const session = new Session({ cluster });
  const sink = { stdout() {}, stderr() {} };
  for (let i = 0; i < 3; i++) await session.run('kubectl get pods', sink);
  const runs = 20;
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) await session.run('kubectl get pods', sink);
  return (performance.now() - t0) / runs;
}

const small = settle(1_000, 100);
rows.push({ case: 'settle 1,000 pods on 100 nodes', value: `${small.toFixed(0)} ms` });
const large = settle(10_000, 1_000);
rows.push({ case: 'settle 10,000 pods on 1,000 nodes', value: `${large.toFixed(0)} ms` });
rows.push({ case: 'growth 10k / 1k', value: `${(large / small).toFixed(1)}x` });
globalThis.gc?.();
rows.push({ case: 'heap used after the runs', value: `${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MiB` });
rows.push({ case: 'kubectl get pods, 100 pods', value: `${(await getPodsLatency(100)).toFixed(2)} ms` });
rows.push({ case: 'kubectl get pods, 10,000 pods', value: `${(await getPodsLatency(10_000)).toFixed(1)} ms` });

const width = Math.max(...rows.map((r) => r.case.length));
for (const r of rows) console.log(`${r.case.padEnd(width)}  ${r.value}`);
