import { describe, expect, it } from 'vitest';
import { clusterWithWeb } from './fixtures.ts';
import { buildModel } from './model.ts';
import { readObjects } from './read.ts';
import { tableRows } from './table-view.ts';

describe('tableRows', () => {
  it('lists nodes, workloads, services and pods, without kube-system unless asked', () => {
    const m = buildModel(readObjects(clusterWithWeb()));
    const rows = tableRows(m, false).map(([, r]) => r);
    expect(rows.filter((r) => r[0] === 'Node').map((r) => r[1])).toEqual(['control-plane', 'node-1', 'node-2', 'node-3']);
    expect(rows.filter((r) => r[0] === 'Deployment').map((r) => r[1])).toEqual(['web']);
    expect(rows.filter((r) => r[0] === 'ReplicaSet').map((r) => r[4])).toEqual(expect.arrayContaining(['3/3', '0/1']));
    expect(rows.some((r) => r[2] === 'kube-system')).toBe(false);
    const svc = rows.find((r) => r[0] === 'Service' && r[1] === 'web')!;
    expect(svc[5]).toMatch(/^3 pods: web-/);
    const pod = rows.find((r) => r[0] === 'Pod' && r[3] === 'ContainerCreating')!;
    expect(pod[6]).toMatch(/^ReplicaSet web-/);
    expect(tableRows(m, true).some(([, r]) => r[2] === 'kube-system')).toBe(true);
  });
});
