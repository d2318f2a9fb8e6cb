import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/meta.ts';
import { LabelIndex } from './label-index.ts';
import { Store } from './store.ts';

function pod(name: string, labels?: Record<string, string>, namespace = 'default'): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, ...(labels ? { labels } : {}) } };
}

describe('LabelIndex', () => {
  it('finds the objects carrying every label asked for, sorted by name', () => {
    const index = new LabelIndex();
    index.update(undefined, pod('web-b', { app: 'web', tier: 'fe' }));
    index.update(undefined, pod('web-a', { app: 'web', tier: 'fe' }));
    index.update(undefined, pod('db', { app: 'db', tier: 'be' }));
    index.update(undefined, pod('web-x', { app: 'web' }, 'other'));
    expect(index.candidates('Pod', 'default', [['app', 'web']])).toEqual(['web-a', 'web-b']);
    expect(index.candidates('Pod', 'default', [['app', 'web'], ['tier', 'be']])).toEqual([]);
    expect(index.candidates('Pod', 'other', [['app', 'web']])).toEqual(['web-x']);
    expect(index.candidates('Service', 'default', [['app', 'web']])).toEqual([]);
    expect(index.candidates('Pod', 'default', [])).toBeUndefined();
  });

  it('follows relabelling and removal', () => {
    const index = new LabelIndex();
    const v1 = pod('web', { app: 'web', track: 'stable' });
    index.update(undefined, v1);
    const v2 = pod('web', { app: 'web', track: 'canary' });
    index.update(v1, v2);
    expect(index.candidates('Pod', 'default', [['track', 'stable']])).toEqual([]);
    expect(index.candidates('Pod', 'default', [['track', 'canary'], ['app', 'web']])).toEqual(['web']);
    index.update(v2, undefined);
    expect(index.candidates('Pod', 'default', [['app', 'web']])).toEqual([]);
  });

  it('ignores writes that keep the labels object', () => {
    const index = new LabelIndex();
    const labels = { app: 'web' };
    const v1 = pod('web', labels);
    index.update(undefined, v1);
    index.update(v1, { ...v1, metadata: { ...v1.metadata, resourceVersion: '2' } });
    expect(index.candidates('Pod', 'default', [['app', 'web']])).toEqual(['web']);
  });
});

describe('Store.listByLabels', () => {
  it('answers as filtering every object would, through any sequence of writes', () => {
    const names = ['a', 'b', 'c', 'd'];
    const namespaces = ['default', 'dev'];
    const labelSets: (Record<string, string> | undefined)[] = [undefined, { app: 'web' }, { app: 'web', tier: 'fe' }, { app: 'db' }, { tier: 'fe' }];
    const op = fc.record({ name: fc.constantFrom(...names), ns: fc.constantFrom(...namespaces), labels: fc.nat(labelSets.length - 1), remove: fc.boolean() });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), fc.constantFrom<[string, string][]>([['app', 'web']], [['tier', 'fe']], [['app', 'web'], ['tier', 'fe']], [['app', 'db']]), fc.option(fc.constantFrom(...namespaces), { nil: undefined }), (ops, pairs, ns) => {
        const store = new Store();
        for (const o of ops) {
          const obj = pod(o.name, labelSets[o.labels], o.ns);
          if (o.remove) store.remove(obj);
          else store.put(obj);
        }
        const expected = store.list('Pod', ns).filter((p) => pairs.every(([k, v]) => p.metadata.labels?.[k] === v));
        expect(store.listByLabels('Pod', ns, pairs)).toEqual(expected);
      }),
    );
  });
});
