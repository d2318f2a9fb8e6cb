/** Strategic-merge patch creation and application, directive by directive. */
import { describe, expect, it } from 'vitest';
import { diffMaps } from './diff.ts';
import { cursorForKind, type JSONMap } from './patch-meta.ts';
import { applyStrategicPatch, mergeMap } from './strategic-merge.ts';

const POD = cursorForKind('Pod');
const pod = (containers: unknown[], extra: JSONMap = {}): JSONMap => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers, ...extra } });

describe('diffMaps', () => {
  it('diffs merge lists by key with $setElementOrder and delete directives', () => {
    const before = pod([{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }]);
    const after = pod([{ name: 'b', image: 'z' }]);
    expect(diffMaps(before, after, POD, { setElementOrder: true })).toEqual({
      spec: { containers: [{ image: 'z', name: 'b' }, { $patch: 'delete', name: 'a' }], '$setElementOrder/containers': [{ name: 'b' }] },
    });
  });

  it('adds a whole list when the old one was empty', () => {
    expect(diffMaps(pod([{ name: 'a', env: [] }]), pod([{ name: 'a', env: [{ name: 'X', value: '1' }] }]), POD, { setElementOrder: true, ignoreDeletions: true })).toEqual({
      spec: { containers: [{ name: 'a', env: [{ name: 'X', value: '1' }] }], '$setElementOrder/containers': [{ name: 'a' }] },
    });
  });

  it('replaces atomic lists and removes keys with null', () => {
    expect(diffMaps(pod([{ name: 'a', args: ['1', '2'] }]), pod([{ name: 'a', args: ['2'] }], {}), POD, { setElementOrder: true })).toEqual({
      spec: { containers: [{ name: 'a', args: ['2'] }], '$setElementOrder/containers': [{ name: 'a' }] },
    });
    expect(diffMaps({ a: 1, b: 2 }, { a: 1 }, undefined, {})).toEqual({ b: null });
  });

  it('diffs scalar merge lists with $deleteFromPrimitiveList', () => {
    const ns = (finalizers: string[]) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n', finalizers } });
    expect(diffMaps(ns(['x', 'y']), ns(['y', 'z']), cursorForKind('Namespace'), { setElementOrder: true })).toEqual({
      metadata: { finalizers: ['z'], '$deleteFromPrimitiveList/finalizers': ['x'], '$setElementOrder/finalizers': ['y', 'z'] },
    });
  });
});

describe('applyStrategicPatch', () => {
  it('merges containers by name and keeps the patch order', () => {
    const live = pod([{ name: 'a', image: 'x', imagePullPolicy: 'Always' }, { name: 'b', image: 'y' }]);
    const result = applyStrategicPatch(live, { spec: { '$setElementOrder/containers': [{ name: 'b' }, { name: 'a' }], containers: [{ name: 'a', image: 'x2' }] } }, POD);
    expect((result.spec as JSONMap).containers).toEqual([{ name: 'b', image: 'y' }, { name: 'a', image: 'x2', imagePullPolicy: 'Always' }]);
  });

  it('deletes list items with $patch: delete and keys with null', () => {
    const live = pod([{ name: 'a', image: 'x', ports: [{ containerPort: 80 }, { containerPort: 443 }] }], { nodeName: 'n1' });
    const result = applyStrategicPatch(live, { spec: { nodeName: null, containers: [{ name: 'a', ports: [{ $patch: 'delete', containerPort: 80 }] }] } }, POD) as { spec: JSONMap };
    expect(result.spec.nodeName).toBeUndefined();
    expect(result.spec.containers).toEqual([{ name: 'a', image: 'x', ports: [{ containerPort: 443 }] }]);
  });

  it('clears keys not retained by $retainKeys', () => {
    const live = { kind: 'Deployment', spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } } };
    const result = applyStrategicPatch(live, { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } }, cursorForKind('Deployment'));
    expect(result.spec).toEqual({ strategy: { type: 'Recreate' } });
  });

  it('replaces a map with $patch: replace and drops nulls from new subtrees', () => {
    expect(applyStrategicPatch({ a: { x: 1, y: 2 } }, { a: { $patch: 'replace', z: 3 } }, undefined)).toEqual({ a: { z: 3 } });
    expect(applyStrategicPatch({}, { a: { b: null, c: 1 } }, undefined)).toEqual({ a: { c: 1 } });
  });

  it('merges two patches keeping nulls and directives (the three-way join)', () => {
    const deletions = { spec: { containers: [{ $patch: 'delete', name: 'a' }], '$setElementOrder/containers': [{ name: 'b' }] } };
    const delta = { spec: { containers: [{ name: 'b', image: 'z' }], '$setElementOrder/containers': [{ name: 'b' }] } };
    expect(mergeMap(deletions, delta, POD, {})).toEqual({
      spec: { containers: [{ name: 'b', image: 'z' }, { $patch: 'delete', name: 'a' }], '$setElementOrder/containers': [{ name: 'b' }] },
    });
  });
});
