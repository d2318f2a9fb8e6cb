import { describe, expect, it } from 'vitest';
import { DEFAULT_NODES } from '../scenario/default-cluster.ts';
import { Machines, MINIKUBE_SERVER } from './machines.ts';
import { newMachinesState } from './state.ts';

describe('Machines', () => {
  it('resolves machines by name or address and tracks ssh hops', () => {
    const m = new Machines(newMachinesState(DEFAULT_NODES));
    expect(m.hostname()).toBe('wheelhouse');
    expect(m.resolve('node-2')?.internalIP).toBe('172.18.0.4');
    expect(m.resolve('172.18.0.5')?.name).toBe('node-3');
    expect(m.resolve('nodex')).toBeUndefined();
    m.enter('node-1');
    m.enter('node-2');
    expect(m.hostname()).toBe('node-2');
    expect(m.leave()).toBe('node-2');
    expect(m.hostname()).toBe('node-1');
    expect(m.leave()).toBe('node-1');
    expect(m.leave()).toBeUndefined();
  });

  it('names the API server kubeadm or minikube runs, and whether it is up', () => {
    const m = new Machines(newMachinesState(DEFAULT_NODES));
    expect(m.apiServer()).toBeUndefined();
    m.minikube = { running: false };
    expect(m.apiServer()).toEqual({ server: MINIKUBE_SERVER, up: false });
    m.minikube = undefined;
    m.kubeadm = { controlPlane: 'control-plane', tokens: [], caCertHash: '0'.repeat(64), joined: [] };
    expect(m.apiServer()).toEqual({ server: 'https://172.18.0.2:6443', up: true });
  });

  it('hands out copies of its state, so a snapshot never changes afterwards', () => {
    const m = new Machines(newMachinesState(DEFAULT_NODES));
    const before = m.state;
    m.enter('node-1');
    expect(before.hops).toEqual([]);
    expect(m.state.hops).toEqual(['node-1']);
  });
});
