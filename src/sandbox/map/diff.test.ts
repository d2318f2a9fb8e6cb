import { describe, expect, it } from 'vitest';
import { diffLayout } from './diff.ts';
import { clusterWithWeb } from './fixtures.ts';
import { layoutCluster, type LayoutItem } from './layout.ts';
import { buildModel } from './model.ts';
import { readObjects } from './read.ts';
import { describeChanges } from './summary.ts';

const keyed = (items: LayoutItem[]) => new Map(items.map((i) => [i.key, i]));

describe('diffLayout', () => {
  it('reports nothing for an unchanged layout', () => {
    const cluster = clusterWithWeb();
    const a = layoutCluster(buildModel(readObjects(cluster)), { width: 600, showSystem: false });
    const b = layoutCluster(buildModel(readObjects(cluster)), { width: 600, showSystem: false });
    expect(diffLayout(keyed(a.items), b.items)).toEqual({ enter: [], update: [], exit: [] });
  });

  it('reports created, changed and removed pods by key', () => {
    const cluster = clusterWithWeb();
    const first = layoutCluster(buildModel(readObjects(cluster)), { width: 600, showSystem: false });
    const before = first.items.flatMap((i) => (i.type === 'pod' ? [i.pod.name] : []));
    const gone = before[0]!;
    cluster.api.delete('Pod', 'default', gone, 'test', { gracePeriodSeconds: 0 });
    cluster.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'extra' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }, 'test');
    cluster.drain();
    const second = layoutCluster(buildModel(readObjects(cluster)), { width: 600, showSystem: false });
    const d = diffLayout(keyed(first.items), second.items);
    const names = (items: LayoutItem[]) => items.flatMap((i) => (i.type === 'pod' ? [i.pod.name] : []));
    expect(names(d.enter)).toContain('extra');
    expect(names(d.exit)).toEqual([gone]);
    expect(d.update.every((u) => u.prev.key === u.next.key)).toBe(true);
    const untouched = second.items.filter((i) => !d.enter.includes(i) && !d.update.some((u) => u.next === i));
    for (const item of untouched) expect(first.items.some((p) => p.key === item.key)).toBe(true);
  });
});

describe('describeChanges', () => {
  it('says what happened to pods and nodes in plain words', () => {
    const cluster = clusterWithWeb();
    const before = buildModel(readObjects(cluster));
    expect(describeChanges(undefined, before)).toEqual([]);
    const starting = before.pods.find((p) => p.status === 'ContainerCreating')!;
    const old = before.pods.find((p) => p.status === 'Running' && !p.system)!;
    cluster.api.delete('Pod', 'default', old.name, 'test', { gracePeriodSeconds: 0 });
    cluster.advance(30_000);
    const after = buildModel(readObjects(cluster));
    const said = describeChanges(before, after);
    expect(said).toContain(`pod ${starting.name} is Running on ${starting.node}`);
    expect(said).toContain(`pod ${old.name} is gone`);
    expect(said.some((s) => s.includes('kube-'))).toBe(false);
    const notReady = { ...after, nodes: after.nodes.map((n) => (n.name === 'node-2' ? { ...n, status: 'NotReady', ready: false } : n)) };
    expect(describeChanges(after, notReady)).toEqual(['node node-2 is NotReady']);
  });
});
