import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { KubeObject } from './api/meta.ts';
import type { Node } from './api/node.ts';
import type { Pod, PodSpec } from './api/pod.ts';
import { StatusError } from './apiserver/errors.ts';
import { Cluster } from './cluster.ts';
import { defaultCluster } from './scenario/default-cluster.ts';

const POD_NAMES = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'];
const NODE_NAMES = ['control-plane', 'node-1', 'node-2', 'node-3'];

/** Images (with a command) a learner might try, including ones that fail. */
const WORKLOADS: { image: string; command?: string[] }[] = [
  { image: 'nginx' },
  { image: 'nginx:1.25' },
  { image: 'redis:7' },
  { image: 'nginx:doesnotexist' },
  { image: 'Nginx' },
  { image: 'busybox:1.36', command: ['sleep', '3600'] },
  { image: 'busybox:1.36', command: ['sh', '-c', 'exit 1'] },
  { image: 'busybox:1.36', command: ['sleep', '5'] },
  { image: 'busybox' },
];

const SELECTORS: (Record<string, string> | undefined)[] = [
  undefined,
  undefined,
  { disk: 'ssd' },
  { 'kubernetes.io/hostname': 'node-1' },
  { 'kubernetes.io/hostname': 'control-plane' },
];

type Op =
  | { op: 'create'; name: string; workload: number; selector: number; restartPolicy: PodSpec['restartPolicy']; grace?: number }
  | { op: 'delete'; name: string; grace?: number }
  | { op: 'cordon'; node: string; unschedulable: boolean }
  | { op: 'label'; node: string; ssd: boolean }
  | { op: 'advance'; ms: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.record({
      op: fc.constant('create' as const),
      name: fc.constantFrom(...POD_NAMES),
      workload: fc.nat(WORKLOADS.length - 1),
      selector: fc.nat(SELECTORS.length - 1),
      restartPolicy: fc.constantFrom<PodSpec['restartPolicy']>(undefined, 'Always', 'OnFailure', 'Never'),
      grace: fc.option(fc.constantFrom(0, 1, 5, 45), { nil: undefined }),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({ op: fc.constant('delete' as const), name: fc.constantFrom(...POD_NAMES), grace: fc.option(fc.constantFrom(0, 1, 2, 10, 30, 60), { nil: undefined }) }),
    weight: 2,
  },
  { arbitrary: fc.record({ op: fc.constant('cordon' as const), node: fc.constantFrom(...NODE_NAMES), unschedulable: fc.boolean() }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('label' as const), node: fc.constantFrom(...NODE_NAMES), ssd: fc.boolean() }), weight: 1 },
  {
    arbitrary: fc.record({ op: fc.constant('advance' as const), ms: fc.oneof(fc.integer({ min: 0, max: 1500 }), fc.integer({ min: 0, max: 120_000 })) }),
    weight: 4,
  },
);

/** apply performs one operation; API errors (NotFound, AlreadyExists, Invalid…) are a learner's normal lot. */
function apply(cluster: Cluster, o: Op): void {
  try {
    switch (o.op) {
      case 'create': {
        const w = WORKLOADS[o.workload]!;
        const selector = SELECTORS[o.selector];
        cluster.api.create<Pod>(
          {
            apiVersion: 'v1',
            kind: 'Pod',
            metadata: { name: o.name, labels: { run: o.name } },
            spec: {
              containers: [{ name: 'app', image: w.image, ...(w.command ? { command: w.command } : {}) }],
              ...(selector ? { nodeSelector: selector } : {}),
              ...(o.restartPolicy ? { restartPolicy: o.restartPolicy } : {}),
              ...(o.grace !== undefined ? { terminationGracePeriodSeconds: o.grace } : {}),
            },
          },
          'learner',
        );
        break;
      }
      case 'delete':
        cluster.api.delete('Pod', 'default', o.name, 'learner', o.grace === undefined ? {} : { gracePeriodSeconds: o.grace });
        break;
      case 'cordon': {
        const n = cluster.api.get<Node>('Node', '', o.node);
        cluster.api.update({ ...n, spec: { ...n.spec, unschedulable: o.unschedulable || undefined } }, 'learner');
        break;
      }
      case 'label': {
        const n = cluster.api.get<Node>('Node', '', o.node);
        const labels = { ...n.metadata.labels };
        if (o.ssd) labels.disk = 'ssd';
        else delete labels.disk;
        cluster.api.update({ ...n, metadata: { ...n.metadata, labels } }, 'learner');
        break;
      }
      case 'advance':
        cluster.advance(o.ms);
        break;
    }
  } catch (e) {
    if (!(e instanceof StatusError)) throw e;
  }
}

function ipInCIDR(ip: string, cidr: string): boolean {
  const [net, bits] = cidr.split('/') as [string, string];
  const n = (s: string) => s.split('.').reduce((a, o) => a * 256 + Number(o), 0);
  const size = 2 ** (32 - Number(bits));
  const offset = n(ip) - n(net);
  // Neither the network address, the gateway (.1) nor broadcast.
  return offset >= 2 && offset < size - 1;
}

/** watchInvariants checks, on every write, what must hold at the moment of the write. */
function watchInvariants(cluster: Cluster): string[] {
  const problems: string[] = [];
  let lastRV = 0;
  const terminal = new Set<string>();
  for (const kind of ['Pod', 'Node', 'Event', 'Service', 'Namespace']) {
    cluster.store.watch(kind, (e) => {
      const rv = Number(e.object.metadata.resourceVersion);
      if (!(rv > lastRV)) problems.push(`${e.type} ${kind} ${e.object.metadata.name}: resourceVersion ${rv} after ${lastRV}`);
      lastRV = Math.max(lastRV, rv);
      if (kind !== 'Pod' || e.type === 'DELETED') return;
      const pod = e.object as Pod;
      const old = e.old as Pod | undefined;
      const node = pod.spec.nodeName;
      if (node && !old?.spec.nodeName) {
        const n = cluster.api.tryGet<Node>('Node', '', node);
        if (!n) problems.push(`${pod.metadata.name} bound to missing node ${node}`);
        else if (n.spec.unschedulable) problems.push(`${pod.metadata.name} newly bound to cordoned node ${node}`);
      }
      if (old?.spec.nodeName && old.spec.nodeName !== node) problems.push(`${pod.metadata.name} moved from ${old.spec.nodeName} to ${node}`);
      const uid = pod.metadata.uid!;
      const phase = pod.status?.phase;
      if (terminal.has(uid) && phase !== 'Succeeded' && phase !== 'Failed') problems.push(`${pod.metadata.name} left terminal phase for ${phase}`);
      if (phase === 'Succeeded' || phase === 'Failed') terminal.add(uid);
      const before = old?.status?.containerStatuses?.[0]?.restartCount ?? 0;
      const after = pod.status?.containerStatuses?.[0]?.restartCount ?? 0;
      if (old && after < before) problems.push(`${pod.metadata.name} restartCount fell from ${before} to ${after}`);
    });
  }
  return problems;
}

/** checkState checks what must hold between operations. */
function checkState(cluster: Cluster): string[] {
  const problems: string[] = [];
  const nodes = new Map(cluster.api.list<Node>('Node').map((n) => [n.metadata.name!, n]));
  const owners = new Map<string, string>();
  for (const pod of cluster.api.list<Pod>('Pod', 'default')) {
    const name = pod.metadata.name!;
    const nodeName = pod.spec.nodeName;
    if (!nodeName) {
      if (pod.status?.podIP) problems.push(`${name} has an IP but no node`);
      continue;
    }
    const node = nodes.get(nodeName);
    if (!node) {
      problems.push(`${name} bound to missing node ${nodeName}`);
      continue;
    }
    const sandbox = pod.status?.conditions?.find((c) => c.type === 'PodReadyToStartContainers');
    const ip = pod.status?.podIP;
    if (sandbox?.status === 'True' && !ip) problems.push(`${name} sandbox ready without an IP`);
    if (ip && !ipInCIDR(ip, node.spec.podCIDR!)) problems.push(`${name} has ${ip} outside ${node.spec.podCIDR}`);
    const live = pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';
    if (ip && live) {
      if (owners.has(ip)) problems.push(`${name} and ${owners.get(ip)} share ${ip}`);
      owners.set(ip, name);
    }
    // The pod index agrees with the objects.
    if (!cluster.store.podsOnNode(nodeName).some((p) => p.metadata.uid === pod.metadata.uid)) problems.push(`${name} missing from podsOnNode(${nodeName})`);
  }
  for (const n of nodes.keys()) {
    for (const p of cluster.store.podsOnNode(n)) {
      if ((p as Pod).spec.nodeName !== n) problems.push(`podsOnNode(${n}) lists ${p.metadata.name} bound to ${(p as Pod).spec.nodeName}`);
    }
  }
  return problems;
}

const json = (c: Cluster) => JSON.stringify(c.snapshot());

describe('cluster properties', () => {
  it('keeps its invariants over random learner sessions', () => {
    // How often the checks had something to check, so the property cannot pass vacuously.
    const seen = { withIP: 0, cordoned: 0 };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.array(opArb, { minLength: 1, maxLength: 30 }), (seed, ops) => {
        const cluster = defaultCluster({ seed });
        const problems = watchInvariants(cluster);
        for (const o of ops) {
          apply(cluster, o);
          cluster.drain();
          problems.push(...checkState(cluster));
          if (problems.length) break;
          const pods = cluster.api.list<Pod>('Pod', 'default');
          seen.withIP += pods.filter((p) => p.status?.podIP).length;
          seen.cordoned += cluster.nodes().filter((n) => n.spec.unschedulable).length;
        }
        cluster.advance(10 * 60_000);
        problems.push(...checkState(cluster));
        expect(problems).toEqual([]);
      }),
      { numRuns: 60 },
    );
    expect(seen.withIP).toBeGreaterThan(0);
    expect(seen.cordoned).toBeGreaterThan(0);
  }, 20_000);

  it('continues after snapshot/restore exactly as without the interruption', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.array(opArb, { minLength: 1, maxLength: 25 }), fc.nat(), (seed, ops, cutAt) => {
        const cut = cutAt % (ops.length + 1);
        const straight = defaultCluster({ seed });
        for (const o of ops) apply(straight, o);
        straight.advance(5 * 60_000);

        const first = defaultCluster({ seed });
        for (const o of ops.slice(0, cut)) apply(first, o);
        const resumed = Cluster.restore(JSON.parse(JSON.stringify(first.snapshot())));
        for (const o of ops.slice(cut)) apply(resumed, o);
        resumed.advance(5 * 60_000);
        expect(json(resumed)).toBe(json(straight));
      }),
      { numRuns: 60 },
    );
  }, 20_000);

  it('is deterministic: the same seed and operations give the same bytes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.array(opArb, { minLength: 1, maxLength: 25 }), (seed, ops) => {
        const a = defaultCluster({ seed });
        const b = defaultCluster({ seed });
        for (const o of ops) {
          apply(a, o);
          apply(b, o);
        }
        expect(json(a)).toBe(json(b));
      }),
      { numRuns: 40 },
    );
  }, 20_000);

  it('never loses an object from the store without a DELETED event', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.array(opArb, { minLength: 1, maxLength: 25 }), (seed, ops) => {
        const cluster = defaultCluster({ seed });
        const live = new Map<string, KubeObject>();
        cluster.store.watch('Pod', (e) => {
          const key = e.object.metadata.name!;
          if (e.type === 'DELETED') live.delete(key);
          else live.set(key, e.object);
        });
        for (const o of ops) apply(cluster, o);
        cluster.drain();
        const stored = cluster.api.list<Pod>('Pod', 'default');
        expect(stored.map((p) => p.metadata.name)).toEqual([...live.keys()].sort());
        for (const p of stored) expect(live.get(p.metadata.name!)).toBe(p);
      }),
      { numRuns: 40 },
    );
  }, 20_000);
});
