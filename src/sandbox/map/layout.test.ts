import { describe, expect, it } from 'vitest';
import { clusterWithWeb } from './fixtures.ts';
import { layoutCluster, type LayoutItem, type NodeBox, type PodBox } from './layout.ts';
import { buildModel, type ClusterModel, type MapPod } from './model.ts';
import { readObjects } from './read.ts';

function model(): ClusterModel {
  return buildModel(readObjects(clusterWithWeb()));
}

const byType = <T extends LayoutItem['type']>(items: LayoutItem[], type: T) => items.filter((i) => i.type === type) as Extract<LayoutItem, { type: T }>[];

function inside(inner: { x: number; y: number; w: number; h: number }, outer: { x: number; y: number; w: number; h: number }): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;
}

describe('layoutCluster', () => {
  it('puts every visible pod inside the box of its node', () => {
    const m = model();
    const layout = layoutCluster(m, { width: 640, showSystem: false });
    const nodes = new Map(byType(layout.items, 'node').map((n) => [n.name, n]));
    const pods = byType(layout.items, 'pod');
    expect(pods.map((p) => p.pod.name).sort()).toEqual(m.pods.filter((p) => !p.system).map((p) => p.name).sort());
    expect(pods).toHaveLength(4);
    for (const p of pods) expect(inside(p, nodes.get(p.pod.node!)!)).toBe(true);
  });

  it('draws the control plane first and counts hidden system pods', () => {
    const layout = layoutCluster(model(), { width: 640, showSystem: false });
    const nodes = byType(layout.items, 'node');
    expect(nodes.map((n) => n.name)).toEqual(['control-plane', 'node-1', 'node-2', 'node-3']);
    expect(nodes[0]!.hiddenSystem).toBeGreaterThan(3);
    const shown = layoutCluster(model(), { width: 640, showSystem: true });
    expect(byType(shown.items, 'node')[0]!.hiddenSystem).toBe(0);
    expect(byType(shown.items, 'pod').some((p) => p.pod.namespace === 'kube-system')).toBe(true);
  });

  it('never overlaps boxes of the same kind and stays within the width', () => {
    for (const width of [300, 480, 900]) {
      const layout = layoutCluster(model(), { width, showSystem: true });
      for (const type of ['node', 'pod', 'service', 'replicaset'] as const) {
        const boxes = byType(layout.items, type) as { x: number; y: number; w: number; h: number }[];
        for (const b of boxes) expect(b.x + b.w).toBeLessThanOrEqual(width);
        for (let i = 0; i < boxes.length; i++)
          for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i]!;
            const b = boxes[j]!;
            const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
            expect(overlap).toBe(false);
          }
      }
      expect(layout.height).toBeGreaterThan(0);
    }
  });

  it('groups ReplicaSets under their Deployment, older revision first, and colours pods like their ReplicaSet', () => {
    const layout = layoutCluster(model(), { width: 640, showSystem: false });
    const sets = byType(layout.items, 'replicaset');
    expect(sets.map((s) => s.rs.revision)).toEqual(['1', '2']);
    expect(sets[0]!.hue).not.toBe(sets[1]!.hue);
    const hue = new Map(sets.map((s) => [s.rs.uid, s.hue]));
    for (const p of byType(layout.items, 'pod')) expect(p.hue).toBe(hue.get(p.pod.owner!));
    const deployment = byType(layout.items, 'deployment')[0]!;
    expect(deployment.title).toBe('deployment/web');
    for (const s of sets) expect(inside(s, deployment)).toBe(true);
  });

  it('places pods of the older revision before the newer on a node', () => {
    const layout = layoutCluster(model(), { width: 640, showSystem: false });
    const sets = byType(layout.items, 'replicaset');
    const rev = new Map(sets.map((s) => [s.rs.uid, Number(s.rs.revision)]));
    const pods = byType(layout.items, 'pod');
    for (const node of new Set(pods.map((p) => p.pod.node))) {
      const revs = pods.filter((p) => p.pod.node === node).map((p) => rev.get(p.pod.owner!)!);
      expect(revs).toEqual([...revs].sort());
    }
  });

  it('links a Service to the pods behind it', () => {
    const layout = layoutCluster(model(), { width: 640, showSystem: false });
    const links = byType(layout.items, 'link');
    const pods = byType(layout.items, 'pod');
    // Revision 1's three ready pods; the starting pod is not behind the Service yet.
    expect(links).toHaveLength(3);
    const svc = byType(layout.items, 'service').find((s) => s.service.name === 'web')!;
    for (const l of links) {
      expect(l.y1).toBe(svc.y + svc.h);
      const pod = pods.find((p) => p.x + p.w / 2 === l.x2 && p.y === l.y2);
      expect(pod?.pod.status).toBe('Running');
    }
  });

  it('links a Service with many pods to their nodes, weighted by count', () => {
    const m = model();
    const svc = m.services.find((s) => s.name === 'web')!;
    const base = m.pods.find((p) => !p.system)!;
    const many: MapPod[] = Array.from({ length: 30 }, (_, i) => ({ ...base, uid: `u${i}`, name: `p${i}`, node: `node-${(i % 3) + 1}` }));
    const layout = layoutCluster({ ...m, pods: [...m.pods, ...many], services: [{ ...svc, pods: many.map((p) => p.uid) }] }, { width: 640, showSystem: false });
    const links = byType(layout.items, 'link');
    expect(links.map((l) => l.count)).toEqual([10, 10, 10]);
    const nodes = byType(layout.items, 'node');
    for (const l of links) expect(nodes.some((n) => n.x + n.w / 2 === l.x2 && n.y === l.y2)).toBe(true);
  });

  it('keeps keys stable so a renderer can animate', () => {
    const a = layoutCluster(model(), { width: 640, showSystem: false });
    const b = layoutCluster(model(), { width: 640, showSystem: false });
    expect(a.items.map((i) => i.key)).toEqual(b.items.map((i) => i.key));
    expect(new Set(a.items.map((i) => i.key)).size).toBe(a.items.length);
  });

  it('switches to compact tiles for many pods and puts unscheduled pods in a tray', () => {
    const m = model();
    const base = m.pods.find((p) => !p.system)!;
    const many: MapPod[] = Array.from({ length: 100 }, (_, i) => ({ ...base, uid: `u${i}`, name: `p${i}`, node: i === 0 ? undefined : `node-${(i % 3) + 1}` }));
    const layout = layoutCluster({ ...m, pods: [...m.pods, ...many] }, { width: 640, showSystem: false });
    expect(layout.compact).toBe(true);
    const tray = byType(layout.items, 'node').find((n: NodeBox) => n.tray)!;
    const p0 = byType(layout.items, 'pod').find((p: PodBox) => p.pod.uid === 'u0')!;
    expect(inside(p0, tray)).toBe(true);
  });
});
