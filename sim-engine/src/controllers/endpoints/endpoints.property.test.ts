import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { EndpointSlice, Endpoints } from '../../api/endpoints.ts';
import type { Container, Pod } from '../../api/pod.ts';
import type { Service } from '../../api/service.ts';
import { StatusError } from '../../apiserver/errors.ts';
import { Cluster } from '../../cluster.ts';
import { defaultCluster } from '../../scenario/default-cluster.ts';

const PODS = ['p0', 'p1', 'p2', 'p3', 'p4'];
const SERVICES = ['s0', 's1', 's2'];
const APPS = ['a', 'b'];

/** What a pod may run: servers that turn Ready, one that never does, crashers, jobs that finish, a bad image. */
const WORKLOADS: Partial<Container>[] = [
  { image: 'nginx:1.25' },
  { image: 'nginx:1.25', readinessProbe: { httpGet: { path: '/ready', port: 80 } } },
  { image: 'busybox:1.36', command: ['sh', '-c', 'exit 1'] },
  { image: 'busybox:1.36', command: ['sleep', '5'] },
  { image: 'nginx:doesnotexist' },
];

type Op =
  | { op: 'createPod'; name: string; app: string; workload: number; never: boolean }
  | { op: 'deletePod'; name: string; grace?: number }
  | { op: 'relabel'; name: string; app: string }
  | { op: 'createService'; name: string; app: string }
  | { op: 'deleteService'; name: string }
  | { op: 'advance'; ms: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('createPod' as const), name: fc.constantFrom(...PODS), app: fc.constantFrom(...APPS), workload: fc.nat(WORKLOADS.length - 1), never: fc.boolean() }), weight: 4 },
  { arbitrary: fc.record({ op: fc.constant('deletePod' as const), name: fc.constantFrom(...PODS), grace: fc.option(fc.constantFrom(0, 1, 30), { nil: undefined }) }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('relabel' as const), name: fc.constantFrom(...PODS), app: fc.constantFrom(...APPS) }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('createService' as const), name: fc.constantFrom(...SERVICES), app: fc.constantFrom(...APPS) }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('deleteService' as const), name: fc.constantFrom(...SERVICES) }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('advance' as const), ms: fc.oneof(fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 0, max: 90_000 })) }), weight: 4 },
);

function apply(c: Cluster, o: Op): void {
  try {
    switch (o.op) {
      case 'createPod':
        c.api.create<Pod>(
          {
            apiVersion: 'v1',
            kind: 'Pod',
            metadata: { name: o.name, labels: { app: o.app } },
            spec: { containers: [{ name: 'app', ...WORKLOADS[o.workload]! }], ...(o.never ? { restartPolicy: 'Never' as const } : {}) },
          },
          'learner',
        );
        break;
      case 'deletePod':
        c.api.delete('Pod', 'default', o.name, 'learner', o.grace === undefined ? {} : { gracePeriodSeconds: o.grace });
        break;
      case 'relabel': {
        const p = c.api.get<Pod>('Pod', 'default', o.name);
        c.api.update({ ...p, metadata: { ...p.metadata, labels: { app: o.app } } }, 'learner');
        break;
      }
      case 'createService':
        c.api.create<Service>({ apiVersion: 'v1', kind: 'Service', metadata: { name: o.name }, spec: { selector: { app: o.app }, ports: [{ port: 80 }] } }, 'learner');
        break;
      case 'deleteService':
        c.api.delete('Service', 'default', o.name, 'learner');
        break;
      case 'advance':
        c.advance(o.ms);
        break;
    }
  } catch (e) {
    if (!(e instanceof StatusError)) throw e;
  }
}

const ready = (p: Pod) => p.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True') ?? false;
const listed = (p: Pod) => !!p.status?.podIP && !p.metadata.deletionTimestamp && p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed';

/** Seen counts what the checks had to check, so the property cannot pass vacuously. */
const seen = { ready: 0, notReady: 0, terminating: 0 };

/** check compares every Service's Endpoints and slices with the pods it selects. */
function check(c: Cluster): string[] {
  const problems: string[] = [];
  const pods = c.api.list<Pod>('Pod', 'default');
  const services = c.api.list<Service>('Service', 'default').filter((s) => s.spec.selector);
  for (const svc of services) {
    const name = svc.metadata.name!;
    const matching = pods.filter((p) => p.metadata.labels?.app === svc.spec.selector!.app);
    seen.terminating += matching.filter((p) => p.status?.podIP && p.metadata.deletionTimestamp).length;
    const selected = matching.filter(listed);
    seen.ready += selected.filter(ready).length;
    seen.notReady += selected.filter((p) => !ready(p)).length;
    const want = {
      ready: selected.filter(ready).map((p) => `${p.metadata.name}@${p.status!.podIP}`).sort(),
      notReady: selected.filter((p) => !ready(p)).map((p) => `${p.metadata.name}@${p.status!.podIP}`).sort(),
    };
    const ep = c.api.tryGet<Endpoints>('Endpoints', 'default', name);
    if (!ep) {
      problems.push(`no Endpoints for ${name}`);
      continue;
    }
    const got = {
      ready: (ep.subsets ?? []).flatMap((s) => (s.addresses ?? []).map((a) => `${a.targetRef?.name}@${a.ip}`)).sort(),
      notReady: (ep.subsets ?? []).flatMap((s) => (s.notReadyAddresses ?? []).map((a) => `${a.targetRef?.name}@${a.ip}`)).sort(),
    };
    if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`${name}: Endpoints ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
    // The slices say the same about ready endpoints, and keep terminating ones marked as such.
    const slices = c.api.list<EndpointSlice>('EndpointSlice', 'default').filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === name);
    if (slices.length === 0) problems.push(`no EndpointSlice for ${name}`);
    const sliceReady = slices.flatMap((s) => (s.endpoints ?? []).filter((e) => e.conditions.ready).map((e) => `${e.targetRef?.name}@${e.addresses[0]}`)).sort();
    if (JSON.stringify(sliceReady) !== JSON.stringify(want.ready)) problems.push(`${name}: slices ready ${JSON.stringify(sliceReady)}, want ${JSON.stringify(want.ready)}`);
    for (const e of slices.flatMap((s) => s.endpoints ?? [])) {
      const p = pods.find((x) => x.metadata.uid === e.targetRef?.uid);
      if (!p) problems.push(`${name}: slice lists vanished pod ${e.targetRef?.name}`);
      else if (e.conditions.terminating !== !!p.metadata.deletionTimestamp) problems.push(`${name}: ${p.metadata.name} terminating=${e.conditions.terminating}`);
    }
  }
  for (const ep of c.api.list<Endpoints>('Endpoints', 'default')) {
    if (ep.metadata.name !== 'kubernetes' && !services.some((s) => s.metadata.name === ep.metadata.name)) problems.push(`Endpoints ${ep.metadata.name} outlived its Service`);
  }
  return problems;
}

describe('endpoints property', () => {
  it("every Service's Endpoints list exactly its selected, ready, non-terminating pods with IPs", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.array(opArb, { minLength: 10, maxLength: 40 }), (seed, ops) => {
        const c = defaultCluster({ seed });
        for (const o of ops) {
          apply(c, o);
          c.drain();
          const problems = check(c);
          expect(problems, `after ${JSON.stringify(o)}`).toEqual([]);
        }
        // What the controllers kept from the changes they saw agrees with starting over from the
        // store: restored (remembering nothing) and made to look at every Service, they write nothing.
        const restored = Cluster.restore(c.snapshot());
        const writes = () => restored.api.audit.filter((a) => a.kind === 'Endpoints' || a.kind === 'EndpointSlice').length;
        const before = writes();
        for (const svc of restored.api.list<Service>('Service', 'default')) {
          restored.api.update({ ...svc, metadata: { ...svc.metadata, annotations: { ...svc.metadata.annotations, recheck: 'yes' } } }, 'test');
        }
        restored.drain();
        expect(writes()).toBe(before);
      }),
      { numRuns: 50 },
    );
    expect(seen.ready).toBeGreaterThan(0);
    expect(seen.notReady).toBeGreaterThan(0);
    expect(seen.terminating).toBeGreaterThan(0);
  }, 60_000);
});
