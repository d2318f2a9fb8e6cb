import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../api/meta.ts';
import { keyOf, Store, type WatchEvent } from './store.ts';

type PodLike = KubeObject & { spec: { nodeName?: string } };

let rvSource: Store;
function pod(name: string, namespace = 'default', nodeName?: string, owners: string[] = []): PodLike {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace,
      resourceVersion: rvSource?.nextResourceVersion(),
      ...(owners.length ? { ownerReferences: owners.map((uid) => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `rs-${uid}`, uid, controller: true })) } : {}),
    },
    spec: nodeName ? { nodeName } : {},
  };
}

function names(objs: KubeObject[]): string[] {
  return objs.map((o) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`).sort();
}

function newStore(): Store {
  rvSource = new Store();
  return rvSource;
}

describe('Store', () => {
  it('hands out strictly increasing resourceVersions', () => {
    const store = newStore();
    let last = 0;
    for (let i = 0; i < 100; i++) {
      const rv = Number(store.nextResourceVersion());
      expect(rv).toBeGreaterThan(last);
      last = rv;
    }
  });

  it('gets, counts and replaces objects', () => {
    const store = newStore();
    store.put(pod('a'));
    store.put(pod('b', 'other'));
    expect(store.get('Pod', 'default', 'a')?.metadata.name).toBe('a');
    expect(store.get('Pod', 'default', 'b')).toBeUndefined();
    expect(store.get('Service', 'default', 'a')).toBeUndefined();
    expect(store.count('Pod')).toBe(2);
    const replaced = pod('a', 'default', 'node-1');
    store.put(replaced);
    expect(store.get('Pod', 'default', 'a')).toBe(replaced);
    expect(store.count('Pod')).toBe(2);
  });

  it('lists sorted by namespace then name, or one namespace only', () => {
    const store = newStore();
    for (const [ns, name] of [['zeta', 'a'], ['default', 'web-2'], ['alpha', 'z'], ['default', 'web-10'], ['default', 'api'], ['alpha', 'b']] as const) {
      store.put(pod(name, ns));
    }
    expect(store.list('Pod').map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual([
      'alpha/b',
      'alpha/z',
      'default/api',
      'default/web-10',
      'default/web-2',
      'zeta/a',
    ]);
    expect(store.list('Pod', 'default').map((o) => o.metadata.name)).toEqual(['api', 'web-10', 'web-2']);
    expect(store.list('Pod', 'nowhere')).toEqual([]);
    expect(store.list('Service')).toEqual([]);
  });

  it('tells watchers of ADDED, MODIFIED and DELETED, with the old object', () => {
    const store = newStore();
    const events: WatchEvent[] = [];
    const stop = store.watch('Pod', (e) => events.push(e));
    const other: WatchEvent[] = [];
    store.watch('Service', (e) => other.push(e));

    const v1 = pod('a');
    store.put(v1);
    const v2 = pod('a', 'default', 'node-1');
    store.put(v2);
    store.remove(v2);

    expect(events.map((e) => e.type)).toEqual(['ADDED', 'MODIFIED', 'DELETED']);
    expect(events[0]!.object).toBe(v1);
    expect(events[0]!.old).toBeUndefined();
    expect(events[1]!.object).toBe(v2);
    expect(events[1]!.old).toBe(v1);
    expect(events[2]!.object.metadata.name).toBe('a');
    expect(events[2]!.old).toBe(v2);
    expect(other).toEqual([]);

    stop();
    store.put(pod('b'));
    expect(events).toHaveLength(3);
  });

  it('stamps a DELETED event with a resourceVersion newer than every earlier one', () => {
    const store = newStore();
    const rvs: number[] = [];
    store.watch('Pod', (e) => rvs.push(Number(e.object.metadata.resourceVersion)));
    const a = pod('a');
    store.put(a);
    store.put(pod('b'));
    store.remove(a);
    expect(rvs).toHaveLength(3);
    expect(rvs[2]).toBeGreaterThan(rvs[1]!);
    // The counter moved on too, so the next write is newer still.
    expect(Number(store.nextResourceVersion())).toBeGreaterThan(rvs[2]!);
  });

  it('ignores removing what is not there', () => {
    const store = newStore();
    const events: WatchEvent[] = [];
    store.watch('Pod', (e) => events.push(e));
    store.remove(pod('ghost'));
    expect(events).toEqual([]);
  });

  it('keeps podsOnNode right across binds, moves and deletes', () => {
    const store = newStore();
    store.put(pod('a'));
    store.put(pod('b', 'default', 'node-1'));
    store.put(pod('c', 'other', 'node-1'));
    expect(names(store.podsOnNode('node-1'))).toEqual(['default/b', 'other/c']);
    expect(store.podsOnNode('node-2')).toEqual([]);

    store.put(pod('a', 'default', 'node-2'));
    expect(names(store.podsOnNode('node-2'))).toEqual(['default/a']);

    // A replacement object with another node moves the pod between indexes.
    store.put(pod('b', 'default', 'node-2'));
    expect(names(store.podsOnNode('node-1'))).toEqual(['other/c']);
    expect(names(store.podsOnNode('node-2'))).toEqual(['default/a', 'default/b']);

    // Status-only rewrites keep the pod indexed, and return the newest object.
    const newer = { ...pod('a', 'default', 'node-2'), status: { phase: 'Running' } };
    store.put(newer);
    expect(store.podsOnNode('node-2').find((p) => p.metadata.name === 'a')).toBe(newer);

    store.remove(store.get('Pod', 'other', 'c')!);
    store.remove(store.get('Pod', 'default', 'a')!);
    expect(store.podsOnNode('node-1')).toEqual([]);
    expect(names(store.podsOnNode('node-2'))).toEqual(['default/b']);
  });

  it('tells a node watcher of the pods bound to its node, before or after the change', () => {
    const store = newStore();
    const seen: Record<string, string[]> = { 'node-1': [], 'node-2': [] };
    for (const node of ['node-1', 'node-2']) store.watchPodsOn(node, (e) => seen[node]!.push(`${e.type} ${e.object.metadata.name}`));
    store.put(pod('a'));
    store.put(pod('a', 'default', 'node-1'));
    store.put(pod('b', 'default', 'node-2'));
    // Moving a pod tells both nodes; removing it tells the node it was on.
    store.put(pod('a', 'default', 'node-2'));
    store.remove(store.get('Pod', 'default', 'b')!);
    expect(seen).toEqual({ 'node-1': ['MODIFIED a', 'MODIFIED a'], 'node-2': ['ADDED b', 'MODIFIED a', 'DELETED b'] });
  });

  it('freezes what it stores, so nobody can change a stored object in place', () => {
    const store = newStore();
    store.put(pod('a', 'default', 'node-1'));
    const stored = store.get('Pod', 'default', 'a') as PodLike;
    expect(Object.isFrozen(stored) && Object.isFrozen(stored.metadata) && Object.isFrozen(stored.spec)).toBe(true);
    expect(() => {
      stored.spec.nodeName = 'node-2';
    }).toThrow(TypeError);
  });

  it('indexes only pods by node', () => {
    const store = newStore();
    store.put({ ...pod('x', 'default', 'node-1'), kind: 'Service' });
    expect(store.podsOnNode('node-1')).toEqual([]);
  });

  it('keeps dependentsOf right across owner changes and deletes', () => {
    const store = newStore();
    store.put(pod('a', 'default', undefined, ['rs1']));
    store.put(pod('b', 'default', undefined, ['rs1', 'rs2']));
    store.put(pod('c', 'default', undefined, ['rs2']));
    expect(names(store.dependentsOf('rs1'))).toEqual(['default/a', 'default/b']);
    expect(names(store.dependentsOf('rs2'))).toEqual(['default/b', 'default/c']);

    // Released: the ownerReference is dropped.
    store.put(pod('a'));
    expect(names(store.dependentsOf('rs1'))).toEqual(['default/b']);
    // Adopted by another owner.
    store.put(pod('a', 'default', undefined, ['rs2']));
    expect(names(store.dependentsOf('rs2'))).toEqual(['default/a', 'default/b', 'default/c']);

    store.remove(store.get('Pod', 'default', 'b')!);
    expect(store.dependentsOf('rs1')).toEqual([]);
    expect(names(store.dependentsOf('rs2'))).toEqual(['default/a', 'default/c']);
    expect(store.dependentsOf('nobody')).toEqual([]);
  });

  it('snapshots and restores objects, indexes and the resourceVersion counter without telling watchers', () => {
    const store = newStore();
    store.put(pod('a', 'default', 'node-1', ['rs1']));
    store.put(pod('b', 'kube-system', 'node-2'));
    store.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
    const snap = JSON.parse(JSON.stringify(store.snapshot()));

    const restored = new Store();
    const events: WatchEvent[] = [];
    restored.watch('Pod', (e) => events.push(e));
    restored.restore(snap);
    expect(events).toEqual([]);
    expect(restored.list('Pod')).toEqual(store.list('Pod'));
    expect(restored.get('Namespace', '', 'default')?.metadata.name).toBe('default');
    expect(names(restored.podsOnNode('node-1'))).toEqual(['default/a']);
    expect(names(restored.dependentsOf('rs1'))).toEqual(['default/a']);
    expect(restored.nextResourceVersion()).toBe(store.nextResourceVersion());
    expect(JSON.stringify(restored.snapshot())).toBe(JSON.stringify(store.snapshot()));
  });

  it('restore replaces earlier contents and indexes', () => {
    const store = newStore();
    store.put(pod('old', 'default', 'node-1', ['rs1']));
    store.restore({ resourceVersion: 5000, objects: [] });
    expect(store.list('Pod')).toEqual([]);
    expect(store.podsOnNode('node-1')).toEqual([]);
    expect(store.dependentsOf('rs1')).toEqual([]);
    expect(store.nextResourceVersion()).toBe('5001');
  });

  it('keys objects as Kind/namespace/name', () => {
    expect(keyOf(pod('a', 'ns1'))).toBe('Pod/ns1/a');
    expect(keyOf({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1' } })).toBe('Node//node-1');
  });
});
