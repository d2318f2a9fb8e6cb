import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet } from '../api/apps.ts';
import type { Endpoints } from '../api/endpoints.ts';
import { evaluateCheck } from './evaluate.ts';
import { bareCluster, check, deployment, makeReady, pod, replicaSet, service } from './testing.ts';

describe('podsReady', () => {
  it('one pod: found, Running and Ready', () => {
    const c = bareCluster();
    const ready = check({ type: 'podsReady', pod: 'web' });
    expect(evaluateCheck(c, ready).message).toBe('pod web not found in namespace default');
    c.api.create(pod('web'), 'kubectl');
    expect(evaluateCheck(c, ready)).toEqual({ passed: false, message: 'pod web is Pending, not Running and Ready' });
    makeReady(c, 'web', false);
    expect(evaluateCheck(c, ready)).toEqual({ passed: false, message: 'pod web is Running but not Ready, not Running and Ready' });
    makeReady(c, 'web');
    expect(evaluateCheck(c, ready)).toEqual({ passed: true, message: 'pod web is Running and Ready' });
  });

  it('a Deployment: its replicas, counted through its selector', () => {
    const c = bareCluster();
    const ready = check({ type: 'podsReady', deployment: 'web' });
    expect(evaluateCheck(c, ready).message).toBe('deployment web not found in namespace default');
    c.api.create(deployment('web', 'nginx:1.25', 3), 'kubectl');
    expect(evaluateCheck(c, ready)).toEqual({ passed: false, message: 'deployment web has 0/3 ready replicas: only 0 of 3 pods exist' });
    for (const n of ['a', 'b', 'c']) c.api.create(pod(`web-${n}`, { app: 'web' }), 'replicaset-controller');
    makeReady(c, 'web-a');
    makeReady(c, 'web-b');
    expect(evaluateCheck(c, ready)).toEqual({ passed: false, message: 'deployment web has 2/3 ready replicas: web-c is Pending' });
    makeReady(c, 'web-c');
    expect(evaluateCheck(c, ready)).toEqual({ passed: true, message: 'deployment web has 3/3 ready replicas' });
    c.api.create(pod('web-d', { app: 'web' }), 'replicaset-controller');
    expect(evaluateCheck(c, ready)).toEqual({ passed: false, message: 'deployment web has 4 pods, expected 3: web-d is Pending' });
    expect(evaluateCheck(c, check({ type: 'podsReady', deployment: 'web', count: 4 })).passed).toBe(false);
    makeReady(c, 'web-d');
    expect(evaluateCheck(c, check({ type: 'podsReady', deployment: 'web', count: 4 })).passed).toBe(true);
  });

  it('a ReplicaSet and a selector', () => {
    const c = bareCluster();
    const d = c.api.create(deployment('web', 'nginx:1.25', 2), 'kubectl');
    c.api.create(replicaSet(d, 'abc', 1), 'deployment-controller');
    c.api.create(pod('web-abc-1', { app: 'web', 'pod-template-hash': 'abc' }), 'replicaset-controller');
    makeReady(c, 'web-abc-1');
    expect(evaluateCheck(c, check({ type: 'podsReady', replicaSet: 'web-abc' }))).toEqual({
      passed: false,
      message: 'replicaset web-abc has 1/2 ready replicas: only 1 of 2 pods exist',
    });
    expect(evaluateCheck(c, check({ type: 'podsReady', selector: 'app=web' }))).toEqual({ passed: true, message: 'the one pod with app=web is Running and Ready' });
    expect(evaluateCheck(c, check({ type: 'podsReady', selector: 'app=web', count: 2 }))).toEqual({ passed: false, message: 'found 1 pod with app=web, expected 2' });
    expect(evaluateCheck(c, check({ type: 'podsReady', selector: { app: 'db' } }))).toEqual({ passed: false, message: 'no pods match app=db in namespace default' });
  });
});

describe('serviceSelects', () => {
  it('explains why a Service selects no pods', () => {
    const c = bareCluster();
    const sel = check({ type: 'serviceSelects', service: 'web' });
    expect(evaluateCheck(c, sel).message).toBe('service web not found in namespace default');
    c.api.create(service('web', { app: 'web' }), 'kubectl');
    c.api.create(pod('web-1', { run: 'web' }), 'kubectl');
    expect(evaluateCheck(c, sel)).toEqual({ passed: false, message: 'Service web selects 0 ready pods, expected at least 1: no pod has the label app=web' });
    c.api.create(service('multi', { app: 'web', tier: 'fe' }), 'kubectl');
    c.api.create(pod('web-2', { app: 'web' }), 'kubectl');
    c.api.create(pod('fe', { tier: 'fe' }), 'kubectl');
    expect(evaluateCheck(c, check({ type: 'serviceSelects', service: 'multi' })).message).toBe(
      'Service multi selects 0 ready pods, expected at least 1: no pod has all of the labels app=web,tier=fe',
    );
    expect(evaluateCheck(c, sel).message).toBe('Service web selects 0 ready pods, expected at least 1: 1 pod matches app=web, but web-2 is Pending');
    makeReady(c, 'web-2');
    expect(evaluateCheck(c, sel)).toEqual({ passed: true, message: 'Service web selects 1 ready pod: web-2' });
    expect(evaluateCheck(c, check({ type: 'serviceSelects', service: 'web', equals: 3 })).message).toBe('Service web selects 1 ready pod, expected 3: 1 pod matches app=web');
  });

  it('reads the Endpoints when they exist (via auto or endpoints)', () => {
    const c = bareCluster();
    c.api.create(service('web', { app: 'web' }), 'kubectl');
    expect(evaluateCheck(c, check({ type: 'serviceSelects', service: 'web', via: 'endpoints' })).message).toBe('Service web has no Endpoints yet');
    const ep: Endpoints = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'web', namespace: 'default' },
      subsets: [{ addresses: [{ ip: '10.244.1.2' }, { ip: '10.244.2.2' }], notReadyAddresses: [{ ip: '10.244.3.2' }], ports: [{ port: 80 }] }],
    };
    c.api.create(ep, 'endpoint-controller');
    expect(evaluateCheck(c, check({ type: 'serviceSelects', service: 'web', equals: 2 }))).toEqual({ passed: true, message: 'Service web selects 2 ready pods (from its Endpoints): 10.244.1.2 and 10.244.2.2' });
    // The selector path ignores the (stale) Endpoints and looks at the pods themselves.
    expect(evaluateCheck(c, check({ type: 'serviceSelects', service: 'web', via: 'selector' })).passed).toBe(false);
  });

  it('a Service without a selector selects nothing', () => {
    const c = bareCluster();
    c.api.create({ ...service('ext', {}), spec: { ports: [{ port: 80 }] } }, 'kubectl');
    expect(evaluateCheck(c, check({ type: 'serviceSelects', service: 'ext' })).message).toBe('Service ext has no selector, so it selects no pods');
  });
});

describe('ownedBy', () => {
  function setup() {
    const c = bareCluster();
    const d = c.api.create<Deployment>(deployment('web'), 'kubectl');
    const rs = c.api.create<ReplicaSet>(replicaSet(d, 'abc', 1), 'deployment-controller');
    c.api.create(pod('web-abc-1', { app: 'web' }, 'nginx:1.25', { kind: 'ReplicaSet', name: rs.metadata.name!, uid: rs.metadata.uid! }), 'replicaset-controller');
    c.api.create(pod('stray', { app: 'web' }), 'kubectl');
    return { c, d, rs };
  }

  it('a ReplicaSet owned by its Deployment; a pod owned through its ReplicaSet', () => {
    const { c } = setup();
    expect(evaluateCheck(c, check({ type: 'ownedBy', kind: 'ReplicaSet', name: 'web-abc', owner: { kind: 'Deployment', name: 'web' } }))).toEqual({
      passed: true,
      message: 'replicaset web-abc is owned by deployment web',
    });
    expect(evaluateCheck(c, check({ type: 'ownedBy', kind: 'Pod', name: 'web-abc-1', owner: { kind: 'ReplicaSet', name: 'web-abc' } })).passed).toBe(true);
    expect(evaluateCheck(c, check({ type: 'ownedBy', kind: 'Pod', name: 'web-abc-1', owner: { kind: 'Deployment', name: 'web' } }))).toEqual({
      passed: true,
      message: 'pod web-abc-1 is owned by deployment web (through replicaset web-abc)',
    });
  });

  it('names the object that breaks the chain', () => {
    const { c } = setup();
    expect(evaluateCheck(c, check({ type: 'ownedBy', kind: 'Pod', selector: 'app=web', owner: { kind: 'Deployment', name: 'web' } })).message).toBe(
      'pod stray has no owner: nothing controls it, so it is not owned by deployment web',
    );
    c.api.create(deployment('other'), 'kubectl');
    expect(evaluateCheck(c, check({ type: 'ownedBy', kind: 'Pod', name: 'web-abc-1', owner: { kind: 'Deployment', name: 'other' } })).message).toBe(
      'pod web-abc-1 is owned by replicaset web-abc, which is owned by deployment web, not by deployment other',
    );
    expect(evaluateCheck(c, check({ type: 'ownedBy', kind: 'ReplicaSet', selector: 'app=nope', owner: { kind: 'Deployment', name: 'web' } })).message).toBe(
      'no replicasets match app=nope in namespace default',
    );
  });

  it('an owner deleted and recreated under the same name is not the owner', () => {
    const { c } = setup();
    c.api.delete('Deployment', 'default', 'web', 'kubectl');
    c.api.create(deployment('web'), 'kubectl');
    expect(evaluateCheck(c, check({ type: 'ownedBy', kind: 'ReplicaSet', name: 'web-abc', owner: { kind: 'Deployment', name: 'web' } })).message).toBe(
      'replicaset web-abc is owned by an earlier deployment web, one that has since been deleted',
    );
  });
});
