import { describe, expect, it } from 'vitest';
import { defaultCluster, type Endpoints } from '@wheelhouse/sim-engine';
import { clusterWithWeb } from './fixtures.ts';
import { buildModel, toneOf } from './model.ts';
import { readObjects } from './read.ts';

describe('buildModel', () => {
  it('reads pod STATUS and READY as kubectl get pods does', () => {
    const cluster = defaultCluster({ seed: 2 });
    cluster.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'solo' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }, 'test');
    cluster.drain();
    const solo = () => buildModel(readObjects(cluster)).pods.find((p) => p.name === 'solo')!;
    expect(solo()).toMatchObject({ status: 'ContainerCreating', ready: '0/1', tone: 'wait', owner: undefined });
    cluster.advance(30_000);
    expect(solo()).toMatchObject({ status: 'Running', ready: '1/1', tone: 'ok' });
    cluster.api.delete('Pod', 'default', 'solo', 'test');
    cluster.drain();
    expect(solo()).toMatchObject({ status: 'Terminating', tone: 'gone' });
  });

  it('reads nodes, ReplicaSet revisions and Deployment ownership', () => {
    const m = buildModel(readObjects(clusterWithWeb()));
    expect(m.nodes.map((n) => [n.name, n.controlPlane, n.status])).toEqual([
      ['control-plane', true, 'Ready'],
      ['node-1', false, 'Ready'],
      ['node-2', false, 'Ready'],
      ['node-3', false, 'Ready'],
    ]);
    const d = m.deployments.find((x) => x.name === 'web')!;
    const sets = m.replicaSets.filter((r) => r.namespace === 'default');
    expect(sets.map((r) => r.revision).sort()).toEqual(['1', '2']);
    expect(sets.every((r) => r.deployment === d.uid)).toBe(true);
    const web = m.pods.filter((p) => !p.system);
    expect(web.every((p) => p.ownerKind === 'ReplicaSet' && m.replicaSets.some((r) => r.uid === p.owner))).toBe(true);
  });

  it('takes a Service’s pods from its Endpoints object when there is one', () => {
    const objs = readObjects(clusterWithWeb());
    const web = () => buildModel(objs).services.find((s) => s.name === 'web')!;
    expect(web().pods).toHaveLength(3);
    const target = objs.pods.find((p) => p.metadata.namespace === 'default')!;
    const ep: Endpoints = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'web', namespace: 'default' },
      subsets: [{ addresses: [{ ip: '10.0.0.1', targetRef: { kind: 'Pod', name: target.metadata.name!, namespace: 'default' } }] }],
    };
    objs.endpoints = [ep];
    expect(web().pods).toEqual([target.metadata.uid]);
    objs.endpoints = [];
    expect(web().pods).toHaveLength(3);
  });

  it('colours statuses by family', () => {
    expect(toneOf('CrashLoopBackOff', '0/1')).toBe('bad');
    expect(toneOf('ImagePullBackOff', '0/1')).toBe('bad');
    expect(toneOf('ErrImagePull', '0/1')).toBe('bad');
    expect(toneOf('Error', '0/1')).toBe('bad');
    expect(toneOf('Completed', '0/1')).toBe('done');
    expect(toneOf('Running', '0/1')).toBe('wait');
    expect(toneOf('Pending', '0/1')).toBe('wait');
    expect(toneOf('Init:0/1', '0/1')).toBe('wait');
    expect(toneOf('Init:CrashLoopBackOff', '0/1')).toBe('bad');
  });
});
