import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/pod.ts';
import { Store } from '../../store/store.ts';
import { PodsByNode } from './pods-by-node.ts';

function pod(name: string, owner: string | undefined, nodeName?: string, phase: 'Running' | 'Succeeded' = 'Running', deleting = false): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      ...(owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: owner, uid: owner, controller: true }] } : {}),
      ...(deleting ? { deletionTimestamp: '2026-01-12T09:00:00Z' } : {}),
    },
    spec: { containers: [{ name: 'c', image: 'nginx' }], ...(nodeName ? { nodeName } : {}) },
    status: { phase },
  };
}

describe('PodsByNode', () => {
  it('counts active pods per owner and node as pods come, move, finish and go', () => {
    const store = new Store();
    const counts = new PodsByNode(store);
    store.put(pod('early', 'rs1', 'n1'));
    // Built on first use from what the store holds, then kept from watch events.
    expect(counts.onNode(['rs1'])).toEqual(new Map([['n1', 1]]));
    store.watch('Pod', (e) => counts.observe(e));
    store.put(pod('a', 'rs1'));
    store.put(pod('b', 'rs2', 'n1'));
    store.put(pod('a', 'rs1', 'n2'));
    store.put(pod('c', 'rs1', 'n2', 'Succeeded'));
    store.put(pod('d', 'rs1', 'n2', 'Running', true));
    store.put(pod('e', undefined, 'n1'));
    expect(counts.onNode(['rs1'])).toEqual(new Map([['n1', 1], ['n2', 1]]));
    expect(counts.onNode(['rs1', 'rs2'])).toEqual(new Map([['n1', 2], ['n2', 1]]));
    store.remove(store.get('Pod', 'default', 'early')!);
    expect(counts.onNode(['rs1'])).toEqual(new Map([['n2', 1]]));
    // After a reset the counts are rebuilt from the store and agree with what events kept.
    const kept = counts.onNode(['rs1', 'rs2']);
    counts.reset();
    expect(counts.onNode(['rs1', 'rs2'])).toEqual(kept);
  });
});
