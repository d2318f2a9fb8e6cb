import { describe, expect, it } from 'vitest';
import type { ContainerStatus, Pod, PodCondition, PodStatus } from '../../../api/pod.ts';
import { podRestarts, podStatusReason } from './pod.ts';

const NOW = Date.UTC(2026, 0, 12, 9, 1, 0);

function cs(name: string, state: ContainerStatus['state'], restartCount = 0, last?: string): ContainerStatus {
  return {
    name,
    state,
    ready: false,
    restartCount,
    image: 'busybox:1.36',
    imageID: '',
    lastState: last ? { terminated: { exitCode: 1, reason: 'Error', finishedAt: last } } : {},
  } as ContainerStatus;
}

function pod(status: PodStatus, inits = 2): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web' },
    spec: {
      initContainers: Array.from({ length: inits }, (_, i) => ({ name: `init${i}`, image: 'busybox:1.36' })),
      containers: [{ name: 'web', image: 'nginx:1.25' }],
    },
    status,
  };
}

const done = { terminated: { exitCode: 0, reason: 'Completed' } };
const initializing = { waiting: { reason: 'PodInitializing' } };
const initializedIs = (status: 'True' | 'False'): PodCondition[] => [{ type: 'Initialized', status, lastProbeTime: null, lastTransitionTime: '2026-01-12T09:00:00Z' }];
const notInitialized = initializedIs('False');
const running = { running: { startedAt: '2026-01-12T09:00:30Z' } };

describe('podStatusReason with init containers (printPod)', () => {
  it('counts completed init containers: Init:0/2, Init:1/2', () => {
    const app = [cs('web', initializing)];
    expect(podStatusReason(pod({ phase: 'Pending', conditions: notInitialized, initContainerStatuses: [cs('init0', initializing), cs('init1', initializing)], containerStatuses: app }))).toBe('Init:0/2');
    expect(podStatusReason(pod({ phase: 'Pending', conditions: notInitialized, initContainerStatuses: [cs('init0', done), cs('init1', running)], containerStatuses: app }))).toBe('Init:1/2');
  });

  it('names a failing init container: Init:Error, Init:CrashLoopBackOff, Init:ExitCode', () => {
    const app = [cs('web', initializing)];
    expect(podStatusReason(pod({ phase: 'Failed', conditions: notInitialized, initContainerStatuses: [cs('init0', { terminated: { exitCode: 1, reason: 'Error' } })], containerStatuses: app }, 1))).toBe('Init:Error');
    expect(podStatusReason(pod({ phase: 'Pending', conditions: notInitialized, initContainerStatuses: [cs('init0', { waiting: { reason: 'CrashLoopBackOff' } }, 2)], containerStatuses: app }, 1))).toBe('Init:CrashLoopBackOff');
    expect(podStatusReason(pod({ phase: 'Pending', conditions: notInitialized, initContainerStatuses: [cs('init0', { terminated: { exitCode: 2 } })], containerStatuses: app }, 1))).toBe('Init:ExitCode:2');
  });

  it('shows the app containers once initialized: PodInitializing, then Running', () => {
    const inits = [cs('init0', done), cs('init1', done)];
    const initialized = initializedIs('True');
    expect(podStatusReason(pod({ phase: 'Pending', conditions: initialized, initContainerStatuses: inits, containerStatuses: [cs('web', initializing)] }))).toBe('PodInitializing');
    expect(podStatusReason(pod({ phase: 'Running', conditions: initialized, initContainerStatuses: inits, containerStatuses: [{ ...cs('web', running), ready: true }] }))).toBe('Running');
  });

  it('counts init container restarts while initializing, app container restarts after', () => {
    const initRestarts = pod({ phase: 'Pending', conditions: notInitialized, initContainerStatuses: [cs('init0', { waiting: { reason: 'CrashLoopBackOff' } }, 3, '2026-01-12T09:00:50Z')], containerStatuses: [cs('web', initializing)] }, 1);
    expect(podRestarts(initRestarts, NOW)).toBe('3 (10s ago)');
    const after = pod({ phase: 'Running', conditions: initializedIs('True'), initContainerStatuses: [cs('init0', done, 3)], containerStatuses: [cs('web', running)] }, 1);
    expect(podRestarts(after, NOW)).toBe('0');
  });
});
