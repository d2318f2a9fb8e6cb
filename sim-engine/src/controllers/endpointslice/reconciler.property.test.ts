import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EndpointSlice } from '../../api/endpoints.ts';
import { MAX_ENDPOINTS_PER_SLICE, plan, podOf, portsKeyOf, type DesiredEndpoint, type PortGroup, type SliceEndpoint, type SlicePort } from './reconciler.ts';

const PORT_SETS: SlicePort[][] = [[{ name: '', port: 80, protocol: 'TCP' }], [{ name: '', port: 8080, protocol: 'TCP' }]];
const LABELS = { 'kubernetes.io/service-name': 'web' };

function endpoint(pod: string, ready: boolean): SliceEndpoint {
  return { addresses: [`10.0.0.${pod.length}`], conditions: { ready, serving: ready, terminating: false }, targetRef: { kind: 'Pod', name: pod, namespace: 'default' } };
}

/** A Service's state: its slices (pods dealt out in slices of up to 100) and what it wants now. */
const state = fc
  .record({
    pods: fc.integer({ min: 0, max: 260 }),
    existing: fc.array(fc.record({ size: fc.integer({ min: 0, max: MAX_ENDPOINTS_PER_SLICE }), ports: fc.nat(PORT_SETS.length - 1) }), { maxLength: 4 }),
    wanted: fc.func(fc.constantFrom<'gone' | 'same' | 'flip' | 'move'>('gone', 'same', 'same', 'flip', 'move')),
    extra: fc.integer({ min: 0, max: 120 }),
  })
  .map(({ pods, existing, wanted, extra }) => {
    const names = Array.from({ length: pods }, (_, i) => `p${String(i).padStart(3, '0')}`);
    let next = 0;
    const slices: EndpointSlice[] = existing.map((s, i) => ({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: `web-${i}`, namespace: 'default', labels: LABELS },
      addressType: 'IPv4',
      ports: PORT_SETS[s.ports]!,
      endpoints: names.slice(next, (next = Math.min(names.length, next + s.size))).map((p) => endpoint(p, true)),
    })) as EndpointSlice[];
    const desired = new Map<string, DesiredEndpoint>();
    const changed = new Set<string>();
    slices.forEach((s, i) => {
      for (const ep of s.endpoints ?? []) {
        const fate = wanted(podOf(ep), i);
        const ports = fate === 'move' ? PORT_SETS[(PORT_SETS.indexOf(s.ports as SlicePort[]) + 1) % PORT_SETS.length]! : (s.ports as SlicePort[]);
        if (fate !== 'gone') desired.set(podOf(ep), { endpoint: fate === 'flip' ? endpoint(podOf(ep), false) : ep, ports, portsKey: portsKeyOf(ports) });
        if (fate !== 'same') changed.add(podOf(ep));
      }
    });
    // Pods no slice lists yet.
    for (const p of names.slice(next, next + extra)) {
      desired.set(p, { endpoint: endpoint(p, true), ports: PORT_SETS[0]!, portsKey: portsKeyOf(PORT_SETS[0]!) });
      changed.add(p);
    }
    const groups = new Map<string, PortGroup>();
    for (const d of desired.values()) {
      const g = groups.get(d.portsKey);
      if (g) g.count++;
      else groups.set(d.portsKey, { ports: d.ports, count: 1 });
    }
    const touched = new Set(slices.filter((s) => (s.endpoints ?? []).some((ep) => changed.has(podOf(ep)))).map((s) => s.metadata.name!));
    return { slices, desired, groups, changed, touched };
  });

describe('the EndpointSlice reconciler', () => {
  it('lists every wanted endpoint exactly once, under its ports, at most 100 to a slice', () => {
    fc.assert(
      fc.property(state, ({ slices, desired, groups, changed, touched }) => {
        const writes = plan({ slices, desired, groups, changed, touched, labels: LABELS });
        // Apply the plan as the API server would.
        const after = new Map(slices.map((s) => [s.metadata.name!, { ports: s.ports ?? null, endpoints: s.endpoints ?? null }]));
        for (const u of writes.update) {
          expect(after.has(u.name)).toBe(true);
          after.set(u.name, u.body);
        }
        for (const name of writes.delete) after.delete(name);
        writes.create.forEach((body, i) => after.set(`new-${i}`, body));
        const where = new Map<string, string>();
        for (const [name, s] of after) {
          expect(s.endpoints?.length ?? 0).toBeLessThanOrEqual(MAX_ENDPOINTS_PER_SLICE);
          for (const ep of s.endpoints ?? []) {
            expect(where.has(podOf(ep)), `${podOf(ep)} listed twice`).toBe(false);
            where.set(podOf(ep), name);
            const d = desired.get(podOf(ep));
            expect(d, `${podOf(ep)} is not wanted`).toBeDefined();
            expect(ep).toEqual(d!.endpoint);
            expect(portsKeyOf(s.ports)).toBe(d!.portsKey);
          }
        }
        expect(where.size).toBe(desired.size);
        // The plan writes no empty slice but the one placeholder of a Service with nothing to list.
        const written = [...writes.update.map((u) => u.body), ...writes.create];
        const emptyWrites = written.filter((b) => !b.endpoints?.length);
        expect(emptyWrites.length).toBeLessThanOrEqual(desired.size === 0 ? 1 : 0);
        if (desired.size === 0) expect([...after.values()].filter((s) => !s.endpoints?.length).length).toBeGreaterThanOrEqual(1);
        // A slice that lists no changed pod, and whose ports are still wanted, is left alone unless it takes new endpoints.
        for (const s of slices) {
          const untouched = !touched.has(s.metadata.name!) && groups.get(portsKeyOf(s.ports ?? null))?.count;
          const update = writes.update.find((u) => u.name === s.metadata.name);
          if (untouched && update) expect(update.body.endpoints!.slice(0, s.endpoints!.length)).toEqual(s.endpoints);
          if (untouched) expect(writes.delete).not.toContain(s.metadata.name);
        }
      }),
      { numRuns: 300 },
    );
  });
});
